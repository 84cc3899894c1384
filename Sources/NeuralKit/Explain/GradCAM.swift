// Grad-CAM (Selvaraju et al. 2017): where in the image a convolutional layer's evidence for a class
// lies. Each channel of the layer's activation A (N, C, H, W) is weighted by the spatial mean of
// d(score)/dA, summed over channels and clipped at zero. Built on the engine's own hooks: the
// activations from `Sequential.forwardCollecting` and the gradient from a backward pass stopped
// at the layer (`Sequential.backward(_:toOutputOf:)`).

/// Grad-CAM maps for a `Sequential` model.
public enum GradCAM {
    /// ReLU(sum_c mean_hw(gradient_c) * activation_c).
    /// activations: (N, C, H, W); gradients: (N, C, H, W) -> (N, H, W)
    public static func map(activations: Tensor, gradients: Tensor) -> Tensor {
        precondition(activations.rank == 4 && activations.shape == gradients.shape,
                     "Grad-CAM activations \(activations.shape) vs gradients \(gradients.shape)")
        let a = activations.contiguous(), g = gradients.contiguous()
        let n = a.shape[0], c = a.shape[1], plane = a.shape[2] * a.shape[3]
        let out = Tensor(zeros: [n, a.shape[2], a.shape[3]], pool: a.pool)
        for b in 0..<n {
            let dst = out.pointer + b * plane
            for ch in 0..<c {
                let off = (b * c + ch) * plane
                var w: Float = 0
                for i in 0..<plane { w += g.pointer[off + i] }
                w /= Float(plane)
                for i in 0..<plane { dst[i] += w * a.pointer[off + i] }
            }
            for i in 0..<plane { dst[i] = max(dst[i], 0) }
        }
        return out
    }

    /// The Grad-CAM of `classIndex` at the output of the top-level layer `layer` of `model`.
    /// input: (N, ...); model output: (N, classes) -> (N, H, W) at the layer's resolution.
    public static func compute(model: Sequential, layer: String, input: Tensor, classIndex: Int) -> Tensor {
        let (logits, acts) = model.forwardCollecting(input)
        precondition(logits.rank == 2 && classIndex >= 0 && classIndex < logits.shape[1],
                     "class \(classIndex) for logits \(logits.shape)")
        guard let a = acts[layer] else { preconditionFailure("no layer named \(layer)") }
        let seed = Tensor(zeros: logits.shape, pool: logits.pool)
        for b in 0..<logits.shape[0] { seed[b, classIndex] = 1 }
        let g = model.backward(seed, toOutputOf: layer)
        return map(activations: a, gradients: g)
    }
}

extension Sequential {
    /// Backpropagates `gradOutput` through the layers after `name` only, returning the gradient
    /// with respect to the output of layer `name` (parameter gradients of those layers accumulate).
    public func backward(_ gradOutput: Tensor, toOutputOf name: String) -> Tensor {
        guard let index = layers.firstIndex(where: { $0.0 == name }) else { preconditionFailure("no layer named \(name)") }
        var g = gradOutput
        for (_, l) in layers[(index + 1)...].reversed() { g = l.backward(g) }
        return g
    }
}
