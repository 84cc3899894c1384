// Reduce-on-plateau: watches a minimised validation metric and cuts the learning rate after
// `patience` epochs without relative improvement beyond `threshold` (PyTorch's ReduceLROnPlateau,
// mode "min", threshold mode "rel").

/// Multiplies the learning rate by `factor` when a minimised metric has not improved by more than
/// `threshold` (relative) for `patience` consecutive epochs; never below `minimum`.
public struct ReduceOnPlateau: Codable, Equatable, Sendable {
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
