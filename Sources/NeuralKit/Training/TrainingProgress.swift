// Where a training loop is: epoch, global step, the generator that shuffles and augments its
// data, its learning-rate schedule and early-stopping tracker. A checkpoint stores it in its JSON
// next to the weights and optimizer state, so a resumed run continues exactly where it stopped.

/// The loop state a checkpoint saves beside the weights and optimizer state.
public struct TrainingProgress: Codable, Equatable, Sendable {
    /// Epochs completed.
    public var epoch: Int
    /// Optimizer steps taken in this run.
    public var step: Int
    /// The loop's own generator (batch order, augmentation, synthetic data).
    public var rng: SeededRandom
    public var schedule: LearningRateSchedule?
    public var earlyStopping: EarlyStopping?

    public init(epoch: Int = 0, step: Int = 0, rng: SeededRandom, schedule: LearningRateSchedule? = nil,
                earlyStopping: EarlyStopping? = nil) {
        self.epoch = epoch; self.step = step; self.rng = rng
        self.schedule = schedule; self.earlyStopping = earlyStopping
    }
}
