// The reference-counted buffer behind tensor views. When the last view lets go, the buffer goes
// back to its pool for the next tensor of the same size (or is freed when it has no pool).

/// The buffer behind one or more tensor views. Owned by reference; returned to its pool (or
/// freed when it has none) when the last view releases it.
public final class TensorStorage: @unchecked Sendable {
    /// First element of the buffer.
    public let pointer: UnsafeMutablePointer<Float>
    /// Number of floats in the buffer.
    public let count: Int
    /// The pool this buffer returns to, or nil for standalone buffers (weights).
    public let pool: TensorPool?

    init(count: Int, pool: TensorPool?) {
        self.count = count
        self.pool = pool
        pointer = pool?.take(count) ?? UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
    }

    deinit {
        if let pool { pool.give(pointer, count: count) } else { pointer.deallocate() }
    }
}
