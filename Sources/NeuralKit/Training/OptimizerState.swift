// The scalar state of an optimizer, as a training checkpoint's JSON records it. `kind` and
// `hyperparameters` are fixed when the optimizer is made and must match when a checkpoint is
// loaded (resuming AdamW state into SGD, or with another beta2, would silently change the run);
// `learningRate` and `stepCount` are restored.

/// An optimizer's kind, fixed hyperparameters, current learning rate and step count.
public struct OptimizerState: Codable, Equatable, Sendable {
    /// "sgd", "adam" or "adamw".
    public var kind: String
    /// Fixed settings by name (`beta1`, `beta2`, `eps`, `weight_decay`, `momentum`, `nesterov`).
    public var hyperparameters: [String: Float]
    public var learningRate: Float
    /// Number of `step()` calls so far.
    public var stepCount: Int

    public init(kind: String, hyperparameters: [String: Float], learningRate: Float, stepCount: Int) {
        self.kind = kind; self.hyperparameters = hyperparameters
        self.learningRate = learningRate; self.stepCount = stepCount
    }
}
