// The thread count NeuralKit uses, and the one parallel loop its own kernels (depthwise
// convolution, element-wise epilogues, im2col) and the blocks `BLAS.gemm` splits a product into
// run on. OpenBLAS itself runs single-threaded, so `--threads 1` really means one core. The loop splits a range into
// at most `threads` contiguous chunks with `DispatchQueue.concurrentPerform` and runs small
// ranges inline: a dispatch costs a few microseconds, more than a small plane takes.
import Dispatch
import Foundation

/// Parallel loops for the kernels that do not go through OpenBLAS.
public enum Parallel {
    /// Threads for NeuralKit's own loops: the calling thread's `withThreads` count if one is set,
    /// else the process-wide count (default: the cores this process may use).
    public static var threads: Int {
        if let own = pthread_getspecific(overrideKey) { return Int(bitPattern: own) }
        return processThreads
    }

    nonisolated(unsafe) private static var processThreads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Per-thread override of `threads` (`DataParallel`'s workers run their shards on one core each).
    private static let overrideKey: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
        return key
    }()

    /// Sets NeuralKit's thread count, matrix products included (call before running models, not during).
    public static func setThreads(_ n: Int) {
        precondition(n >= 1, "thread count \(n)")
        processThreads = n
    }

    /// Runs `body` with NeuralKit's loops and products on the calling thread limited to `n` threads;
    /// other threads keep their count. Nests (the previous value is restored).
    public static func withThreads<T>(_ n: Int, _ body: () throws -> T) rethrows -> T {
        precondition(n >= 1, "thread count \(n)")
        let previous = pthread_getspecific(overrideKey)
        pthread_setspecific(overrideKey, UnsafeRawPointer(bitPattern: n))
        defer { pthread_setspecific(overrideKey, previous) }
        return try body()
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
