// Flatten keeps the batch axis and joins the rest: (N, ...) -> (N, prod(...)). A view, no copy;
// backward reshapes the gradient back.

/// (N, d1, d2, ...) -> (N, d1 * d2 * ...).
public final class Flatten: Layer {
    private var lastShape: [Int] = []
    public init() {}

    /// input: (N, ...) -> (N, rest)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank >= 1, "Flatten of a scalar")
        lastShape = input.shape
        return input.contiguous().reshaped([input.shape[0], -1])
    }

    /// gradOutput: (N, rest) -> (N, ...)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        gradOutput.contiguous().reshaped(lastShape)
    }
}
