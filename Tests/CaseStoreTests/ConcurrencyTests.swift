// WAL mode through DatabasePool: while one connection holds a write transaction open, another
// connection, and another process (`deepscan case list`), read the last committed state without
// waiting; once the writer commits they see the change. Under load, two reader threads (each with
// its own connection pool) and reader processes (`deepscan case show --json`) read while a writer
// commits notes five at a time: no reader ever fails (no SQLITE_BUSY reaches the user) or sees
// part of a transaction.
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

/// Shared between the writer and reader threads of a test.
private final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var errors: [String] = []
    private var reads = 0
    private var processReads = 0
    private var written = 0
    var isDone: Bool { lock.withLock { done } }
    func finish() { lock.withLock { done = true } }
    func fail(_ e: String) { lock.withLock { errors.append(e) } }
    func read() { lock.withLock { reads += 1 } }
    func processRead() { lock.withLock { processReads += 1 } }
    var processReadCount: Int { lock.withLock { errors.isEmpty ? processReads : .max } }
    func wrote() { lock.withLock { written += 1 } }
    var writtenCount: Int { lock.withLock { written } }
    var result: (errors: [String], reads: Int) { lock.withLock { (errors, reads) } }
}

extension ConcurrencyTests {
    /// Notes committed per write transaction: a reader seeing a count that is not a multiple of
    /// it, or notes without their audit rows, would have seen a torn transaction.
    static let batch = 5

    @Test func readersSeeWholeTransactionsWhileAWriterCommits() throws {
        let f = try StoreFixture()
        try f.store.createCase(name: "Busy")
        let photo = try f.sample("photo-exif.jpg")
        try f.store.addEvidence(caseName: "Busy", file: photo, actor: "ann")
        let caseId = try f.store.findCase("Busy").id!
        let progress = Progress()
        let group = DispatchGroup()
        // At least this many transactions, and until three reader processes have finished (a
        // transaction every 5 ms or so, so that the notes the processes print stay few).
        let rounds = 120

        // Threads of their own, not the global dispatch queue: its few threads (one per core) are
        // what CLI.run reads the child's output on, and long loops there would starve it.
        group.enter()
        Thread.detachNewThread {
            defer { progress.finish(); group.leave() }
            do {
                var i = 0
                let deadline = Date().addingTimeInterval(180)
                while i < rounds || (progress.processReadCount < 3 && Date() < deadline) {
                    let round = i
                    try f.store.write { db in
                        let c = try CaseStore.findCase(db, "Busy")
                        for j in 0..<Self.batch {
                            var n = NoteRecord(caseId: caseId, evidenceId: nil, text: "note \(round).\(j)", author: "writer")
                            try n.insert(db)
                            try CaseStore.audit(db, actor: "writer", action: "note-added", case: c, detail: n.text)
                        }
                    }
                    progress.wrote()
                    i += 1
                    usleep(5_000)
                }
            } catch { progress.fail("writer: \(error)") }
        }
        for r in 0..<2 {
            let reader = try CaseStore(path: f.dbPath)
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while !progress.isDone {
                    do {
                        // What a user's commands read: the case list, the evidence, then one
                        // snapshot of notes against the audit log.
                        guard try reader.cases().map(\.name) == ["Busy"], try reader.evidence(caseId: caseId).count == 1 else {
                            progress.fail("reader \(r): case or evidence missing"); return
                        }
                        let (notes, audited) = try reader.read { db in
                            (try Int.fetchOne(db, sql: "SELECT count(*) FROM note")!,
                             try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'note-added'")!)
                        }
                        if notes % Self.batch != 0 || notes != audited {
                            progress.fail("reader \(r): torn state, \(notes) notes and \(audited) audit rows")
                        }
                        progress.read()
                    } catch { progress.fail("reader \(r): \(error)"); return }
                }
            }
        }
        // Meanwhile, whole processes read the case as a user would.
        var shown: [Int] = []
        while !progress.isDone {
            let r = try CLI.run(["case", "show", "Busy", "--json", "--db", f.dbPath], timeout: 60)
            guard r.status == 0 else { progress.fail("case show: status \(r.status): \(r.stderr)"); break }
            let report = try JSONDecoder().decode(CaseReport.self, from: Data(r.stdout.utf8))
            shown.append(report.notes.count)
            progress.processRead()
        }
        group.wait()
        let (errors, reads) = progress.result
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        #expect(reads > 50, "the readers hardly ran (\(reads) reads)")
        #expect(!shown.isEmpty && shown.allSatisfy { $0 % Self.batch == 0 }, "case show saw \(shown)")
        #expect(shown.count >= 3)
        #expect(try f.store.notes(caseId: caseId).count == progress.writtenCount * Self.batch)
    }
}
