// A pool of Float32 buffers keyed by element count. Layers allocate their outputs and scratch
// (im2col columns, masks) from the pool of their input tensor; when a tensor's last view goes away
// its buffer comes back here, so a forward pass in steady state reuses the buffers of the previous
// pass instead of calling malloc (llm.c allocates everything once up front; this gets the same
// effect without a planner). `allocations` counts fresh buffers, which is what tests measure.
import Foundation

/// Reusable Float32 buffers, bucketed by exact element count. Thread-safe.
public final class TensorPool: @unchecked Sendable {
    /// The pool used when a tensor is created without naming one.
    public static let shared = TensorPool()

    private let lock = NSLock()
    private var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
    private var _allocations = 0
    private var _reuses = 0
    private var _bytesHeld = 0

    public init() {}

    /// Number of buffers this pool had to allocate fresh (not satisfied by a free buffer).
    public var allocations: Int { lock.withLock { _allocations } }
    /// Number of requests served from a previously released buffer.
    public var reuses: Int { lock.withLock { _reuses } }
    /// Bytes sitting in free lists, waiting for reuse.
    public var bytesHeld: Int { lock.withLock { _bytesHeld } }

    /// A buffer of exactly `count` floats; contents are whatever the previous user left.
    func take(_ count: Int) -> UnsafeMutablePointer<Float> {
        lock.lock()
        if var list = free[count], let p = list.popLast() {
            free[count] = list
            _reuses += 1
            _bytesHeld -= count * 4
            lock.unlock()
            return p
        }
        _allocations += 1
        lock.unlock()
        return UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
    }

    /// Returns a buffer obtained from `take` with the same `count`.
    func give(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        lock.withLock {
            free[count, default: []].append(pointer)
            _bytesHeld += count * 4
        }
    }

    /// Frees every buffer waiting for reuse (memory pressure, end of a batch job).
    public func drain() {
        let lists = lock.withLock { () -> [[UnsafeMutablePointer<Float>]] in
            let l = Array(free.values); free = [:]; _bytesHeld = 0; return l
        }
        for list in lists { for p in list { p.deallocate() } }
    }

    deinit { for list in free.values { for p in list { p.deallocate() } } }
}
