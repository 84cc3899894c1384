// Splitting row loops over the cores. The analyses write disjoint rows of one output buffer from
// several threads; Swift 6 cannot see that the writes are disjoint, so the buffer pointer travels
// in an @unchecked Sendable box. Callers guarantee each index is written by one chunk only.
import Dispatch

/// A mutable buffer pointer that may cross into `concurrentPerform` (disjoint writes only).
struct SharedBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    @inline(__always) subscript(i: Int) -> T {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}

enum Parallel {
    /// Runs `body` over `0..<count` in contiguous chunks, concurrently when the work is big enough.
    static func forEachChunk(_ count: Int, minimumPerChunk: Int = 16, _ body: @Sendable (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let chunks = max(1, min(16, count / max(minimumPerChunk, 1)))
        if chunks == 1 { body(0..<count); return }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = count * c / chunks, hi = count * (c + 1) / chunks
            if lo < hi { body(lo..<hi) }
        }
    }

    /// Fills an array of `count` elements, chunk by chunk, possibly concurrently.
    static func fill<T>(_ count: Int, initial: T, minimumPerChunk: Int = 16,
                        _ body: @Sendable (Range<Int>, SharedBuffer<T>) -> Void) -> [T] {
        var out = [T](repeating: initial, count: count)
        out.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            let shared = SharedBuffer(base: base)
            forEachChunk(count, minimumPerChunk: minimumPerChunk) { body($0, shared) }
        }
        return out
    }
}

/// A read-only buffer pointer that may cross into `concurrentPerform`.
struct SharedConst<T>: @unchecked Sendable {
    let base: UnsafePointer<T>
    @inline(__always) subscript(i: Int) -> T { base[i] }
}
