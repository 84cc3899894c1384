// A writer killed outright loses nothing it committed: a real `deepscan case note NAME -` process
// commits one note per line of its standard input and prints each commit; the test SIGKILLs it in
// the middle of the stream (no chance to close the database or checkpoint its WAL), reopens the
// database, and finds every reported note, each with its audit row, and a database that passes
// SQLite's integrity and foreign key checks and takes new writes.
@testable import CaseStore
import Foundation
import GRDB
import Testing
import TestSupport

/// The child's standard output, read on a background thread.
private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ d: Data) { lock.withLock { data.append(d) } }
    /// Complete lines so far (a line cut by the kill is left out).
    var complete: [String] {
        lock.withLock {
            let text = String(decoding: data, as: UTF8.self)
            return text.hasSuffix("\n") ? text.split(separator: "\n").map(String.init) : text.split(separator: "\n").dropLast().map(String.init)
        }
    }
}

@Suite struct KillSafetyTests {
    @Test func killedWriterLosesNoCommittedNote() throws {
        let f = try StoreFixture()
        try f.store.createCase(name: "Interview")
        // ~56 KB of notes: fits in the pipe buffer, so the whole stream is queued before the
        // child starts and the test never blocks writing it.
        let total = 7000
        let lines = (1...total).map { String(format: "n%05d", $0) }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: CLI.binary)
        child.arguments = ["case", "note", "Interview", "-", "--db", f.dbPath, "--by", "importer"]
        let input = Pipe(), output = Pipe()
        child.standardInput = input; child.standardOutput = output; child.standardError = FileHandle.nullDevice
        input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        let seen = Lines()
        output.fileHandleForReading.readabilityHandler = { h in seen.append(h.availableData) }
        try child.run()

        // Kill once a good number of commits have been reported, while the rest still streams.
        let deadline = Date().addingTimeInterval(120)
        while seen.complete.count < 300 && child.isRunning && Date() < deadline { usleep(2_000) }
        let killedWhileRunning = child.isRunning
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        seen.append(output.fileHandleForReading.readDataToEndOfFile())
        try? input.fileHandleForWriting.close()

        #expect(killedWhileRunning, "the writer finished or stalled before it could be killed")
        #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL)
        let reported = seen.complete.compactMap { $0.split(separator: ": ", maxSplits: 1).last.map(String.init) }
        #expect(reported.count >= 300 && reported.count < total, "reported \(reported.count) of \(total)")
        #expect(reported == Array(lines.prefix(reported.count)))
        // Killed with its write-ahead log not checkpointed: reopening has to recover from it.
        #expect(FileManager.default.fileExists(atPath: f.dbPath + "-wal"))

        let store = try CaseStore(path: f.dbPath)
        let caseId = try store.findCase("Interview").id!
        let stored = try store.notes(caseId: caseId).map(\.text)
        // Every reported note is there, in order; at most one more (committed, killed before
        // printing) and nothing else.
        #expect(Array(stored.prefix(reported.count)) == reported)
        #expect(stored.count - reported.count <= 1)
        #expect(stored == Array(lines.prefix(stored.count)))
        let audit = try store.auditLog(caseId: caseId).filter { $0.action == "note-added" }
        #expect(audit.map(\.detail) == stored)
        #expect(audit.allSatisfy { $0.actor == "importer" })
        let (integrity, foreignKeys) = try store.pool.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"), try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"))
        }
        #expect(integrity == ["ok"])
        #expect(foreignKeys.isEmpty)
        try store.addNote(caseName: "Interview", text: "after the crash", actor: "ann")
        #expect(try store.notes(caseId: caseId).count == stored.count + 1)
    }
}
