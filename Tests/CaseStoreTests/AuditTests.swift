// The audit log records every change with who made it, in the same transaction, and cannot be
// rewritten: UPDATE and DELETE on it are aborted by triggers, even through raw SQL.
@testable import CaseStore
import Foundation
import GRDB
import Media
import Testing
import TestSupport

@Suite struct AuditTests {
    @Test func everyChangeIsAudited() throws {
        let f = try StoreFixture()
        let photo = try f.sample("photo-exif.jpg")
        try f.store.createCase(name: "Audit", examiner: "ann")
        try f.store.addEvidence(caseName: "Audit", file: photo, actor: "bob")
        try f.store.tag(caseName: "Audit", file: "photo-exif.jpg", tag: "suspicious", actor: "bob")
        try f.store.addNote(caseName: "Audit", file: "photo-exif.jpg", text: "sky looks pasted", actor: "bob")
        try f.store.addBookmark(caseName: "Audit", file: "photo-exif.jpg", branch: "forensic", note: "ELA corner", actor: "bob")
        _ = try f.store.verify(caseName: "Audit", record: true, actor: "carol")
        try f.store.removeEvidence(caseName: "Audit", file: "photo-exif.jpg", actor: "dave")

        let log = try f.store.auditLog()
        #expect(log.map(\.action) == ["case-created", "evidence-added", "tag-added", "note-added", "bookmark-added", "custody-verified", "evidence-removed"])
        #expect(log.map(\.actor) == ["ann", "bob", "bob", "bob", "bob", "carol", "dave"])
        let removal = try #require(log.last)
        #expect(removal.evidenceSha256 == (try EvidenceFile.sha256Hex(photo)))
        #expect(removal.detail.contains(photo))
        // The evidence and what hung off it are gone; the history is not.
        #expect(try f.store.evidence(caseId: log[0].caseId!).isEmpty)
    }

    @Test func auditRowsCannotBeUpdatedOrDeleted() throws {
        let f = try StoreFixture()
        try f.store.createCase(name: "Sealed")
        let before = try f.store.auditLog()
        #expect(before.count == 1)
        for sql in ["UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log", "UPDATE audit_log SET detail = '' WHERE id = 1"] {
            do {
                try f.execute(sql)
                Issue.record("\(sql) succeeded")
            } catch let e as DatabaseError {
                #expect(e.message?.contains("append-only") == true)
            }
        }
        #expect(try f.store.auditLog() == before)
    }

    @Test func aFailedChangeLeavesNoAuditRow() throws {
        let f = try StoreFixture()
        let photo = try f.sample("photo-exif.jpg")
        try f.store.createCase(name: "Once")
        try f.store.addEvidence(caseName: "Once", file: photo, actor: "ann")
        let count = try f.store.auditLog().count
        #expect(throws: CaseStoreError.self) { try f.store.addEvidence(caseName: "Once", file: photo, actor: "ann") }
        #expect(throws: CaseStoreError.duplicateCase("once")) { try f.store.createCase(name: "once") }
        #expect(try f.store.auditLog().count == count)
    }
}

extension EvidenceFile {
    /// Test shorthand.
    static func sha256Hex(_ path: String) throws -> String { try sha256(path) }
}
