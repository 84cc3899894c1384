// A case: a named investigation that groups evidence, analyses, notes and an audit trail.
// Row of the `cases` table.
import Foundation
import GRDB

/// One case.
public struct CaseRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "cases"

    public var id: Int64?
    /// Unique within the database (compared without regard to case).
    public var name: String
    public var description: String
    /// Who leads the case.
    public var examiner: String
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, description: String = "", examiner: String = "", createdAt: Date = Date()) {
        self.id = id; self.name = name; self.description = description; self.examiner = examiner; self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum CodingKeys: String, CodingKey {
        case id, name, description, examiner, createdAt = "created_at"
    }
}
