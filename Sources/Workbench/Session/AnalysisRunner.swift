// Runs the detection engine on a background thread for the file on screen and posts what happens
// to the app's mailbox, so the interface never waits: a progress event per stage, each branch as
// it finishes, then the whole analysis. Starting another analysis cancels the running one.
import Detection
import Evidence
import Foundation

/// Messages the runner posts. `token` tells which analysis they belong to (a cancelled one may
/// still post a last message, which screens ignore).
public enum AnalysisMessage: Sendable {
    case progress(token: Int, stage: String, fraction: Double)
    case branch(token: Int, output: BranchOutput)
    case finished(token: Int, analysis: Analysis)
    case failed(token: Int, message: String)
}

/// Starts and cancels background analyses.
public final class AnalysisRunner {
    private let engine: DetectionEngine
    private let mailbox: Mailbox
    private var current: Cancellation?
    /// Tokens are unique across runners, so two runners can share one mailbox.
    private static let tokenLock = NSLock()
    nonisolated(unsafe) private static var lastToken = 0
    private let queue = DispatchQueue(label: "deepscan.analysis", qos: .userInitiated)

    public init(engine: DetectionEngine, mailbox: Mailbox) { self.engine = engine; self.mailbox = mailbox }

    /// Cancels any running analysis and starts one of `path`. Returns its token.
    @discardableResult
    public func start(_ path: String, options: EngineOptions) -> Int {
        cancel()
        Self.tokenLock.lock()
        Self.lastToken += 1
        let token = Self.lastToken
        Self.tokenLock.unlock()
        let c = Cancellation()
        current = c
        let engine = engine, mailbox = mailbox
        queue.async {
            do {
                let analysis = try engine.analyze(path, options: options, cancellation: c) { event in
                    guard !c.isCancelled else { return }
                    switch event {
                    case .stage(let name, let fraction): mailbox.post(AnalysisMessage.progress(token: token, stage: name, fraction: fraction))
                    case .branchFinished(let out): mailbox.post(AnalysisMessage.branch(token: token, output: out))
                    }
                }
                if !c.isCancelled { mailbox.post(AnalysisMessage.finished(token: token, analysis: analysis)) }
            } catch is CancellationError {
            } catch {
                if !c.isCancelled { mailbox.post(AnalysisMessage.failed(token: token, message: "\(error)")) }
            }
        }
        return token
    }

    /// Stops the running analysis at its next check.
    public func cancel() { current?.cancel(); current = nil }

    /// Cancels the running analysis and waits, up to `timeout` seconds, until its thread has
    /// returned (the engine checks for cancellation between stages and frames). The workbench
    /// calls this when the analyst quits: leaving under a running analysis runs exit's handlers
    /// and C++ static destructors (dlib, oneDNN) while the analysis may still be inside those
    /// libraries, and LeakSanitizer reports its half-built report as leaked
    /// (`Scripts/check-memory`). Returns false if the analysis was still running at the timeout.
    @discardableResult
    public func stop(waitingUpTo timeout: TimeInterval) -> Bool {
        cancel()
        // The queue is serial: this block runs once the analysis before it has returned.
        let idle = DispatchSemaphore(value: 0)
        queue.async { idle.signal() }
        return idle.wait(timeout: .now() + timeout) == .success
    }

    deinit { current?.cancel() }
}
