// The schema comes from versioned migrations: an empty file becomes a current database, opening
// again changes nothing, the settings the store relies on are on (WAL, foreign keys), and a
// database from a newer DeepScan is refused rather than damaged.
@testable import CaseStore
import Foundation
import GRDB
import Testing
import TestSupport

@Suite struct MigrationTests {
    @Test func emptyFileIsMigratedToTheCurrentSchema() throws {
        let tmp = TempDir()
        let path = tmp.write("cases.sqlite", [])
        let store = try CaseStore(path: path)
        #expect(try store.appliedMigrations() == CaseSchema.versions)
        let tables = try store.pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        for t in ["analysis_run", "audit_log", "bookmark", "cases", "evidence", "finding", "note", "tag"] {
            #expect(tables.contains(t), "missing table \(t)")
        }
    }

    @Test func walAndForeignKeysAreOn() throws {
        let f = try StoreFixture()
        let (mode, fk) = try f.store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode")!, try Int.fetchOne(db, sql: "PRAGMA foreign_keys")!)
        }
        #expect(mode == "wal")
        #expect(fk == 1)
        // A row pointing at a case that does not exist is refused by the foreign key.
        #expect(throws: DatabaseError.self) {
            try f.execute("INSERT INTO note (case_id, text, author, created_at) VALUES (999, 'x', 'y', '2026-01-01')")
        }
    }

    @Test func reopeningKeepsDataAndMigratesNothing() throws {
        let tmp = TempDir()
        let path = tmp.path("cases.sqlite")
        do {
            let s = try CaseStore(path: path)
            try s.createCase(name: "Persisted", examiner: "ann")
        }
        let again = try CaseStore(path: path)
        #expect(try again.cases().map(\.name) == ["Persisted"])
        #expect(try again.appliedMigrations() == CaseSchema.versions)
    }

    @Test func databaseFromANewerDeepScanIsRefused() throws {
        let f = try StoreFixture()
        try f.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        #expect(throws: CaseStoreError.newerSchema(path: f.store.path)) { try CaseStore(path: f.dbPath) }
    }
}
