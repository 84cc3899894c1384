// Databases written by earlier releases open with the current code: each committed fixture
// (Fixtures/<last migration>.sqlite, see SchemaFixture.swift) is copied, its rows read with plain
// SQL, then opened through CaseStore. The migrations still to apply run; every row and the whole
// audit log survive unchanged; SQLite's integrity and foreign key checks pass; the case still
// exports a report with its stored verdicts; and the audit log stays append-only and keeps growing.
@testable import CaseStore
import Foundation
import GRDB
import Testing
import TestSupport

@Suite struct MigrationFixtureTests {
    /// The tables of the first schema; later schemas may add tables, never drop these.
    static let v1Tables = ["analysis_run", "audit_log", "bookmark", "cases", "evidence", "finding", "note", "tag"]

    @Test func thereIsAFixtureForEveryEarlierSchema() throws {
        let recorded = try SchemaFixture.all().map { $0.deletingPathExtension().lastPathComponent }
        // Every schema but possibly the newest (recorded when the next migration is added) has one.
        for version in CaseSchema.versions.dropLast() {
            #expect(recorded.contains(version), "no fixture for schema \(version): record it before adding a migration")
        }
        #expect(!recorded.isEmpty)
        for name in recorded { #expect(CaseSchema.versions.contains(name), "fixture \(name) names no migration this build knows") }
    }

    @Test(arguments: try SchemaFixture.all())
    func fixtureOpensMigratesAndKeepsEverything(_ fixture: URL) throws {
        let tmp = TempDir()
        let path = try tmp.copy(fixture.path, as: "cases.sqlite")
        let version = fixture.deletingPathExtension().lastPathComponent

        // Before: read with plain SQL, not through the store.
        let (before, auditBefore, appliedBefore) = try {
            let q = try DatabaseQueue(path: path)
            return try q.read { db in
                (try Dictionary(uniqueKeysWithValues: Self.v1Tables.map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!) }),
                 try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id"),
                 try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            }
        }()
        #expect(appliedBefore.last == version)
        #expect(before["analysis_run"]! >= 2 && before["finding"]! > 0 && before["audit_log"]! > 10)

        let store = try CaseStore(path: path)
        #expect(try store.appliedMigrations() == CaseSchema.versions)
        let (after, auditAfter, integrity, foreignKeys) = try store.pool.read { db in
            (try Dictionary(uniqueKeysWithValues: Self.v1Tables.map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!) }),
             try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id"),
             try String.fetchAll(db, sql: "PRAGMA integrity_check"),
             try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"))
        }
        #expect(after == before)
        #expect(auditAfter == auditBefore, "the audit log of \(version) changed when it was opened")
        #expect(integrity == ["ok"])
        #expect(foreignKeys.isEmpty, "foreign key violations: \(foreignKeys)")

        // The case exports, with the verdicts stored back then; its files are gone from where
        // they were taken in, and the report says so.
        #expect(try store.cases().map(\.name) == SchemaFixture.caseNames)
        let report = try CaseReport.build(store: store, caseName: SchemaFixture.caseNames[0], generator: "test")
        #expect(report.evidence.count == 2)
        let stored = try store.pool.read { try String.fetchAll($0, sql: "SELECT verdict_label FROM analysis_run ORDER BY evidence_id") }
        #expect(report.evidence.compactMap { $0.analysis?.report.verdict.label.rawValue } == stored)
        #expect(report.evidence.allSatisfy { $0.custody == "missing" })
        #expect(report.evidence.first { $0.fileName == "ltnews18-edited.pdf" }?.tags == ["suspicious"])
        let removed = try store.auditLog().filter { $0.action == "evidence-removed" }
        #expect(removed.count == 1 && removed[0].detail.contains("webcam-face.avi"))

        // Still a working store: a new note adds exactly one audit row, and history is still locked.
        try store.addNote(caseName: SchemaFixture.caseNames[1], text: "opened by the current build", actor: "test")
        #expect(try store.auditLog().count == auditBefore.count + 1)
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "DELETE FROM audit_log") } }
    }
}
