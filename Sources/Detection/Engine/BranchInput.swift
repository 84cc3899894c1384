// The decoded material branches share. The engine decodes once; a branch asks for what it needs
// (the image, the sampled frames, the audio, the PDF's raw bytes) and gets the cached copy.
// Decoding errors are rethrown to each branch that asks, so only those branches fail.
import Evidence
import Foundation
import Media

/// Shared, lazily decoded input of one analysis. Thread-safe: branches run concurrently.
public final class BranchInput: @unchecked Sendable {
    public let path: String
    public let summary: MediaSummary
    public let options: EngineOptions
    public let cancellation: Cancellation

    private let lock = NSLock()
    private var slots: [String: Slot] = [:]
    private var decodeNanos: Int64 = 0

    /// Time spent in `shared` producers (decoding), in milliseconds.
    public var decodeMs: Double { lock.lock(); defer { lock.unlock() }; return Double(decodeNanos) / 1e6 }

    public init(path: String, summary: MediaSummary, options: EngineOptions, cancellation: Cancellation = Cancellation()) {
        self.path = path; self.summary = summary; self.options = options; self.cancellation = cancellation
    }

    /// Computes `make` once per key and shares the value (or its error) with every caller.
    /// Concurrent callers of the same key wait for the first; other keys proceed in parallel.
    /// `countsAsDecode: false` keeps derived work (face detection) out of `decodeMs`; decoding
    /// it asks for through other keys is still counted there.
    public func shared<T>(_ key: String, countsAsDecode: Bool = true, _ make: () throws -> T) throws -> T {
        lock.lock()
        let slot: Slot
        if let s = slots[key] { slot = s } else { slot = Slot(); slots[key] = slot }
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let hit = slot.result { return try hit.get() as! T }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let r: Result<Any, Error> = Result { try make() as Any }
        let spent = Int64(DispatchTime.now().uptimeNanoseconds - t0)
        if countsAsDecode { lock.lock(); decodeNanos += spent; lock.unlock() }
        slot.result = r
        return try r.get() as! T
    }

    private final class Slot { let lock = NSLock(); var result: Result<Any, Error>? }

    /// Throws `CancellationError` if the analysis was cancelled.
    public func checkCancelled() throws { try cancellation.check() }
}

/// A flag that the owner of an analysis sets to stop it at the next check.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    public init() {}
    public func cancel() { lock.lock(); cancelled = true; lock.unlock() }
    public var isCancelled: Bool { lock.lock(); defer { lock.unlock() }; return cancelled }
    public func check() throws { if isCancelled { throw CancellationError() } }
}
