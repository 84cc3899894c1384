// Taking evidence into a case and out of it. Intake identifies the file by content (Media), hashes
// it, optionally keeps a content-addressed copy, and records who took it in and when; removal
// deletes the evidence and everything hanging off it, and the audit log keeps its identity.
import Evidence
import Foundation
import GRDB
import Media

extension CaseStore {
    /// Takes `file` into the case `caseName`. With `copy`, a read-only copy is kept under `objects/`.
    /// Throws `.unknownCase`, `.duplicateEvidence`, or the `MediaError` that says why the file
    /// cannot be read.
    @discardableResult
    public func addEvidence(caseName: String, file: String, actor: String, copy: Bool = false,
                            media options: MediaOptions = .default) throws -> EvidenceRecord {
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let c = try findCase(caseName)
        let summary = try MediaInspector.summarize(absolute, options: options)
        let objectPath = copy ? try ObjectStore(root: objectsDirectory).store(absolute, sha256: summary.sha256) : nil
        return try write { db in
            if let existing = try EvidenceRecord.filter(sql: "case_id = ? AND sha256 = ?", arguments: [c.id, summary.sha256]).fetchOne(db) {
                throw CaseStoreError.duplicateEvidence(caseName: c.name, path: absolute, existing: existing.path)
            }
            var e = EvidenceRecord(caseId: c.id!, path: absolute, sha256: summary.sha256, bytes: summary.bytes,
                                   media: summary.media, format: summary.format, addedBy: actor, objectPath: objectPath)
            try e.insert(db)
            try Self.audit(db, actor: actor, action: "evidence-added", case: c, evidence: e,
                           detail: "\(absolute) (\(summary.media.rawValue)/\(summary.format), \(summary.bytes) bytes)" + (objectPath.map { ", copy kept at \($0)" } ?? ""))
            return e
        }
    }

    /// The evidence of a case, in intake order.
    public func evidence(caseId: Int64) throws -> [EvidenceRecord] {
        try read { db in try EvidenceRecord.filter(sql: "case_id = ?", arguments: [caseId]).order(sql: "id").fetchAll(db) }
    }

    /// The evidence of `caseName` that `file` names: its path (as given or absolute), its file
    /// name when unique, or a SHA-256 prefix of at least 8 characters.
    public func findEvidence(caseName: String, file: String) throws -> (CaseRecord, EvidenceRecord) {
        let c = try findCase(caseName)
        let all = try evidence(caseId: c.id!)
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        if let e = all.first(where: { $0.path == absolute }) { return (c, e) }
        let lower = file.lowercased()
        if lower.count >= 8, lower.allSatisfy(\.isHexDigit) {
            let hits = all.filter { $0.sha256.hasPrefix(lower) }
            if hits.count == 1 { return (c, hits[0]) }
        }
        let byName = all.filter { $0.fileName == file }
        if byName.count == 1 { return (c, byName[0]) }
        if byName.count > 1 { throw CaseStoreError.ambiguousEvidence(caseName: c.name, file: file, candidates: byName.map(\.path)) }
        throw CaseStoreError.evidenceNotFound(caseName: c.name, file: file)
    }

    /// Removes evidence from its case, with its runs, findings, tags, notes and bookmarks. The
    /// audit row keeps its path and hash. A copy under `objects/` is left in place (other cases may
    /// hold the same bytes).
    public func removeEvidence(caseName: String, file: String, actor: String) throws {
        let (c, e) = try findEvidence(caseName: caseName, file: file)
        try write { db in
            let runs = try AnalysisRunRecord.filter(sql: "evidence_id = ?", arguments: [e.id]).fetchCount(db)
            _ = try EvidenceRecord.deleteOne(db, key: e.id)
            try Self.audit(db, actor: actor, action: "evidence-removed", case: c, evidence: e,
                           detail: "\(e.path) sha256 \(e.sha256), intake \(e.intakeAt) by \(e.addedBy); \(runs) analysis run(s) removed with it")
        }
    }

    /// Tags an evidence file (a tag it already has is left as is).
    public func tag(caseName: String, file: String, tag: String, actor: String) throws {
        let (c, e) = try findEvidence(caseName: caseName, file: file)
        let tag = tag.trimmingCharacters(in: .whitespaces)
        guard !tag.isEmpty else { throw CaseStoreError.invalidName(tag) }
        try write { db in
            if try TagRecord.exists(db, key: ["evidence_id": e.id, "tag": tag]) { return }
            try TagRecord(evidenceId: e.id!, tag: tag, addedBy: actor).insert(db)
            try Self.audit(db, actor: actor, action: "tag-added", case: c, evidence: e, detail: tag)
        }
    }

    /// The tags of an evidence file.
    public func tags(evidenceId: Int64) throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT tag FROM tag WHERE evidence_id = ? ORDER BY tag", arguments: [evidenceId]) }
    }

    /// Adds a note to a case, or to one of its evidence files when `file` is given.
    @discardableResult
    public func addNote(caseName: String, file: String? = nil, text: String, actor: String) throws -> NoteRecord {
        let (c, e): (CaseRecord, EvidenceRecord?) = try file.map { try findEvidence(caseName: caseName, file: $0) }
            ?? (findCase(caseName), nil)
        return try write { db in
            var n = NoteRecord(caseId: c.id!, evidenceId: e?.id, text: text, author: actor)
            try n.insert(db)
            try Self.audit(db, actor: actor, action: "note-added", case: c, evidence: e, detail: text)
            return n
        }
    }

    /// Notes of a case (all of them, case-level and per file), oldest first.
    public func notes(caseId: Int64) throws -> [NoteRecord] {
        try read { db in try NoteRecord.filter(sql: "case_id = ?", arguments: [caseId]).order(sql: "id").fetchAll(db) }
    }

    /// Bookmarks a place in an evidence file.
    @discardableResult
    public func addBookmark(caseName: String, file: String, frame: Int? = nil, time: Double? = nil, page: Int? = nil,
                            branch: String? = nil, note: String, actor: String) throws -> BookmarkRecord {
        let (c, e) = try findEvidence(caseName: caseName, file: file)
        return try write { db in
            var b = BookmarkRecord(evidenceId: e.id!, frame: frame, time: time, page: page, branch: branch, note: note, author: actor)
            try b.insert(db)
            try Self.audit(db, actor: actor, action: "bookmark-added", case: c, evidence: e, detail: "\(b.place): \(note)")
            return b
        }
    }

    /// Bookmarks of an evidence file.
    public func bookmarks(evidenceId: Int64) throws -> [BookmarkRecord] {
        try read { db in try BookmarkRecord.filter(sql: "evidence_id = ?", arguments: [evidenceId]).order(sql: "id").fetchAll(db) }
    }
}
