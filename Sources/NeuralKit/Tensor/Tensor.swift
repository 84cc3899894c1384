// The n-dimensional Float32 array every layer consumes and produces. A tensor is a view: a shared
// `TensorStorage`, an element offset, a shape and strides (in elements). Views made by `reshaped`
// and `slice` share storage without copying, so writes through one view are seen by the others
// (as in PyTorch). Kernels want contiguous row-major data and check it with a precondition;
// `contiguous()` copies when a view is not.

/// A strided view onto a Float32 buffer.
public struct Tensor {
    /// The shared buffer.
    public let storage: TensorStorage
    /// Offset of element [0, 0, ...] into `storage`, in elements.
    public let offset: Int
    /// Extent of each axis, outermost first.
    public let shape: [Int]
    /// Step in elements between neighbours along each axis.
    public let strides: [Int]

    /// Row-major strides for `shape`.
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) { s[i] = acc; acc *= shape[i] }
        return s
    }

    init(storage: TensorStorage, offset: Int, shape: [Int], strides: [Int]) {
        self.storage = storage; self.offset = offset; self.shape = shape; self.strides = strides
    }

    /// A tensor with unspecified contents (recycled memory) from `pool`; nil pool: a standalone buffer.
    public init(uninitialized shape: [Int], pool: TensorPool? = .shared) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
        let n = shape.reduce(1, *)
        self.init(storage: TensorStorage(count: n, pool: pool), offset: 0, shape: shape,
                  strides: Tensor.contiguousStrides(shape))
    }

    /// A zero-filled tensor.
    public init(zeros shape: [Int], pool: TensorPool? = .shared) {
        self.init(uninitialized: shape, pool: pool)
        storage.pointer.update(repeating: 0, count: storage.count)
    }

    /// A tensor filled with `value`.
    public init(repeating value: Float, shape: [Int], pool: TensorPool? = .shared) {
        self.init(uninitialized: shape, pool: pool)
        storage.pointer.update(repeating: value, count: storage.count)
    }

    /// A standalone tensor holding `values` in row-major order.
    public init(shape: [Int], values: [Float]) {
        precondition(shape.reduce(1, *) == values.count, "\(values.count) values for shape \(shape)")
        self.init(uninitialized: shape, pool: nil)
        values.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: values.count) }
    }

    /// Values drawn from `generator(&rng)` for each element, row-major.
    public init(shape: [Int], rng: inout SeededRandom, pool: TensorPool? = nil,
                _ generator: (inout SeededRandom) -> Float) {
        self.init(uninitialized: shape, pool: pool)
        for i in 0..<storage.count { storage.pointer[i] = generator(&rng) }
    }

    /// Number of elements.
    public var count: Int { shape.reduce(1, *) }
    /// Number of axes.
    public var rank: Int { shape.count }
    /// The pool new tensors derived from this one should come from.
    public var pool: TensorPool { storage.pool ?? .shared }

    /// True when the view is dense row-major (kernels require it).
    public var isContiguous: Bool {
        var expected = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) where shape[i] != 1 {
            if strides[i] != expected { return false }
            expected *= shape[i]
        }
        return true
    }

    /// Pointer to element [0, 0, ...]. Writes are visible through every view of the storage.
    public var pointer: UnsafeMutablePointer<Float> { storage.pointer + offset }

    /// Element access by full index (slow path for tests and small bookkeeping).
    public subscript(_ index: Int...) -> Float {
        get { pointer[flatIndex(index)] }
        nonmutating set { pointer[flatIndex(index)] = newValue }
    }

    private func flatIndex(_ index: [Int]) -> Int {
        precondition(index.count == shape.count, "index \(index) for shape \(shape)")
        var f = 0
        for (i, (x, n)) in zip(index, shape).enumerated() {
            precondition(x >= 0 && x < n, "index \(index) out of range for shape \(shape)")
            f += x * strides[i]
        }
        return f
    }

    /// The same elements under another shape, without copying. One extent may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(isContiguous, "reshape of a non-contiguous view \(shape) strides \(strides)")
        var s = newShape
        if let i = s.firstIndex(of: -1) {
            let rest = s.enumerated().filter { $0.offset != i }.map(\.element).reduce(1, *)
            precondition(rest > 0 && count % rest == 0, "cannot infer -1 in \(newShape) for \(shape)")
            s[i] = count / rest
        }
        precondition(s.reduce(1, *) == count, "reshape \(shape) to \(newShape): element counts differ")
        return Tensor(storage: storage, offset: offset, shape: s, strides: Tensor.contiguousStrides(s))
    }

    /// Rows `range` along the first axis, without copying.
    public func slice(_ range: Range<Int>) -> Tensor {
        precondition(rank >= 1 && range.lowerBound >= 0 && range.upperBound <= shape[0],
                     "slice \(range) of first axis of \(shape)")
        var s = shape; s[0] = range.count
        return Tensor(storage: storage, offset: offset + range.lowerBound * strides[0], shape: s, strides: strides)
    }

    /// The view with axes `a` and `b` swapped (no copy; usually non-contiguous).
    public func transposed(_ a: Int = 0, _ b: Int = 1) -> Tensor {
        var s = shape, st = strides
        s.swapAt(a, b); st.swapAt(a, b)
        return Tensor(storage: storage, offset: offset, shape: s, strides: st)
    }

    /// A dense copy when the view is not contiguous, otherwise `self`.
    public func contiguous() -> Tensor {
        isContiguous ? self : copy()
    }

    /// A dense copy in a fresh buffer from the same pool.
    public func copy() -> Tensor {
        let out = Tensor(uninitialized: shape, pool: pool)
        if isContiguous { out.pointer.update(from: pointer, count: count); return out }
        var idx = [Int](repeating: 0, count: rank)
        for flat in 0..<count {
            var src = 0
            for i in 0..<rank { src += idx[i] * strides[i] }
            out.pointer[flat] = pointer[src]
            var ax = rank - 1
            while ax >= 0 { idx[ax] += 1; if idx[ax] < shape[ax] { break }; idx[ax] = 0; ax -= 1 }
        }
        return out
    }

    /// The elements in row-major order.
    public func toArray() -> [Float] {
        let c = contiguous()
        return Array(UnsafeBufferPointer(start: c.pointer, count: c.count))
    }
}
