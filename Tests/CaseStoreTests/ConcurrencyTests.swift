// WAL mode through DatabasePool: while one connection holds a write transaction open, another
// connection, and another process (`deepscan case list`), read the last committed state without
// waiting; once the writer commits they see the change.
@testable import CaseStore
import Foundation
import Testing
import TestSupport

@Suite struct ConcurrencyTests {
    @Test func readersDoNotWaitForAWriter() throws {
        let f = try StoreFixture()
        try f.store.createCase(name: "Committed")
        let other = try CaseStore(path: f.dbPath)
        let path = f.dbPath

        let (seenByConnection, seenByProcess) = try f.store.pool.write { db -> ([String], CommandResult) in
            try db.execute(sql: "INSERT INTO cases (name, description, examiner, created_at) VALUES ('Uncommitted', '', '', '2026-01-01')")
            let names = try other.cases().map(\.name)
            let listed = try CLI.run(["case", "list", "--db", path], timeout: 60)
            return (names, listed)
        }
        #expect(seenByConnection == ["Committed"])
        #expect(seenByProcess.status == 0, "\(seenByProcess.stderr)")
        #expect(seenByProcess.stdout.contains("Committed"))
        #expect(!seenByProcess.stdout.contains("Uncommitted"))
        #expect(try other.cases().map(\.name).sorted() == ["Committed", "Uncommitted"])
    }

    @Test func concurrentWritersQueueAndAllCommit() async throws {
        let f = try StoreFixture()
        let second = try CaseStore(path: f.dbPath)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<20 {
                let s = i.isMultiple(of: 2) ? f.store : second
                group.addTask { try s.createCase(name: "case-\(i)") }
            }
            try await group.waitForAll()
        }
        #expect(try f.store.cases().count == 20)
        #expect(try f.store.auditLog().filter { $0.action == "case-created" }.count == 20)
    }
}
