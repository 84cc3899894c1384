// The orthonormal 8x8 DCT-II that JPEG's quantisation tables refer to (ITU-T T.81, A.3.3):
// F(u,v) = 1/4 C(u) C(v) sum f(x,y) cos((2x+1)u pi/16) cos((2y+1)v pi/16). Orthonormal, so the
// squared error of quantising coefficients equals the squared error in pixels (Parseval), which
// lets the JPEG ghost analysis recompress in the DCT domain without a codec round trip.
import Foundation

enum DCT8 {
    /// basis[u * 8 + x] = C(u)/2 cos((2x+1) u pi / 16)
    static let basis: [Float] = (0..<64).map { i in
        let u = i / 8, x = i % 8
        let c = u == 0 ? 1 / 2.0.squareRoot() : 1.0
        return Float(c / 2 * cos(Double(2 * x + 1) * Double(u) * .pi / 16))
    }

    /// Forward DCT of the 8x8 block at (bx*8, by*8) of `plane` (values level-shifted by -128),
    /// written to `out` in natural order (index v * 8 + u: row frequency v, column frequency u).
    static func forward(_ plane: UnsafePointer<Float>, stride: Int, into out: UnsafeMutablePointer<Float>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 64) { tmp in
            basis.withUnsafeBufferPointer { b in
                // Rows: tmp[y * 8 + u] = sum_x f(x, y) basis(u, x)
                for y in 0..<8 {
                    let row = plane + y * stride
                    for u in 0..<8 {
                        var s: Float = 0
                        for x in 0..<8 { s += (row[x] - 128) * b[u * 8 + x] }
                        tmp[y * 8 + u] = s
                    }
                }
                // Columns: out[v * 8 + u] = sum_y tmp(y, u) basis(v, y)
                for v in 0..<8 {
                    for u in 0..<8 {
                        var s: Float = 0
                        for y in 0..<8 { s += tmp[y * 8 + u] * b[v * 8 + y] }
                        out[v * 8 + u] = s
                    }
                }
            }
        }
    }

    /// Zigzag order: zigzag[k] is the natural index of the k-th coefficient in the JPEG scan.
    static let zigzag: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ]
}
