// What the metadata consistency checks concluded about one file: the findings with the weight
// each adds to the score, the score itself, named measurements for the branch panel, or the
// plain reason there was nothing to check. Named apart from the other analyses' result type
// because it carries weights per finding, which the metadata branch shows and tests pin down.
import Evidence

/// The result of `MetadataConsistency.check`.
public struct MetadataConsistencyReport: Sendable, Equatable {
    /// A finding with the weight it adds to the noisy-OR score.
    public struct WeightedFinding: Sendable, Equatable {
        public var finding: Finding
        /// 0...1; 0 for findings that inform without pointing to editing (GPS).
        public var weight: Double
        public init(_ finding: Finding, weight: Double) { self.finding = finding; self.weight = weight }
    }

    /// Why nothing could be checked (no EXIF, XMP or IPTC; no container tags); nil when checked.
    public var notApplicable: String?
    /// The metadata findings, in check order.
    public var items: [WeightedFinding]
    /// Ingest findings (from `MediaSummary.findings`, such as `extension-mismatch`) that were
    /// counted in the score but are not repeated here.
    public var counted: [WeightedFinding]
    /// Probability-like score in 0...1 that the metadata points to editing; nil when not applicable.
    public var score: Double?
    /// Named numbers behind the score: counts per tool category, saves after capture, ...
    public var measurements: [String: Double]

    public init(notApplicable: String? = nil, items: [WeightedFinding] = [], counted: [WeightedFinding] = [],
                score: Double? = nil, measurements: [String: Double] = [:]) {
        self.notApplicable = notApplicable; self.items = items; self.counted = counted
        self.score = score; self.measurements = measurements
    }

    /// The findings without weights.
    public var findings: [Finding] { items.map(\.finding) }
    /// The codes of the findings, in order.
    public var codes: [String] { items.map(\.finding.code) }
    /// The first finding with `code`.
    public func finding(_ code: String) -> WeightedFinding? { items.first { $0.finding.code == code } }
    /// True when a finding with `code` was made.
    public func has(_ code: String) -> Bool { finding(code) != nil }
}
