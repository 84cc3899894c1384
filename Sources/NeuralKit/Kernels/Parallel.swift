// The thread count NeuralKit uses, and the one parallel loop its own kernels (depthwise
// convolution, element-wise epilogues, im2col) and the blocks `BLAS.gemm` splits a product into
// run on. OpenBLAS itself runs single-threaded, so `--threads 1` really means one core. The loop splits a range into
// at most `threads` contiguous chunks with `DispatchQueue.concurrentPerform` and runs small
// ranges inline: a dispatch costs a few microseconds, more than a small plane takes.
import Dispatch
import Foundation

/// Parallel loops for the kernels that do not go through OpenBLAS.
public enum Parallel {
    /// Threads for NeuralKit's own loops (default: the cores this process may use).
    nonisolated(unsafe) public private(set) static var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Sets NeuralKit's thread count, matrix products included (call before running models, not during).
    public static func setThreads(_ n: Int) {
        precondition(n >= 1, "thread count \(n)")
        threads = n
    }

    /// Work (multiply-adds or element operations) below which a chunk is not worth a thread: waking a
    /// worker costs 20-50 microseconds in this VM when the other core is busy, about 256K simple
    /// operations. Per-layer dispatches on the small late-MobileNet layers cost more than they saved.
    static let minimumWork = 1 << 18

    /// The `grain` for items of `work` operations each: enough items per chunk to pay for a thread.
    static func grain(work: Int) -> Int { max(1, minimumWork / max(1, work)) }

    /// A value handed to the worker threads; the caller guarantees the chunks touch disjoint memory.
    struct Unchecked<T>: @unchecked Sendable { let value: T }

    /// Calls `body` on contiguous chunks covering 0..<count, in parallel when there is more than
    /// `grain` work units per thread; each index is in exactly one chunk.
    static func forEach(_ count: Int, grain: Int = 1, _ body: (Range<Int>) -> Void) {
        let chunks = min(threads, count / max(grain, 1))
        guard chunks > 1 else { if count > 0 { body(0..<count) }; return }
        withoutActuallyEscaping(body) { escapable in
            let work = Unchecked(value: escapable)
            DispatchQueue.concurrentPerform(iterations: chunks) { i in
                work.value(count * i / chunks ..< count * (i + 1) / chunks)
            }
        }
    }
}
