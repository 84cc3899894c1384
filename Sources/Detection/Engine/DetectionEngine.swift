// The engine: one file in, one Report out. Reads the file's identity and metadata once, shares
// decoded material between branches (BranchInput), runs the applicable branches (concurrently on
// the two cores), isolates their failures, fuses what answered, and checks that the file did not
// change while it was being analysed (SHA-256 before and after).
import Dispatch
import Evidence
import Foundation
import Media

public final class DetectionEngine: Sendable {
    public static let version = "0.1.0"

    public let fusion: FusionConfig
    public let fusionSource: String
    public let branches: [any Branch]

    /// - Parameters:
    ///   - fusionFile: models/fusion.json; the built-in defaults when nil or missing.
    ///   - branches: the registry by default; tests may pass their own.
    public init(fusionFile: URL? = nil, branches: [any Branch] = BranchRegistry.all) throws {
        if let fusionFile, FileManager.default.fileExists(atPath: fusionFile.path) {
            fusion = try FusionConfig.load(fusionFile)
            fusionSource = "\(fusionFile.lastPathComponent)@\(fusion.version)"
        } else {
            fusion = .builtIn
            fusionSource = "builtin@\(FusionConfig.builtIn.version)"
        }
        let ids = branches.map(\.id)
        precondition(Set(ids).count == ids.count, "DetectionEngine: branch ids must be unique, got \(ids)")
        self.branches = branches
    }

    /// Analyses the file at `path`. Throws `MediaError` when the file cannot be read at all (the
    /// caller reports it per file); branch failures become `error` results inside the report.
    public func analyze(_ path: String, options: EngineOptions = EngineOptions(), cancellation: Cancellation = Cancellation(),
                        events: (@Sendable (AnalysisEvent) -> Void)? = nil) throws -> Analysis {
        let clock = ContinuousClock()
        let start = clock.now
        events?(.stage(name: "reading", fraction: 0))
        let summary = try MediaInspector.summarize(path, options: options.media)
        try cancellation.check()
        if let d = summary.duration, d > options.maxDuration {
            throw EngineError.tooLong(path: path, seconds: d, limit: options.maxDuration)
        }
        let input = BranchInput(path: path, summary: summary, options: options, cancellation: cancellation)

        if let wanted = options.branches {
            let known = Set(BranchRegistry.plannedIDs)
            if let bad = wanted.first(where: { !known.contains($0) }) {
                throw EngineError.unknownBranch(bad, known: BranchRegistry.plannedIDs)
            }
        }
        let selected = branches.filter { options.branches?.contains($0.id) ?? true }
        let collector = OutputCollector(count: selected.count)
        let run: @Sendable (Int) -> Void = { i in
            let branch = selected[i]
            let out = Self.run(branch, input: input)
            let done = collector.set(i, out)
            events?(.branchFinished(out))
            events?(.stage(name: branch.title, fraction: 0.05 + 0.9 * Double(done) / Double(max(selected.count, 1))))
        }
        events?(.stage(name: "branches", fraction: 0.05))
        if options.concurrent && selected.count > 1 {
            DispatchQueue.concurrentPerform(iterations: selected.count, execute: run)
        } else {
            for i in selected.indices { run(i) }
        }
        try cancellation.check()
        let outputs = collector.outputs

        var findings = summary.findings
        if summary.media == .image { findings += Self.faceFindings(input: input) }
        if let after = try? EvidenceFile.sha256(path), after != summary.sha256 {
            findings.append(Finding(code: "file-changed-during-analysis", severity: .critical,
                                    message: "The file changed while it was being analysed (SHA-256 \(summary.sha256.prefix(12))… before, \(after.prefix(12))… after). The results below describe neither version reliably; analyse a stable copy.",
                                    source: "engine"))
        }

        let (verdict, weighted) = Fusion.fuse(outputs.map(\.result), kind: summary.media, config: fusion, threshold: options.threshold)
        var maps: [String: Heatmap] = [:]
        for o in outputs { maps.merge(o.maps) { a, _ in a } }
        // Before `total`: for videos this is where faces are detected on the sampled frames.
        let frames = Self.frames(from: weighted, input: input)
        let total = clock.now - start
        let report = Report(
            file: ReportFile(summary), verdict: verdict, branches: weighted, frames: frames,
            findings: findings, metadata: summary.metadata,
            timing: Timing(totalMs: total.milliseconds, decodeMs: input.decodeMs,
                           branchesMs: Dictionary(uniqueKeysWithValues: weighted.map { ($0.id, $0.durationMs) })),
            engine: EngineInfo(version: Self.version, fusion: fusionSource, options: options.described,
                               finishedAt: ISO8601DateFormatter().string(from: Date())))
        events?(.stage(name: "done", fraction: 1))
        return Analysis(report: report, maps: maps)
    }

    /// Runs one branch, turning a throw, a non-finite score or a wrong media kind into a result.
    static func run(_ branch: any Branch, input: BranchInput) -> BranchOutput {
        guard branch.media.contains(input.summary.media) else {
            let kinds = branch.media.map(\.rawValue).sorted().joined(separator: ", ")
            return .notApplicable(branch.id, "looks at \(kinds), not \(input.summary.media.rawValue)")
        }
        let clock = ContinuousClock()
        let start = clock.now
        var out: BranchOutput
        do {
            out = try branch.analyze(input)
            if out.result.status == .ok {
                if let s = out.result.score, !s.isFinite || !(0...1).contains(s) {
                    out = BranchOutput(result: .failed(branch.id, "the branch produced an invalid score (\(s)); it was discarded"))
                } else if out.result.score == nil {
                    out = BranchOutput(result: .failed(branch.id, "the branch reported ok without a score"))
                }
            }
        } catch is CancellationError {
            out = BranchOutput(result: .failed(branch.id, "cancelled"))
        } catch {
            out = BranchOutput(result: .failed(branch.id, "\(error)"))
        }
        out.result.durationMs = (clock.now - start).milliseconds
        return out
    }

    /// Per-frame records, merged from the branches' per-frame scores, with the faces found on the
    /// sampled frames (a frame with faces but no scores still gets a record).
    static func frames(from results: [BranchResult], input: BranchInput) -> [FrameRecord] {
        var byIndex: [Int: FrameRecord] = [:]
        let keyframes = input.summary.media == .video ? ((try? input.sampledKeyframes()) ?? []) : []
        for r in results {
            for f in r.frameScores ?? [] {
                byIndex[f.index, default: FrameRecord(index: f.index, time: f.time, keyframe: keyframes.contains(f.index))].scores[r.id] = f.score
            }
        }
        if input.summary.media == .video, let faces = try? input.faces() {
            let times = Dictionary(((try? input.sampledFrames()) ?? []).map { ($0.index, $0.pts) }, uniquingKeysWith: { a, _ in a })
            for (index, records) in faces.byFrame {
                byIndex[index, default: FrameRecord(index: index, time: times[index] ?? 0, keyframe: keyframes.contains(index))].faces = records
            }
        }
        return byIndex.values.sorted { $0.index < $1.index }
    }
}

public enum EngineError: Error, CustomStringConvertible, Equatable {
    case unknownBranch(String, known: [String])
    case tooManyFramesToShare(Int, limit: Int)
    case tooLong(path: String, seconds: Double, limit: Double)
    public var description: String {
        switch self {
        case .tooLong(let p, let s, let l):
            return String(format: "%@: lasts %.0f s, over the limit of %.0f s; analyse it anyway with --max-duration %.0f, or a part of it with --frames and a time range", p, s, l, s.rounded(.up))
        case .unknownBranch(let b, let known): return "unknown branch '\(b)'; branches are \(known.joined(separator: ", "))"
        case .tooManyFramesToShare(let n, let limit): return "\(n) sampled frames are too many to keep in memory (at most \(limit)); the branch must stream them"
        }
    }
}

/// Collects outputs from concurrent branch runs.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [BranchOutput?]
    private var done = 0
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: BranchOutput) -> Int { lock.lock(); defer { lock.unlock() }; slots[i] = o; done += 1; return done }
    var outputs: [BranchOutput] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
