// A note: free text an analyst writes on a case, or on one evidence file of it. Row of `note`.
import Foundation
import GRDB

/// One note.
public struct NoteRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "note"

    public var id: Int64?
    public var caseId: Int64
    /// Nil for a note on the case as a whole.
    public var evidenceId: Int64?
    public var text: String
    public var author: String
    public var createdAt: Date

    public init(id: Int64? = nil, caseId: Int64, evidenceId: Int64? = nil, text: String, author: String, createdAt: Date = Date()) {
        self.id = id; self.caseId = caseId; self.evidenceId = evidenceId; self.text = text; self.author = author; self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum CodingKeys: String, CodingKey {
        case id, caseId = "case_id", evidenceId = "evidence_id", text, author, createdAt = "created_at"
    }
}
