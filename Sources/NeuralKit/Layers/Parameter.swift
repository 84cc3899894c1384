// A named model weight: its value, its accumulated gradient, and whether an optimizer may change
// it (BatchNorm's running statistics are buffers: saved and loaded, never trained).
//
// Memory is spent only on what the model is used for. The gradient is allocated on first use (a
// backward pass, an optimizer, `prepareForTraining()`), so an inference-only model holds its values
// alone. The value itself is Float32 by default; for inference it can be held as Float16 or, for a
// layer computing in bf16, as that layer's bf16 copy only (`WeightStorage`). Then `value` widens it
// on each read into a per-thread scratch (`WidenScratch`): a read-only view, and the gradient is
// refused (training needs Float32 masters).
import Synchronization

/// A trainable tensor (or a non-trainable buffer such as BatchNorm's running mean) with its gradient.
public final class Parameter {
    /// Where the value lives.
    enum Storage {
        /// The Float32 master (optimizers and loading write it in place).
        case float32(Tensor)
        /// Float16 only, `count` halves.
        case float16(UnsafeMutablePointer<Float16>)
        /// A bf16 copy shared with the layer that multiplies with it: (rows, cols) of the weight
        /// viewed as (out, rest), or its transpose (Linear keeps W^T) when `transposed`.
        case bfloat16(BF16Matrix, transposed: Bool)
    }

    private var storage: Storage
    private var gradient: Tensor?
    /// Identifies the current contents for the widening scratch; new on every change of storage.
    private(set) var contentID: Int
    /// Shape of the value.
    public let shape: [Int]
    /// Number of elements.
    public let count: Int
    /// False for buffers the optimizer must not touch (running statistics).
    public let trainable: Bool

    /// A parameter holding `value`; its storage is standalone (not pooled).
    public init(_ value: Tensor, trainable: Bool = true) {
        let own = Tensor(uninitialized: value.shape, pool: nil)
        own.assign(value.contiguous())
        storage = .float32(own)
        shape = value.shape; count = value.count
        self.trainable = trainable
        contentID = Parameter.nextID()
    }

    deinit { if case let .float16(p) = storage { p.deallocate() } }

    /// Current value, Float32. With Float32 storage it is the master: its contents change in place
    /// (optimizers, loading) and its shape never does. With reduced storage it is a read-only
    /// widened copy in this thread's scratch, valid while the returned tensor is held.
    public var value: Tensor {
        if case let .float32(t) = storage { return t }
        return WidenScratch.current.widened(self)
    }

    /// Accumulated gradient, same shape as `value` (zero for buffers); allocated zeroed on first use.
    /// Only a parameter with Float32 storage has one (`Layer.prepareForTraining()` says why not).
    public var grad: Tensor {
        if let gradient { return gradient }
        guard case .float32 = storage else {
            preconditionFailure("gradient of a parameter stored as \(weightStorage.rawValue): training and backward need float32 weights (setWeightStorage(.float32) before training)")
        }
        let g = Tensor(zeros: shape, pool: nil)
        gradient = g
        return g
    }

    /// True once the gradient has been allocated.
    public var hasGradient: Bool { gradient != nil }

    /// Frees the gradient (an inference-only model does not need it); the next use allocates it again.
    public func releaseGradient() { gradient = nil }

    /// How the value is held.
    public var weightStorage: WeightStorage {
        switch storage {
        case .float32: return .float32
        case .float16: return .float16
        case .bfloat16: return .bfloat16
        }
    }

    /// Bytes of the value held by this parameter: 4 a scalar in Float32, 2 in Float16 or bf16 (a bf16
    /// copy shared with its layer counts here; `Layer.memoryFootprint` does not count it twice).
    public var valueBytes: Int {
        switch storage {
        case .float32: return 4 * count
        case .float16: return 2 * count
        case .bfloat16: return 2 * count
        }
    }

    /// The bf16 matrix this parameter shares with its layer, when stored as bf16.
    var sharedBF16: BF16Matrix? {
        if case let .bfloat16(m, _) = storage { return m }
        return nil
    }

    /// Bytes of the gradient (0 until it is allocated).
    public var gradientBytes: Int { gradient == nil ? 0 : 4 * count }

    /// Writes the value as Float32 into `dst` (`count` floats).
    func widen(into dst: UnsafeMutablePointer<Float>) {
        widenRows(0..<(shape.first ?? 1), into: dst)
    }

    /// Writes rows `rows` of the value seen as (shape[0], rest) as Float32 into `dst`.
    func widenRows(_ rows: Range<Int>, into dst: UnsafeMutablePointer<Float>) {
        let cols = shape.isEmpty ? 1 : (shape[0] == 0 ? 0 : count / shape[0])
        let first = rows.lowerBound * cols, n = rows.count * cols
        switch storage {
        case let .float32(t): dst.update(from: t.pointer + first, count: n)
        case let .float16(h):
            let src = h + first           // no index arithmetic in the loop: it vectorises (F16C, 8 a step)
            for i in 0..<n { dst[i] = Float(src[i]) }
        case let .bfloat16(m, transposed):
            if transposed {
                // m is (cols, rows) of the (rows, cols) weight: element (r, c) is m[c, r].
                for r in rows { for c in 0..<cols { dst[(r - rows.lowerBound) * cols + c] = BFloat16.float(m.pointer[c * m.cols + r]) } }
            } else {
                let src = m.pointer + first
                for i in 0..<n { dst[i] = BFloat16.float(src[i]) }
            }
        }
    }

    /// Calls `body` with consecutive row ranges of the value seen as (shape[0], rest), and a Float32
    /// pointer to those rows (row stride `count / shape[0]`): the whole master at once for Float32
    /// storage; otherwise blocks of at most `maxScalars` widened into a tensor from `pool`, so a
    /// big reduced-storage matrix (a classifier) is never widened whole.
    public func forEachRowBlock(maxScalars: Int = 65_536, pool: TensorPool = .shared,
                                _ body: (Range<Int>, UnsafePointer<Float>) -> Void) {
        let rows = shape.first ?? 1, cols = rows == 0 ? 0 : count / rows
        if case let .float32(t) = storage { body(0..<rows, t.pointer); return }
        let step = max(1, min(rows, maxScalars / max(cols, 1)))
        let block = Tensor(uninitialized: [step * cols], pool: pool)
        for r0 in stride(from: 0, to: rows, by: step) {
            let r1 = min(rows, r0 + step)
            widenRows(r0..<r1, into: block.pointer)
            body(r0..<r1, block.pointer)
        }
    }

    /// Replaces the value by `source` (same shape), kept in the current storage: rounded to Float16
    /// for Float16 storage; a bf16-stored parameter becomes Float32 until its layer re-packs it.
    func load(_ source: Tensor) {
        precondition(source.shape == shape, "load \(source.shape) into parameter \(shape)")
        switch storage {
        case let .float32(t): t.assign(source)
        case let .float16(h):
            let c = source.contiguous()
            for i in 0..<count { h[i] = Float16(c.pointer[i]) }
        case .bfloat16:
            let own = Tensor(uninitialized: shape, pool: nil)
            own.assign(source)
            storage = .float32(own)
        }
        contentID = Parameter.nextID()
    }

    /// Holds the value as Float32 (widening it), as Float16 (rounding it to nearest even), or as the
    /// bf16 matrix `packed` its layer multiplies with. The gradient is dropped for reduced storage.
    func store(_ kind: WeightStorage, packed: (BF16Matrix, transposed: Bool)? = nil) {
        let old = storage
        switch kind {
        case .float32:
            if case .float32 = old { return }
            let t = Tensor(uninitialized: shape, pool: nil)
            widen(into: t.pointer)
            storage = .float32(t)
        case .float16:
            if case .float16 = old { return }
            let h = UnsafeMutablePointer<Float16>.allocate(capacity: max(count, 1))
            if case let .float32(t) = old {
                for i in 0..<count { h[i] = Float16(t.pointer[i]) }
            } else {
                let t = Tensor(uninitialized: shape, pool: nil)
                widen(into: t.pointer)
                for i in 0..<count { h[i] = Float16(t.pointer[i]) }
            }
            storage = .float16(h)
            gradient = nil
        case .bfloat16:
            guard let packed else { preconditionFailure("bf16 storage needs the layer's bf16 matrix") }
            precondition(packed.0.rows * packed.0.cols == count, "bf16 matrix \(packed.0.rows)x\(packed.0.cols) for parameter \(shape)")
            storage = .bfloat16(packed.0, transposed: packed.transposed)
            gradient = nil
        }
        if case let .float16(h) = old { h.deallocate() }
        contentID = Parameter.nextID()
    }

    private static let ids = Atomic<Int>(0)
    private static func nextID() -> Int { ids.wrappingAdd(1, ordering: .relaxed).newValue }
}
