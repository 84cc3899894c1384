// Chain of custody for one evidence file: does the file at its intake path still have the bytes
// hashed at intake? Checked before every analysis and every report.
import Foundation

/// The state of an evidence file compared with its intake hash.
public enum CustodyStatus: Sendable, Equatable, Codable {
    case unchanged
    /// The file is there but its bytes differ: hash at intake and now.
    case changed(intake: String, now: String)
    case missing

    /// `unchanged`, `changed` or `missing` (the word stored with analysis runs).
    public var word: String {
        switch self {
        case .unchanged: return "unchanged"
        case .changed: return "changed"
        case .missing: return "missing"
        }
    }

    /// One sentence for reports and the command line.
    public var sentence: String {
        switch self {
        case .unchanged: return "unchanged since intake (SHA-256 verified)"
        case .changed(let old, let new): return "CHANGED since intake: SHA-256 was \(old), is now \(new)"
        case .missing: return "MISSING: no file at the intake path"
        }
    }

    public var isIntact: Bool { self == .unchanged }
}

/// The result of verifying one evidence file, and of its case copy when one was kept.
public struct CustodyCheck: Sendable, Equatable {
    public var evidence: EvidenceRecord
    public var status: CustodyStatus
    /// Status of the content-addressed copy (nil when none was kept).
    public var copy: CustodyStatus?
    public var checkedAt: Date

    public init(evidence: EvidenceRecord, status: CustodyStatus, copy: CustodyStatus?, checkedAt: Date = Date()) {
        self.evidence = evidence; self.status = status; self.copy = copy; self.checkedAt = checkedAt
    }

    /// The file an analysis should read: the original when intact, else an intact copy, else nil.
    public func analysablePath(objectsBase: URL) -> String? {
        if status.isIntact { return evidence.path }
        if copy == .unchanged, let o = evidence.objectPath { return objectsBase.appendingPathComponent(o).path }
        return nil
    }
}
