// Creating, listing and finding cases, and the audit helper every change calls inside its
// transaction.
import Foundation
import GRDB

extension CaseStore {
    /// Creates a case. Throws `.duplicateCase` when the name (ignoring case) is taken.
    @discardableResult
    public func createCase(name: String, description: String = "", examiner: String = "", actor: String? = nil) throws -> CaseRecord {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(name.count), !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw CaseStoreError.invalidName(name)
        }
        let actor = actor ?? (examiner.isEmpty ? Self.systemUser : examiner)
        return try write { db in
            if try CaseRecord.filter(sql: "name = ?", arguments: [name]).fetchCount(db) > 0 { throw CaseStoreError.duplicateCase(name) }
            var c = CaseRecord(name: name, description: description, examiner: examiner)
            try c.insert(db)
            try Self.audit(db, actor: actor, action: "case-created", case: c, detail: "description: \(description); examiner: \(examiner)")
            return c
        }
    }

    /// Every case, by name.
    public func cases() throws -> [CaseRecord] {
        try read { db in try CaseRecord.order(sql: "name COLLATE NOCASE").fetchAll(db) }
    }

    /// The case named `name` (ignoring case). Throws `.unknownCase`.
    public func findCase(_ name: String) throws -> CaseRecord {
        try read { db in try Self.findCase(db, name) }
    }

    static func findCase(_ db: Database, _ name: String) throws -> CaseRecord {
        guard let c = try CaseRecord.filter(sql: "name = ?", arguments: [name]).fetchOne(db) else { throw CaseStoreError.unknownCase(name) }
        return c
    }

    /// Number of evidence files per case id.
    public func evidenceCounts() throws -> [Int64: Int] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT case_id, count(*) AS n FROM evidence GROUP BY case_id")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["case_id"] as Int64, $0["n"] as Int) })
        }
    }

    /// The audit log of a case (or of the whole database), oldest first.
    public func auditLog(caseId: Int64? = nil) throws -> [AuditEntry] {
        try read { db in
            var q = AuditEntry.order(sql: "id")
            if let caseId { q = q.filter(sql: "case_id = ?", arguments: [caseId]) }
            return try q.fetchAll(db)
        }
    }

    /// Appends one audit row; called inside the transaction of the change it records.
    static func audit(_ db: Database, actor: String, action: String, case c: CaseRecord, evidence: EvidenceRecord? = nil, detail: String) throws {
        var entry = AuditEntry(actor: actor, action: action, caseId: c.id, caseName: c.name,
                               evidenceId: evidence?.id, evidenceSha256: evidence?.sha256, detail: detail)
        try entry.insert(db)
    }
}
