// Real-input discrete Fourier transform through FFmpeg's libavutil `av_tx` (AV_TX_FLOAT_RDFT), so
// spectrograms and periodicity analyses use a maintained, SIMD-optimised FFT rather than our own.
import CFFmpeg
import Foundation

/// A forward real FFT of a fixed length `n` (even). Not thread-safe: one per thread.
public final class RealFFT {
    public let n: Int
    private var ctx: OpaquePointer?
    private let fn: av_tx_fn
    private var input: UnsafeMutablePointer<Float>
    private var output: UnsafeMutablePointer<Float>

    /// Prepares a transform of `n` samples (calls `av_tx_init`).
    public init(n: Int) {
        precondition(n >= 2 && n % 2 == 0, "RealFFT: length must be even")
        self.n = n
        var scale: Float = 1
        var f: av_tx_fn?
        let rc = av_tx_init(&ctx, &f, AV_TX_FLOAT_RDFT, 0, Int32(n), &scale, 0)
        precondition(rc == 0 && f != nil, "av_tx_init failed for length \(n)")
        fn = f!
        // av_tx wants CPU-aligned buffers; av_malloc aligns them.
        input = av_malloc(n * MemoryLayout<Float>.size)!.bindMemory(to: Float.self, capacity: n)
        output = av_malloc((n + 2) * MemoryLayout<Float>.size)!.bindMemory(to: Float.self, capacity: n + 2)
    }

    deinit {
        av_tx_uninit(&ctx)
        av_free(input); av_free(output)
    }

    /// Power spectrum |X_k|² for k = 0...n/2 of `samples` (zero-padded or truncated to `n`).
    public func powerSpectrum(_ samples: UnsafeBufferPointer<Float>, into out: inout [Float]) {
        let m = min(samples.count, n)
        for i in 0..<m { input[i] = samples[i] }
        for i in m..<n { input[i] = 0 }
        fn(ctx, output, input, MemoryLayout<Float>.size)
        // FFmpeg 5.1's RDFT does not write the imaginary part of the Nyquist bin (it is zero for
        // real input); the slot held whatever av_malloc left there, seen as 1e19 or inf.
        output[n + 1] = 0
        if out.count != n / 2 + 1 { out = [Float](repeating: 0, count: n / 2 + 1) }
        for k in 0...(n / 2) {
            let re = output[2 * k], im = output[2 * k + 1]
            out[k] = re * re + im * im
        }
    }

    /// Convenience over an array.
    public func powerSpectrum(_ samples: [Float]) -> [Float] {
        var out = [Float]()
        samples.withUnsafeBufferPointer { powerSpectrum($0, into: &out) }
        return out
    }
}
