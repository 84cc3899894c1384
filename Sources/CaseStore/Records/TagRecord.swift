// A tag on an evidence file: the triage states `ok`, `to-check`, `suspicious`, or any free word.
// Row of `tag`; a file carries each tag at most once.
import Foundation
import GRDB

/// One tag on one evidence file.
public struct TagRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tag"
    /// The triage tags the workbench offers first.
    public static let triage = ["ok", "to-check", "suspicious"]

    public var evidenceId: Int64
    public var tag: String
    public var addedBy: String
    public var createdAt: Date

    public init(evidenceId: Int64, tag: String, addedBy: String, createdAt: Date = Date()) {
        self.evidenceId = evidenceId; self.tag = tag; self.addedBy = addedBy; self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey { case evidenceId = "evidence_id", tag, addedBy = "added_by", createdAt = "created_at" }
}
