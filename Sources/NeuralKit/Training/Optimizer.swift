// The optimizer protocol: something that updates a model's trainable parameters from their
// accumulated gradients, with a learning rate that schedules set between steps. Implementations:
// `SGD`, `Adam`, `AdamW`. State is per parameter, in the order of the array given at construction,
// and is exposed (`state`, `slots`) so a training checkpoint (`Checkpoint`) can save and restore it.

/// Updates parameters from their gradients.
public protocol Optimizer: AnyObject {
    /// Step size; schedules set it between steps.
    var learningRate: Float { get set }
    /// Applies one update from the current gradients.
    func step()
    /// The parameters it updates (the trainable ones it was given), in the order `slots` follow.
    var parameters: [Parameter] { get }
    /// Kind, fixed hyperparameters, learning rate and step count: what a checkpoint's JSON records.
    var state: OptimizerState { get }
    /// Per-parameter state by PyTorch's slot names (`exp_avg`, `exp_avg_sq`, `momentum_buffer`),
    /// one tensor per parameter in `parameters` order. A checkpoint restores them in place.
    var slots: [(String, [Tensor])] { get }
    /// Sets the number of steps taken (Adam's bias correction depends on it).
    func restore(stepCount: Int)
}
