// Early stopping: stop training when a minimised validation metric has not improved by more than
// `minDelta` for `patience` epochs, and remember the best epoch so the caller can restore the
// checkpoint it saved then.

/// Tracks a validation metric and says when to stop.
public struct EarlyStopping: Codable, Equatable, Sendable {
    public let patience: Int, minDelta: Float
    public private(set) var best = Float.infinity
    public private(set) var bestEpoch = -1
    private var epochsWithout = 0

    public init(patience: Int, minDelta: Float = 0) { self.patience = patience; self.minDelta = minDelta }

    /// Records `metric` for `epoch`; returns whether this epoch is the best so far (save a checkpoint).
    @discardableResult public mutating func record(_ metric: Float, epoch: Int) -> Bool {
        if metric < best - minDelta { best = metric; bestEpoch = epoch; epochsWithout = 0; return true }
        epochsWithout += 1
        return false
    }

    /// True once `patience` epochs passed without improvement.
    public var shouldStop: Bool { epochsWithout >= patience }
}
