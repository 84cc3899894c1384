// Parametric ReLU (He et al. 2015): max(0, x) + a * min(0, x) with a learned slope per channel
// (axis 1), or one shared slope when created with `channels: 1`. Name: `weight` (PyTorch's).

/// ReLU with a learned negative slope per channel.
public final class PReLU: Layer {
    public let channels: Int
    /// slopes: (C), initialised to 0.25
    public let weight: Parameter
    private var lastInput: Tensor?

    public init(channels: Int = 1, initialSlope: Float = 0.25) {
        self.channels = channels
        weight = Parameter(Tensor(repeating: initialSlope, shape: [channels], pool: nil))
    }

    public var ownParameters: [(String, Parameter)] { [("weight", weight)] }

    /// Channel of flat element `i` for a (N, C, ...) tensor.
    private func channel(_ i: Int, _ shape: [Int]) -> Int {
        guard channels > 1 else { return 0 }
        let inner = shape.dropFirst(2).reduce(1, *)
        return (i / inner) % shape[1]
    }

    /// input: (N, C, ...) (or any shape with one shared slope) -> same shape
    public func forward(_ input: Tensor) -> Tensor {
        precondition(channels == 1 || (input.rank >= 2 && input.shape[1] == channels), "PReLU(\(channels)) got input \(input.shape)")
        let x = input.contiguous(), y = Tensor(uninitialized: x.shape, pool: x.pool)
        for i in 0..<x.count {
            let v = x.pointer[i]
            y.pointer[i] = v > 0 ? v : weight.value.pointer[channel(i, x.shape)] * v
        }
        lastInput = x
        return y
    }

    /// gradOutput: like input -> like input
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput else { preconditionFailure("PReLU.backward before forward") }
        precondition(gradOutput.shape == x.shape, "PReLU gradient \(gradOutput.shape), expected \(x.shape)")
        let dy = gradOutput.contiguous(), dx = Tensor(uninitialized: x.shape, pool: x.pool)
        for i in 0..<x.count {
            let v = x.pointer[i], g = dy.pointer[i], c = channel(i, x.shape)
            if v > 0 { dx.pointer[i] = g } else {
                dx.pointer[i] = g * weight.value.pointer[c]
                weight.grad.pointer[c] += g * v
            }
        }
        return dx
    }
}
