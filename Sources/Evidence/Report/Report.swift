// The report: everything DeepScan concluded about one file, as one Codable value that every front
// end renders (workbench, CLI, HTTP API, case reports). Schema `deepscan.report/1`, documented
// field by field in docs/report-schema.md. Heatmaps are not inlined: `maps` lists references and
// the values travel separately (see HeatmapRef / Heatmap).
import Foundation

/// One file's analysis, schema `deepscan.report/1`.
public struct Report: Codable, Sendable, Equatable {
    public static let schemaID = "deepscan.report/1"

    public var schema: String = Report.schemaID
    public var file: ReportFile
    public var verdict: Verdict
    public var branches: [BranchResult]
    /// Per-frame view for videos (sampled frames): time, faces, per-branch scores.
    public var frames: [FrameRecord]
    /// Ingest findings (such as an extension mismatch) and engine findings (file changed while analysed).
    public var findings: [Finding]
    public var metadata: MetadataGroup
    public var timing: Timing
    public var engine: EngineInfo

    public init(file: ReportFile, verdict: Verdict, branches: [BranchResult], frames: [FrameRecord] = [], findings: [Finding] = [],
                metadata: MetadataGroup = .init(), timing: Timing, engine: EngineInfo) {
        self.file = file; self.verdict = verdict; self.branches = branches; self.frames = frames
        self.findings = findings; self.metadata = metadata; self.timing = timing; self.engine = engine
    }

    /// The result of the branch with this id, if it ran.
    public func branch(_ id: String) -> BranchResult? { branches.first { $0.id == id } }
}

/// Which file was analysed.
public struct ReportFile: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var bytes: Int64
    public var media: MediaKind
    public var format: String

    public init(path: String, sha256: String, bytes: Int64, media: MediaKind, format: String) {
        self.path = path; self.sha256 = sha256; self.bytes = bytes; self.media = media; self.format = format
    }
    public init(_ s: MediaSummary) { self.init(path: s.path, sha256: s.sha256, bytes: s.bytes, media: s.media, format: s.format) }
}

/// Wall-clock times in milliseconds.
public struct Timing: Codable, Sendable, Equatable {
    public var totalMs: Double
    /// Decoding shared by the branches (frames, audio, pages).
    public var decodeMs: Double
    public var branchesMs: [String: Double]

    public init(totalMs: Double = 0, decodeMs: Double = 0, branchesMs: [String: Double] = [:]) {
        self.totalMs = totalMs; self.decodeMs = decodeMs; self.branchesMs = branchesMs
    }
    enum CodingKeys: String, CodingKey { case totalMs = "total_ms", decodeMs = "decode_ms", branchesMs = "branches_ms" }
}

/// What produced the report.
public struct EngineInfo: Codable, Sendable, Equatable {
    public var version: String
    /// The fusion parameters file used (`models/fusion.json`) and its version.
    public var fusion: String
    /// The options as given (frame sampling, branches, threshold, limits).
    public var options: [String: String]
    /// When the analysis finished, ISO-8601 UTC.
    public var finishedAt: String

    public init(version: String, fusion: String, options: [String: String], finishedAt: String) {
        self.version = version; self.fusion = fusion; self.options = options; self.finishedAt = finishedAt
    }
    enum CodingKeys: String, CodingKey { case version, fusion, options, finishedAt = "finished_at" }
}
