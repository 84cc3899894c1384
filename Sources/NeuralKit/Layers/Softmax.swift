// Softmax over the last axis, max-subtracted for stability. Backward uses the output:
// dx = y * (dy - sum(dy * y)) per row.
import Foundation

/// Softmax along the last axis.
public final class Softmax: Layer {
    private var lastOutput: Tensor?
    public init() {}

    /// input: (..., K) -> (..., K), rows sum to 1
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank >= 1, "Softmax of a scalar")
        let x = input.contiguous(), k = x.shape[x.rank - 1], rows = x.count / max(k, 1)
        let y = Tensor(uninitialized: x.shape, pool: x.pool)
        for r in 0..<rows {
            let src = x.pointer + r * k, dst = y.pointer + r * k
            var m = -Float.infinity
            for i in 0..<k { m = max(m, src[i]) }
            var s: Float = 0
            for i in 0..<k { dst[i] = expf(src[i] - m); s += dst[i] }
            for i in 0..<k { dst[i] /= s }
        }
        lastOutput = y
        return y
    }

    /// gradOutput: like input -> like input
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let y = lastOutput else { preconditionFailure("Softmax.backward before forward") }
        precondition(gradOutput.shape == y.shape, "Softmax gradient \(gradOutput.shape), expected \(y.shape)")
        let dy = gradOutput.contiguous(), k = y.shape[y.rank - 1], rows = y.count / max(k, 1)
        let dx = Tensor(uninitialized: y.shape, pool: y.pool)
        for r in 0..<rows {
            let yp = y.pointer + r * k, g = dy.pointer + r * k, d = dx.pointer + r * k
            var dot: Float = 0
            for i in 0..<k { dot += g[i] * yp[i] }
            for i in 0..<k { d[i] = yp[i] * (g[i] - dot) }
        }
        return dx
    }
}
