// A case report as data: the case, each evidence file with its custody status checked at export
// time, its latest analysis (the full `deepscan.report/1` report), tags, notes and bookmarks.
// `deepscan report --format json` writes this value (schema `deepscan.case-report/1`); the
// Markdown and HTML renderers read it, so every format says the same thing.
import Evidence
import Foundation

/// Everything an exported case report says.
public struct CaseReport: Codable, Sendable {
    public static let schemaID = "deepscan.case-report/1"

    public var schema: String = CaseReport.schemaID
    /// ISO-8601 UTC.
    public var generatedAt: String
    /// `deepscan 0.1.0`.
    public var generator: String
    public var caseInfo: CaseInfo
    public var evidence: [EvidenceEntry]
    /// Notes on the case as a whole.
    public var notes: [NoteEntry]

    /// The case itself.
    public struct CaseInfo: Codable, Sendable {
        public var name: String
        public var description: String
        public var examiner: String
        public var createdAt: String
        enum CodingKeys: String, CodingKey { case name, description, examiner, createdAt = "created_at" }
    }

    /// One evidence file.
    public struct EvidenceEntry: Codable, Sendable {
        public var path: String
        public var sha256: String
        public var bytes: Int64
        public var media: MediaKind
        public var format: String
        public var intakeAt: String
        public var addedBy: String
        /// Content-addressed copy kept in the case (relative to the database folder).
        public var copy: String?
        /// `unchanged`, `changed` or `missing`, checked when the report was made.
        public var custody: String
        /// The custody check in one sentence (with both hashes when changed).
        public var custodyDetail: String
        public var tags: [String]
        public var notes: [NoteEntry]
        public var bookmarks: [BookmarkEntry]
        /// How many analyses are stored; the latest is `analysis`.
        public var runs: Int
        public var analysis: RunEntry?

        enum CodingKeys: String, CodingKey {
            case path, sha256, bytes, media, format, intakeAt = "intake_at", addedBy = "added_by", copy, custody
            case custodyDetail = "custody_detail", tags, notes, bookmarks, runs, analysis
        }
    }

    /// One stored analysis.
    public struct RunEntry: Codable, Sendable {
        public var startedAt: String
        public var finishedAt: String
        public var engineVersion: String
        public var fusionVersion: String
        /// Custody status checked just before the analysis ran.
        public var custodyAtRun: String
        public var ranBy: String
        public var report: Report
        enum CodingKeys: String, CodingKey {
            case startedAt = "started_at", finishedAt = "finished_at", engineVersion = "engine_version"
            case fusionVersion = "fusion_version", custodyAtRun = "custody_at_run", ranBy = "ran_by", report
        }
    }

    /// A note.
    public struct NoteEntry: Codable, Sendable {
        public var text: String
        public var author: String
        public var at: String
    }

    /// A bookmark.
    public struct BookmarkEntry: Codable, Sendable {
        public var place: String
        public var note: String
        public var author: String
        public var at: String
    }

    enum CodingKeys: String, CodingKey { case schema, generatedAt = "generated_at", generator, caseInfo = "case", evidence, notes }

    /// Every `deepscan.report/1` report embedded, in evidence order.
    public var reports: [Report] { evidence.compactMap { $0.analysis?.report } }

    /// Encoded as pretty, key-sorted JSON.
    public func json() throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try enc.encode(self)
    }
}
