// A named model weight: its value, its accumulated gradient, and whether an optimizer may change
// it (BatchNorm's running statistics are buffers: saved and loaded, never trained).

/// A trainable tensor (or a non-trainable buffer such as BatchNorm's running mean) with its gradient.
public final class Parameter {
    /// Current value. Its contents change in place (optimizers, loading); its shape never does.
    public let value: Tensor
    /// Accumulated gradient, same shape as `value` (zero for buffers).
    public let grad: Tensor
    /// False for buffers the optimizer must not touch (running statistics).
    public let trainable: Bool

    /// A parameter holding `value`; its storage is standalone (not pooled).
    public init(_ value: Tensor, trainable: Bool = true) {
        let own = Tensor(uninitialized: value.shape, pool: nil)
        own.assign(value.contiguous())
        self.value = own
        self.grad = Tensor(zeros: value.shape, pool: nil)
        self.trainable = trainable
    }

    /// Shape of the value.
    public var shape: [Int] { value.shape }
}
