// What can go wrong with a case database, in words an analyst can act on. Errors from SQLite are
// translated where they mean something to the user (a damaged file, a database from a newer
// DeepScan); everything else keeps SQLite's own message.
import Foundation

/// An error from the case store, with a message that says what to do.
public enum CaseStoreError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The database file is not an SQLite database, or its pages are damaged.
    case corrupt(path: String, detail: String)
    /// The database was written by a newer DeepScan (it has migrations this build does not know).
    case newerSchema(path: String)
    case unknownCase(String)
    case duplicateCase(String)
    /// `file` matches no evidence of the case.
    case evidenceNotFound(caseName: String, file: String)
    /// `file` matches more than one evidence item (e.g. the same file name in two folders).
    case ambiguousEvidence(caseName: String, file: String, candidates: [String])
    /// The same bytes are already evidence of this case.
    case duplicateEvidence(caseName: String, path: String, existing: String)
    /// The file on disk no longer has the bytes hashed at intake.
    case evidenceChanged(path: String, intake: String, now: String)
    case evidenceMissing(path: String)
    /// A copy into the case store did not come out with the intake hash.
    case copyMismatch(path: String, expected: String, got: String)
    case invalidName(String)
    case io(path: String, detail: String)
    /// An export path whose extension names no report format.
    case unknownReportFormat(path: String)

    public var description: String {
        switch self {
        case .corrupt(let p, let d):
            return "\(p): the case database is damaged or is not a DeepScan case database (\(d)). Restore it from a backup; do not write to it. `sqlite3 \(p) .recover` can salvage what is readable into a new file."
        case .newerSchema(let p):
            return "\(p): this case database was written by a newer DeepScan; upgrade DeepScan to open it (it was left unchanged)."
        case .unknownCase(let n):
            return "no case named '\(n)'. `deepscan case list` shows the cases; `deepscan case new \(n)` creates it."
        case .duplicateCase(let n):
            return "a case named '\(n)' already exists; choose another name or add evidence to it with `deepscan case add \(n) FILE`."
        case .evidenceNotFound(let c, let f):
            return "'\(f)' is not evidence in case '\(c)'. `deepscan case show \(c)` lists its evidence (name it by path, file name or SHA-256 prefix)."
        case .ambiguousEvidence(let c, let f, let cands):
            return "'\(f)' matches several evidence files in case '\(c)': \(cands.joined(separator: ", ")). Name it by full path or SHA-256 prefix."
        case .duplicateEvidence(let c, let p, let e):
            return "\(p): the same bytes are already evidence in case '\(c)' (added as \(e))."
        case .evidenceChanged(let p, let old, let new):
            return "\(p): EVIDENCE CHANGED since intake: SHA-256 was \(old), is now \(new). Results on this file would not describe the evidence taken in; restore the original or add the new file as separate evidence."
        case .evidenceMissing(let p):
            return "\(p): EVIDENCE MISSING: the file is no longer at its intake path. Restore it there (or use a copy made with --copy-into-case)."
        case .copyMismatch(let p, let e, let g):
            return "\(p): the file changed while it was being copied into the case (SHA-256 \(e) at intake, \(g) in the copy); the copy was discarded."
        case .invalidName(let n):
            return "'\(n)' is not a usable case name: use 1-100 characters, no control characters."
        case .io(let p, let d):
            return "\(p): \(d)"
        case .unknownReportFormat(let p):
            return "\(p): the extension does not name a report format; end the file name in .html, .md, .json or .pdf."
        }
    }
}
