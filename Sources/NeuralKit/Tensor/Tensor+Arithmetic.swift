// Element-wise helpers on contiguous tensors that layers and optimizers share: fill, copy-in,
// accumulate, scale, and reductions for tests. Kept plain loops over raw pointers; the compiler
// vectorises them in release builds.

extension Tensor {
    /// Sets every element to `value`.
    public func fill(_ value: Float) {
        precondition(isContiguous, "fill of a non-contiguous view")
        pointer.update(repeating: value, count: count)
    }

    /// Copies `other` (same element count) into this tensor.
    public func assign(_ other: Tensor) {
        precondition(count == other.count, "assign \(other.shape) into \(shape)")
        precondition(isContiguous && other.isContiguous, "assign needs contiguous tensors")
        pointer.update(from: other.pointer, count: count)
    }

    /// self += alpha * other, element-wise (same shape).
    public func add(_ other: Tensor, scaledBy alpha: Float = 1) {
        precondition(shape == other.shape, "add \(other.shape) to \(shape)")
        precondition(isContiguous && other.isContiguous, "add needs contiguous tensors")
        let a = pointer, b = other.pointer
        for i in 0..<count { a[i] += alpha * b[i] }
    }

    /// self *= alpha.
    public func scale(by alpha: Float) {
        precondition(isContiguous, "scale of a non-contiguous view")
        let a = pointer
        for i in 0..<count { a[i] *= alpha }
    }

    /// A new tensor self + other.
    public func adding(_ other: Tensor) -> Tensor {
        let out = copy(); out.add(other); return out
    }

    /// Sum of all elements, accumulated in Double.
    public func sum() -> Double {
        let c = contiguous(); var s = 0.0
        for i in 0..<c.count { s += Double(c.pointer[i]) }
        return s
    }

    /// Largest absolute element (0 for an empty tensor).
    public func maxAbs() -> Float {
        let c = contiguous(); var m: Float = 0
        for i in 0..<c.count { m = max(m, abs(c.pointer[i])) }
        return m
    }

    /// Largest absolute difference with `other` (same shape).
    public func maxAbsDifference(_ other: Tensor) -> Float {
        precondition(shape == other.shape, "compare \(shape) with \(other.shape)")
        let a = contiguous(), b = other.contiguous(); var m: Float = 0
        for i in 0..<a.count { m = max(m, abs(a.pointer[i] - b.pointer[i])) }
        return m
    }

    /// True when any element is NaN or infinite.
    public var hasNonFinite: Bool {
        let c = contiguous()
        for i in 0..<c.count where !c.pointer[i].isFinite { return true }
        return false
    }
}
