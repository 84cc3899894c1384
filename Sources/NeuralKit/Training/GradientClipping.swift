// Gradient clipping: by global L2 norm (all gradients scaled together so their joint norm is at
// most `maxNorm`, as PyTorch's clip_grad_norm_; keeps the update direction) or by value.

/// Gradient clipping over a set of parameters.
public enum GradientClipping {
    /// Scales gradients so their joint L2 norm is at most `maxNorm`; returns the norm before clipping.
    @discardableResult public static func clipNorm(_ parameters: [Parameter], maxNorm: Float) -> Float {
        var total = 0.0
        for p in parameters { for i in 0..<p.grad.count { let g = Double(p.grad.pointer[i]); total += g * g } }
        let norm = Float(total.squareRoot())
        if norm > maxNorm && norm > 0 {
            let s = maxNorm / (norm + 1e-6)
            for p in parameters { p.grad.scale(by: s) }
        }
        return norm
    }

    /// Clamps every gradient element to [-limit, limit].
    public static func clipValue(_ parameters: [Parameter], limit: Float) {
        for p in parameters { for i in 0..<p.grad.count { p.grad.pointer[i] = min(max(p.grad.pointer[i], -limit), limit) } }
    }
}
