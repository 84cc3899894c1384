// Stochastic gradient descent in PyTorch's form: with momentum mu, v = mu v + g and p -= lr v
// (Nesterov: p -= lr (g + mu v)); L2 weight decay is added to the gradient.

/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay.
public final class SGD: Optimizer {
    public var learningRate: Float
    public let momentum: Float, weightDecay: Float, nesterov: Bool
    private let params: [Parameter]
    private var velocity: [Tensor] = []

    public init(_ parameters: [Parameter], learningRate: Float, momentum: Float = 0,
                weightDecay: Float = 0, nesterov: Bool = false) {
        params = parameters.filter(\.trainable)
        self.learningRate = learningRate; self.momentum = momentum
        self.weightDecay = weightDecay; self.nesterov = nesterov
        if momentum != 0 { velocity = params.map { Tensor(zeros: $0.shape, pool: nil) } }
    }

    public func step() {
        for (k, p) in params.enumerated() {
            let w = p.value.pointer, g = p.grad.pointer
            for i in 0..<p.value.count {
                var d = g[i] + weightDecay * w[i]
                if momentum != 0 {
                    let v = velocity[k].pointer
                    v[i] = momentum * v[i] + d
                    d = nesterov ? d + momentum * v[i] : v[i]
                }
                w[i] -= learningRate * d
            }
        }
    }
}
