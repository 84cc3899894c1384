// Quitting the workbench mid-analysis: `AnalysisRunner.stop(waitingUpTo:)` cancels the analysis
// and returns only once the analysis thread has left the engine, so the process never exits
// under a running analysis (Scripts/check-memory saw its half-built report as leaked).
import Detection
import Evidence
import Foundation
import Testing
import TestSupport
@testable import Workbench

/// Set by the branch's thread, read by the test's.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

/// A branch that works until it is cancelled, checking every 50 ms, and says when it has returned.
private struct UntilCancelledBranch: Branch {
    let started: Flag, returned: Flag
    var id: String { "forensic" }
    var title: String { "until cancelled" }
    var media: Set<MediaKind> { Set(MediaKind.allCases) }
    var models: [String] { [] }
    func analyze(_ input: BranchInput) throws -> BranchOutput {
        started.set()
        defer { returned.set() }
        while true {
            try input.checkCancelled()
            usleep(50_000)
        }
    }
}

@Suite struct AnalysisRunnerStopTests {
    @Test func stopWaitsUntilTheAnalysisHasReturned() throws {
        let started = Flag(), returned = Flag()
        let engine = try DetectionEngine(branches: [UntilCancelledBranch(started: started, returned: returned)])
        let mailbox = Mailbox()
        let runner = AnalysisRunner(engine: engine, mailbox: mailbox)
        runner.start(Samples.path("speech-8k.wav"), options: EngineOptions())
        let deadline = Date().addingTimeInterval(60)
        while !started.isSet && Date() < deadline { usleep(10_000) }
        #expect(started.isSet)
        #expect(!returned.isSet)
        // The branch notices within 50 ms; stop must not come back before it has.
        #expect(runner.stop(waitingUpTo: 30))
        #expect(returned.isSet)
        let finished = mailbox.drain().messages.contains { m in
            if case .finished? = m as? AnalysisMessage { return true } else { return false }
        }
        #expect(!finished)
    }

    @Test func stopWithNothingRunningReturnsAtOnce() throws {
        let runner = AnalysisRunner(engine: try DetectionEngine(branches: []), mailbox: Mailbox())
        let t0 = Date()
        #expect(runner.stop(waitingUpTo: 30))
        #expect(Date().timeIntervalSince(t0) < 5)
    }
}
