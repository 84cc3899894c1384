// Adam (Kingma & Ba 2015): bias-corrected first and second moment estimates. Weight decay is
// either added to the gradient (classic L2, as torch.optim.Adam) or applied to the weights
// directly (decoupled, AdamW: see AdamW.swift).
import Foundation

/// Adam (Kingma & Ba 2015); with `decoupledWeightDecay` it is AdamW.
public class Adam: Optimizer {
    public var learningRate: Float
    public let beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float
    /// True: decay the weights directly (AdamW); false: add weight decay to the gradient (L2).
    public let decoupledWeightDecay: Bool
    public let parameters: [Parameter]
    private let m: [Tensor], v: [Tensor]
    private var t = 0

    public init(_ parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, decoupledWeightDecay: Bool = false) {
        self.parameters = parameters.filter(\.trainable)
        self.learningRate = learningRate; self.beta1 = beta1; self.beta2 = beta2
        self.epsilon = epsilon; self.weightDecay = weightDecay; self.decoupledWeightDecay = decoupledWeightDecay
        m = self.parameters.map { Tensor(zeros: $0.shape, pool: nil) }
        v = self.parameters.map { Tensor(zeros: $0.shape, pool: nil) }
    }

    public func step() {
        t += 1
        let c1 = 1 - powf(beta1, Float(t)), c2 = 1 - powf(beta2, Float(t))
        for (k, p) in parameters.enumerated() {
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

    public var state: OptimizerState {
        OptimizerState(kind: decoupledWeightDecay ? "adamw" : "adam",
                       hyperparameters: ["beta1": beta1, "beta2": beta2, "eps": epsilon, "weight_decay": weightDecay],
                       learningRate: learningRate, stepCount: t)
    }

    /// First and second moments, PyTorch's names.
    public var slots: [(String, [Tensor])] { [("exp_avg", m), ("exp_avg_sq", v)] }

    public func restore(stepCount: Int) { t = stepCount }
}
