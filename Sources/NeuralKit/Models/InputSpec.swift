// What a model accepts, checked before any kernel runs. Inside the engine a wrong shape is a
// programmer's mistake (a precondition); at the boundary, where tensors come from decoded media,
// a wrong shape or a NaN/Inf pixel is bad input and becomes a thrown error, so it is reported
// instead of crashing the process or propagating NaN into a verdict.

/// Bad input at a model's boundary.
public enum InputError: Error, CustomStringConvertible, Equatable {
    case shape(expected: String, got: [Int])
    case nonFinite(count: Int, firstIndex: Int)

    public var description: String {
        switch self {
        case let .shape(e, g): return "input has shape \(g), the model expects \(e)"
        case let .nonFinite(c, i): return "input has \(c) NaN or infinite value(s), the first at flat index \(i)"
        }
    }
}

/// The shape a model accepts, with nil for free axes (usually the batch).
public struct InputSpec: Sendable, Equatable {
    /// Extent per axis; nil accepts any extent.
    public var shape: [Int?]

    public init(_ shape: [Int?]) { self.shape = shape }

    /// "(N, 3, 224, 224)"-style text.
    public var text: String { "(" + shape.map { $0.map(String.init) ?? "N" }.joined(separator: ", ") + ")" }

    /// Throws `InputError` when `tensor` has the wrong shape or any NaN/Inf element.
    public func validate(_ tensor: Tensor) throws {
        guard tensor.rank == shape.count,
              zip(tensor.shape, shape).allSatisfy({ $1 == nil || $0 == $1 }) else {
            throw InputError.shape(expected: text, got: tensor.shape)
        }
        let c = tensor.contiguous()
        var count = 0, first = -1
        for i in 0..<c.count where !c.pointer[i].isFinite {
            count += 1
            if first < 0 { first = i }
        }
        if count > 0 { throw InputError.nonFinite(count: count, firstIndex: first) }
    }
}

extension Layer {
    /// Validates `input` against `spec`, then runs `forward`; also rejects a non-finite output
    /// (overflow inside the model) rather than let it reach a verdict.
    public func checkedForward(_ input: Tensor, spec: InputSpec) throws -> Tensor {
        try spec.validate(input)
        let y = forward(input)
        let c = y.contiguous()
        for i in 0..<c.count where !c.pointer[i].isFinite {
            throw InputError.nonFinite(count: 1, firstIndex: i)
        }
        return y
    }
}
