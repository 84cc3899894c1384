// The engine's guarantees, with stand-in branches on a real sample: a branch that throws or
// returns NaN does not take down the others, branches that do not apply say so, results are
// deterministic, cancellation stops the analysis, and unknown branch ids are refused.
import Evidence
import Foundation
import Media
import Testing
import TestSupport
@testable import Detection

struct FixedBranch: Branch {
    let id: String
    var title: String { "fixed \(id)" }
    var media: Set<MediaKind> = Set(MediaKind.allCases)
    var models: [String] { [] }
    let behaviour: @Sendable (BranchInput) throws -> BranchOutput
    func analyze(_ input: BranchInput) throws -> BranchOutput { try behaviour(input) }
}

struct Boom: Error, CustomStringConvertible { var description: String { "model file missing" } }

@Suite struct EngineTests {
    let sample = Samples.path("speech-8k.wav")

    func engine(_ branches: [any Branch]) throws -> DetectionEngine { try DetectionEngine(branches: branches) }

    @Test func failingBranchesAreIsolated() throws {
        let e = try engine([
            FixedBranch(id: "forensic") { _ in throw Boom() },
            FixedBranch(id: "metadata") { _ in BranchOutput(result: BranchResult(id: "metadata", status: .ok, score: .nan)) },
            FixedBranch(id: "audio") { _ in BranchOutput(result: BranchResult(id: "audio", status: .ok, score: 0.1)) },
        ])
        let r = try e.analyze(sample).report
        #expect(r.branch("forensic")?.status == .error)
        #expect(r.branch("forensic")?.reason == "model file missing")
        #expect(r.branch("metadata")?.status == .error)
        #expect(r.branch("audio")?.status == .ok)
        #expect(r.verdict.score == 0.1)
        #expect(r.verdict.label == .real)
        #expect(r.file.sha256.count == 64)
        #expect(r.schema == "deepscan.report/1")
    }

    @Test func branchesForOtherMediaAreNotApplicable() throws {
        var b = FixedBranch(id: "spatial") { _ in BranchOutput(result: BranchResult(id: "spatial", status: .ok, score: 0.9)) }
        b.media = [.image, .video]
        let r = try engine([b]).analyze(sample).report
        #expect(r.branch("spatial")?.status == .notApplicable)
        #expect(r.branch("spatial")?.reason?.contains("not audio") == true)
        #expect(r.verdict.score == nil && r.verdict.label == .inconclusive)
    }

    @Test func deterministicAndRoundTripsThroughJSON() throws {
        let e = try engine([FixedBranch(id: "audio") { i in
            BranchOutput(result: BranchResult(id: "audio", status: .ok, score: Double(i.summary.bytes % 97) / 97))
        }])
        let a = try e.analyze(sample).report, b = try e.analyze(sample).report
        #expect(a.verdict == b.verdict && a.branches.map(\.score) == b.branches.map(\.score))
        let back = try JSONDecoder().decode(Report.self, from: JSONEncoder().encode(a))
        #expect(back == a)
    }

    @Test func cancellationStopsTheAnalysis() throws {
        let c = Cancellation()
        let e = try engine([FixedBranch(id: "audio") { i in c.cancel(); try i.checkCancelled(); fatalError("not reached") }])
        #expect(throws: CancellationError.self) { try e.analyze(sample, cancellation: c) }
    }

    @Test func unknownBranchIsRefused() throws {
        var o = EngineOptions(); o.branches = ["spatail"]
        #expect(throws: EngineError.self) { try engine([]).analyze(sample, options: o) }
    }

    @Test func unreadableFileIsAPerFileError() throws {
        #expect(throws: MediaError.self) { try engine([]).analyze("/nonexistent/clip.mp4") }
    }

    @Test func sharedInputIsDecodedOnce() throws {
        let counter = Counter()
        let make: @Sendable (BranchInput) throws -> Int = { i in try i.shared("x") { counter.bump(); return 7 } }
        let e = try engine([
            FixedBranch(id: "audio") { i in _ = try make(i); return BranchOutput(result: BranchResult(id: "audio", status: .ok, score: 0.2)) },
            FixedBranch(id: "metadata") { i in _ = try make(i); return BranchOutput(result: BranchResult(id: "metadata", status: .ok, score: 0.2)) },
        ])
        _ = try e.analyze(sample)
        #expect(counter.value == 1)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock(); private var n = 0
    func bump() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}

@Suite struct EngineCustodyTests {
    /// A file that changes while it is analysed is reported, not silently described.
    @Test func fileChangedDuringAnalysisIsACriticalFinding() throws {
        let tmp = TempDir()
        let path = try tmp.copy(Samples.path("speech-8k.wav"), as: "clip.wav")
        let tamper = FixedBranch(id: "audio") { input in
            let h = FileHandle(forWritingAtPath: input.path)!
            h.seekToEndOfFile(); h.write(Data([0])); try? h.close()
            return BranchOutput(result: BranchResult(id: "audio", status: .ok, score: 0.2))
        }
        let r = try DetectionEngine(branches: [tamper]).analyze(path).report
        #expect(r.findings.contains { $0.code == "file-changed-during-analysis" && $0.severity == .critical })
    }

    @Test func longMediaNeedsToBeAskedFor() throws {
        var o = EngineOptions(); o.maxDuration = 10
        #expect(throws: EngineError.self) { try DetectionEngine(branches: []).analyze(Samples.path("speech-8k.wav"), options: o) }
        o.maxDuration = 60
        _ = try DetectionEngine(branches: []).analyze(Samples.path("speech-8k.wav"), options: o)
    }
}
