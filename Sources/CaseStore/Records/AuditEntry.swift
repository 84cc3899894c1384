// The audit log: one row per change to a case, written in the same transaction as the change.
// Append-only: triggers in the schema abort any UPDATE or DELETE on `audit_log`. Rows name the
// case and evidence by id and by name/hash rather than by foreign key, so that removing evidence
// leaves its history intact.
import Foundation
import GRDB

/// One audited change.
public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audit_log"

    public var id: Int64?
    public var at: Date
    /// Who made the change (the examiner given, or the system user).
    public var actor: String
    /// `case-created`, `evidence-added`, `evidence-removed`, `analysis-stored`, `tag-added`, `note-added`,
    /// `bookmark-added`, `custody-verified`.
    public var action: String
    public var caseId: Int64?
    public var caseName: String?
    public var evidenceId: Int64?
    public var evidenceSha256: String?
    /// What changed, in words (path, tag, verdict, hashes).
    public var detail: String

    public init(id: Int64? = nil, at: Date = Date(), actor: String, action: String, caseId: Int64?, caseName: String?,
                evidenceId: Int64? = nil, evidenceSha256: String? = nil, detail: String) {
        self.id = id; self.at = at; self.actor = actor; self.action = action; self.caseId = caseId; self.caseName = caseName
        self.evidenceId = evidenceId; self.evidenceSha256 = evidenceSha256; self.detail = detail
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, caseId = "case_id", caseName = "case_name", evidenceId = "evidence_id"
        case evidenceSha256 = "evidence_sha256", detail
    }
}
