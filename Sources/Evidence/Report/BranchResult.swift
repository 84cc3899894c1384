// What one detection branch said about a file: a score with its evidence, or an honest
// "not applicable" with the reason, or the error that stopped it. Never a made-up score.

/// How a branch ended.
public enum BranchStatus: String, Codable, Sendable {
    case ok
    case notApplicable = "not_applicable"
    case error
}

/// The model a branch used (absent for classical analyses).
public struct ModelRef: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public var sha256: String
    public init(name: String, version: String, sha256: String) { self.name = name; self.version = version; self.sha256 = sha256 }
}

/// A branch's score on one frame (or one time segment, for audio).
public struct FrameScore: Codable, Sendable, Equatable {
    public var index: Int
    /// Seconds from the start.
    public var time: Double
    public var score: Double
    public init(index: Int, time: Double, score: Double) { self.index = index; self.time = time; self.score = score }
}

/// One branch's answer.
public struct BranchResult: Codable, Sendable, Equatable {
    /// `spatial`, `temporal`, `autoencoder`, `audio`, `lipsync`, `forensic`, `metadata` or `pdf`.
    public var id: String
    public var status: BranchStatus
    /// Probability of manipulation in 0...1 (status `ok` only).
    public var score: Double?
    /// Weight in the fusion (0 when it did not take part).
    public var weight: Double
    /// Why not applicable, or the error message.
    public var reason: String?
    public var model: ModelRef?
    public var findings: [Finding]
    /// Per-frame or per-segment scores, where the branch works that way.
    public var frameScores: [FrameScore]?
    /// Evidence maps, by reference (values are fetched separately).
    public var maps: [HeatmapRef]
    /// Named numbers behind the score (for the branch panel), e.g. `ela_mean`, `revisions`.
    public var measurements: [String: Double]
    public var durationMs: Double

    public init(id: String, status: BranchStatus, score: Double? = nil, weight: Double = 0, reason: String? = nil,
                model: ModelRef? = nil, findings: [Finding] = [], frameScores: [FrameScore]? = nil,
                maps: [HeatmapRef] = [], measurements: [String: Double] = [:], durationMs: Double = 0) {
        self.id = id; self.status = status; self.score = score; self.weight = weight; self.reason = reason
        self.model = model; self.findings = findings; self.frameScores = frameScores; self.maps = maps
        self.measurements = measurements; self.durationMs = durationMs
    }

    public static func notApplicable(_ id: String, _ reason: String) -> BranchResult {
        BranchResult(id: id, status: .notApplicable, reason: reason)
    }
    public static func failed(_ id: String, _ message: String) -> BranchResult {
        BranchResult(id: id, status: .error, reason: message)
    }

    enum CodingKeys: String, CodingKey {
        case id, status, score, weight, reason, model, findings, maps, measurements
        case frameScores = "frame_scores", durationMs = "duration_ms"
    }
}
