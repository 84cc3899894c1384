// Learning-rate schedules and gradient clipping. Epoch-indexed schedules are pure functions of the
// epoch (exponential decay, cosine annealing); reduce-on-plateau watches a validation metric and
// cuts the rate after `patience` epochs without improvement. Clipping scales all gradients together
// so their global L2 norm is at most `maxNorm` (Pascanu et al.; PyTorch's clip_grad_norm_).

/// lr(epoch) = initial * gamma^epoch.
public struct ExponentialDecay: Sendable {
    public var initial: Float, gamma: Float
    public init(initial: Float, gamma: Float) { self.initial = initial; self.gamma = gamma }
    public func learningRate(epoch: Int) -> Float { initial * powf(gamma, Float(epoch)) }
}

/// lr(epoch) = min + (initial - min) (1 + cos(pi epoch / total)) / 2, held at min after `total`.
public struct CosineAnnealing: Sendable {
    public var initial: Float, minimum: Float, total: Int
    public init(initial: Float, minimum: Float = 0, total: Int) {
        precondition(total > 0, "cosine schedule over \(total) epochs")
        self.initial = initial; self.minimum = minimum; self.total = total
    }
    public func learningRate(epoch: Int) -> Float {
        let t = Float(min(epoch, total)) / Float(total)
        return minimum + (initial - minimum) * (1 + cosf(.pi * t)) / 2
    }
}

/// Multiplies the learning rate by `factor` when a minimised metric has not improved by more than
/// `threshold` (relative) for `patience` consecutive epochs; never below `minimum`.
public struct ReduceOnPlateau: Sendable {
    public private(set) var learningRate: Float
    public let factor: Float, patience: Int, threshold: Float, minimum: Float
    public private(set) var best = Float.infinity
    private var badEpochs = 0

    public init(initial: Float, factor: Float = 0.1, patience: Int = 10, threshold: Float = 1e-4, minimum: Float = 0) {
        precondition(factor > 0 && factor < 1, "plateau factor \(factor) outside (0, 1)")
        learningRate = initial; self.factor = factor; self.patience = patience
        self.threshold = threshold; self.minimum = minimum
    }

    /// Records this epoch's metric; returns the learning rate for the next epoch.
    @discardableResult public mutating func step(metric: Float) -> Float {
        if metric < best * (1 - threshold) { best = metric; badEpochs = 0 } else { badEpochs += 1 }
        if badEpochs > patience {
            learningRate = max(minimum, learningRate * factor)
            badEpochs = 0
        }
        return learningRate
    }
}

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

import Foundation
