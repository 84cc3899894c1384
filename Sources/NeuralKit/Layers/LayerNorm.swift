// Layer normalisation over the last axis (Ba et al. 2016), as used by attention blocks: each row
// is normalised to zero mean and unit variance, then scaled and shifted per feature. Statistics
// are per sample, so training and inference behave the same. Names: `weight`, `bias`.

/// Normalisation over the last axis of (..., D).
public final class LayerNorm: Layer {
    public let features: Int, eps: Float
    /// gamma: (D)
    public let weight: Parameter
    /// beta: (D)
    public let bias: Parameter
    private var lastNormalized: Tensor?
    private var lastInvStd: [Float] = []

    public init(_ features: Int, eps: Float = 1e-5) {
        self.features = features; self.eps = eps
        weight = Parameter(Tensor(repeating: 1, shape: [features], pool: nil))
        bias = Parameter(Tensor(zeros: [features], pool: nil))
    }

    public var ownParameters: [(String, Parameter)] { [("weight", weight), ("bias", bias)] }

    /// input: (..., D) -> (..., D)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank >= 1 && input.shape[input.rank - 1] == features,
                     "LayerNorm(\(features)) got input \(input.shape)")
        let x = input.contiguous(), d = features, rows = x.count / d
        let y = Tensor(uninitialized: x.shape, pool: x.pool), xhat = Tensor(uninitialized: x.shape, pool: x.pool)
        if lastInvStd.count != rows { lastInvStd = [Float](repeating: 0, count: rows) }
        for r in 0..<rows {
            let p = x.pointer + r * d, h = xhat.pointer + r * d, o = y.pointer + r * d
            var s = 0.0, s2 = 0.0
            for j in 0..<d { let v = Double(p[j]); s += v; s2 += v * v }
            let mean = s / Double(d), variance = max(0, s2 / Double(d) - mean * mean)
            let inv = Float(1 / (variance + Double(eps)).squareRoot())
            lastInvStd[r] = inv
            for j in 0..<d {
                h[j] = (p[j] - Float(mean)) * inv
                o[j] = h[j] * weight.value.pointer[j] + bias.value.pointer[j]
            }
        }
        lastNormalized = xhat
        return y
    }

    /// gradOutput: (..., D) -> (..., D)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let xhat = lastNormalized else { preconditionFailure("LayerNorm.backward before forward") }
        precondition(gradOutput.shape == xhat.shape, "LayerNorm gradient \(gradOutput.shape), expected \(xhat.shape)")
        let dy = gradOutput.contiguous(), d = features, rows = xhat.count / d
        let dx = Tensor(uninitialized: xhat.shape, pool: xhat.pool)
        for r in 0..<rows {
            let g = dy.pointer + r * d, h = xhat.pointer + r * d, o = dx.pointer + r * d
            var sumG: Float = 0, sumGH: Float = 0
            for j in 0..<d {
                let gh = g[j] * weight.value.pointer[j]          // d xhat
                sumG += gh; sumGH += gh * h[j]
                weight.grad.pointer[j] += g[j] * h[j]
                bias.grad.pointer[j] += g[j]
            }
            let inv = lastInvStd[r], fd = Float(d)
            for j in 0..<d { o[j] = inv / fd * (fd * g[j] * weight.value.pointer[j] - sumG - h[j] * sumGH) }
        }
        return dx
    }
}
