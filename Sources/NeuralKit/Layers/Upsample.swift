// Nearest-neighbour upsampling by an integer factor, the decoder half of the autoencoder branch
// (often followed by a 3x3 convolution, which avoids the checkerboard artefacts of transposed
// convolutions). Backward sums each output block back onto its source pixel.

/// Nearest-neighbour upsampling of (N, C, H, W) by `factor`.
public final class Upsample: Layer {
    public let factor: Int
    private var lastShape: [Int] = []

    public init(factor: Int = 2) {
        precondition(factor >= 1, "upsampling factor \(factor)")
        self.factor = factor
    }

    /// input: (N, C, H, W) -> (N, C, H*f, W*f)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4, "Upsample expects (N, C, H, W), got \(input.shape)")
        let x = input.contiguous(), s = x.shape, f = factor, h = s[2], w = s[3]
        let y = Tensor(uninitialized: [s[0], s[1], h * f, w * f], pool: x.pool)
        Parallel.forEach(s[0] * s[1], grain: Parallel.grain(work: h * w * f * f)) { planes in
            for nc in planes {
                let src = x.pointer + nc * h * w, dst = y.pointer + nc * h * w * f * f
                // Each input row widened once, then copied to the other f - 1 output rows.
                for i in 0..<h {
                    let row = dst + i * f * w * f, line = src + i * w
                    for j in 0..<w { for r in 0..<f { row[j * f + r] = line[j] } }
                    for r in 1..<f { (row + r * w * f).update(from: row, count: w * f) }
                }
            }
        }
        lastShape = s
        return y
    }

    /// gradOutput: (N, C, H*f, W*f) -> (N, C, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        let s = lastShape, f = factor, h = s[2], w = s[3]
        precondition(gradOutput.shape == [s[0], s[1], h * f, w * f], "Upsample gradient \(gradOutput.shape) for input \(s)")
        let dy = gradOutput.contiguous(), dx = Tensor(zeros: s, pool: dy.pool)
        for nc in 0..<(s[0] * s[1]) {
            let src = dy.pointer + nc * h * w * f * f, dst = dx.pointer + nc * h * w
            for i in 0..<(h * f) { for j in 0..<(w * f) { dst[(i / f) * w + j / f] += src[i * w * f + j] } }
        }
        return dx
    }
}
