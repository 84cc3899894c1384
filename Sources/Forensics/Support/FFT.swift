// A small radix-2 FFT for the resampling analysis's spectra (Popescu & Farid's p-map, projected on
// rows and columns). Lengths are powers of two; the caller pads or crops.
import Foundation

enum FFT {
    /// Magnitudes |X(k)| for k in 0...n/2 of a real sequence whose length is a power of two.
    static func magnitudes(_ x: [Float]) -> [Float] {
        let n = x.count
        precondition(n > 0 && n & (n - 1) == 0, "FFT length \(n) is not a power of two")
        var re = x.map(Double.init), im = [Double](repeating: 0, count: n)
        // Bit reversal.
        var j = 0
        for i in 1..<max(n, 2) where i < n {
            var bit = n >> 1
            while j & bit != 0 { j ^= bit; bit >>= 1 }
            j |= bit
            if i < j { re.swapAt(i, j); im.swapAt(i, j) }
        }
        var len = 2
        while len <= n {
            let ang = -2 * Double.pi / Double(len)
            for start in stride(from: 0, to: n, by: len) {
                for k in 0..<(len / 2) {
                    let wr = cos(ang * Double(k)), wi = sin(ang * Double(k))
                    let a = start + k, b = a + len / 2
                    let tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr
                    re[b] = re[a] - tr; im[b] = im[a] - ti
                    re[a] += tr; im[a] += ti
                }
            }
            len <<= 1
        }
        return (0...(n / 2)).map { Float((re[$0] * re[$0] + im[$0] * im[$0]).squareRoot()) }
    }
}
