// A finding: one observation in plain words, with where it came from and how much it matters.
// Media ingest, the forensic analyses and the branches all speak in findings.

/// How much a finding matters to an analyst.
/// `critical` is reserved for evidence that is itself damaged or unreadable (truncated, cannot be
/// opened) and for broken chain of custody; `info` exits non-zero on it.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case info, notice, warning, critical

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One observation about a piece of evidence.
public struct Finding: Codable, Sendable, Equatable {
    /// Stable machine-readable code, e.g. `extension-mismatch`, `pdf-incremental-update`.
    public var code: String
    public var severity: Severity
    /// Plain words for the analyst.
    public var message: String
    /// What produced it: `media`, an analysis id or a branch id.
    public var source: String
    /// Where it applies, when it applies somewhere specific: a metadata path, a frame, a page.
    public var location: String?

    public init(code: String, severity: Severity, message: String, source: String, location: String? = nil) {
        self.code = code; self.severity = severity; self.message = message; self.source = source; self.location = location
    }
}
