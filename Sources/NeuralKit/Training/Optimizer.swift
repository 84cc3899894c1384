// Optimizers update a model's trainable parameters from their accumulated gradients. SGD with
// momentum (PyTorch's form: v = mu v + g; p -= lr v; weight decay added to g), Adam and AdamW
// (Loshchilov & Hutter: weight decay applied to the weights directly, not through the moments).
// State is per parameter, in the same order as the array given at construction.
import Foundation

/// Updates parameters from their gradients.
public protocol Optimizer: AnyObject {
    /// Step size; schedules set it between steps.
    var learningRate: Float { get set }
    /// Applies one update from the current gradients.
    func step()
}

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

/// Adam (Kingma & Ba 2015); with `decoupledWeightDecay` it is AdamW.
public class Adam: Optimizer {
    public var learningRate: Float
    public let beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float
    /// True: decay the weights directly (AdamW); false: add weight decay to the gradient (L2).
    public let decoupledWeightDecay: Bool
    private let params: [Parameter]
    private var m: [Tensor], v: [Tensor]
    private var t = 0

    public init(_ parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, decoupledWeightDecay: Bool = false) {
        params = parameters.filter(\.trainable)
        self.learningRate = learningRate; self.beta1 = beta1; self.beta2 = beta2
        self.epsilon = epsilon; self.weightDecay = weightDecay; self.decoupledWeightDecay = decoupledWeightDecay
        m = params.map { Tensor(zeros: $0.shape, pool: nil) }
        v = params.map { Tensor(zeros: $0.shape, pool: nil) }
    }

    public func step() {
        t += 1
        let c1 = 1 - powf(beta1, Float(t)), c2 = 1 - powf(beta2, Float(t))
        for (k, p) in params.enumerated() {
            let w = p.value.pointer, g = p.grad.pointer, mk = m[k].pointer, vk = v[k].pointer
            for i in 0..<p.value.count {
                var gi = g[i]
                if decoupledWeightDecay { w[i] -= learningRate * weightDecay * w[i] } else { gi += weightDecay * w[i] }
                mk[i] = beta1 * mk[i] + (1 - beta1) * gi
                vk[i] = beta2 * vk[i] + (1 - beta2) * gi * gi
                w[i] -= learningRate * (mk[i] / c1) / ((vk[i] / c2).squareRoot() + epsilon)
            }
        }
    }
}

/// AdamW: Adam with decoupled weight decay (default 0.01, as in PyTorch).
public final class AdamW: Adam {
    public init(_ parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0.01) {
        super.init(parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                   weightDecay: weightDecay, decoupledWeightDecay: true)
    }
}
