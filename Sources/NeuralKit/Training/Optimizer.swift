// The optimizer protocol: something that updates a model's trainable parameters from their
// accumulated gradients, with a learning rate that schedules set between steps. Implementations:
// `SGD`, `Adam`, `AdamW`. State is per parameter, in the order of the array given at construction.

/// Updates parameters from their gradients.
public protocol Optimizer: AnyObject {
    /// Step size; schedules set it between steps.
    var learningRate: Float { get set }
    /// Applies one update from the current gradients.
    func step()
}
