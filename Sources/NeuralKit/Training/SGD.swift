// Stochastic gradient descent in PyTorch's form: with momentum mu, v = mu v + g and p -= lr v
// (Nesterov: p -= lr (g + mu v)); L2 weight decay is added to the gradient.

/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay.
public final class SGD: Optimizer {
    public var learningRate: Float
    public let momentum: Float, weightDecay: Float, nesterov: Bool
    public let parameters: [Parameter]
    private var velocity: [Tensor] = []
    private var t = 0

    public init(_ parameters: [Parameter], learningRate: Float, momentum: Float = 0,
                weightDecay: Float = 0, nesterov: Bool = false) {
        self.parameters = parameters.filter(\.trainable)
        self.learningRate = learningRate; self.momentum = momentum
        self.weightDecay = weightDecay; self.nesterov = nesterov
        if momentum != 0 { velocity = self.parameters.map { Tensor(zeros: $0.shape, pool: nil) } }
    }

    public func step() {
        t += 1
        for (k, p) in parameters.enumerated() {
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

    public var state: OptimizerState {
        OptimizerState(kind: "sgd", hyperparameters: ["momentum": momentum, "weight_decay": weightDecay, "nesterov": nesterov ? 1 : 0],
                       learningRate: learningRate, stepCount: t)
    }

    /// The momentum buffers (none without momentum), PyTorch's name.
    public var slots: [(String, [Tensor])] { momentum == 0 ? [] : [("momentum_buffer", velocity)] }

    public func restore(stepCount: Int) { t = stepCount }
}
