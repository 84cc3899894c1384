// Choices for one analysis, with safe defaults.
import Media

/// How to sample a video's frames.
public enum FrameSampling: Sendable, Equatable {
    /// `n` frames spread evenly over the video (default 8, as in the original design; 32 as the
    /// DFDC winners used).
    case spread(Int)
    /// Every frame (frame-by-frame mode).
    case all
    /// Every frame in a time range, in seconds.
    case range(ClosedRange<Double>)
}

/// Options of one analysis.
public struct EngineOptions: Sendable, Equatable {
    public var media: MediaOptions = .default
    public var sampling: FrameSampling = .spread(8)
    /// Branch ids to run; nil runs every registered branch.
    public var branches: Set<String>? = nil
    /// Overrides the decision threshold of the fusion file.
    public var threshold: Double? = nil
    /// Longest video or audio analysed unless raised (seconds).
    public var maxDuration: Double = 3 * 3600
    /// Run branches concurrently.
    public var concurrent: Bool = true

    public init() {}

    /// The options as strings, recorded in the report.
    public var described: [String: String] {
        var d: [String: String] = ["pixel_limit": String(media.pixelLimit), "max_duration": String(maxDuration)]
        switch sampling {
        case .spread(let n): d["frames"] = String(n)
        case .all: d["frames"] = "all"
        case .range(let r): d["frames"] = "\(r.lowerBound)-\(r.upperBound)s"
        }
        if let branches { d["branches"] = branches.sorted().joined(separator: ",") }
        if let threshold { d["threshold"] = String(threshold) }
        return d
    }
}
