// An evidence file of a case, as it was at intake: where it was, its SHA-256 and size, what kind
// of media it is, when and by whom it was taken in, and where its copy is if one was kept.
// Row of the `evidence` table. The media itself is never stored in the database.
import Evidence
import Foundation
import GRDB

/// One evidence file.
public struct EvidenceRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "evidence"

    public var id: Int64?
    public var caseId: Int64
    /// Absolute path at intake.
    public var path: String
    /// Lower-case hex SHA-256 at intake.
    public var sha256: String
    public var bytes: Int64
    public var media: MediaKind
    /// Format by content (`jpeg`, `avi`, `pdf`, ...).
    public var format: String
    public var intakeAt: Date
    public var addedBy: String
    /// Path of the content-addressed copy relative to the database folder (`objects/ab/cdef…`),
    /// when the evidence was taken in with `--copy-into-case`.
    public var objectPath: String?

    public init(id: Int64? = nil, caseId: Int64, path: String, sha256: String, bytes: Int64, media: MediaKind, format: String,
                intakeAt: Date = Date(), addedBy: String, objectPath: String? = nil) {
        self.id = id; self.caseId = caseId; self.path = path; self.sha256 = sha256; self.bytes = bytes
        self.media = media; self.format = format; self.intakeAt = intakeAt; self.addedBy = addedBy; self.objectPath = objectPath
    }

    /// The file name at intake.
    public var fileName: String { (path as NSString).lastPathComponent }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum CodingKeys: String, CodingKey {
        case id, caseId = "case_id", path, sha256, bytes, media, format, intakeAt = "intake_at", addedBy = "added_by"
        case objectPath = "object_path"
    }
}
