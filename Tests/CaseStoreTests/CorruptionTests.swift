// A damaged case database is detected when it is opened and reported in words, before anything
// writes to it: a file of random bytes, a real database whose schema page, header or a table page
// was overwritten or whose end was cut off, a JPEG and a text file given as the database, a folder.
@testable import CaseStore
import Foundation
import Testing
import TestSupport

@Suite struct CorruptionTests {
    @Test func garbageBytesAreReportedAsDamaged() throws {
        let tmp = TempDir()
        let path = tmp.write("cases.sqlite", seededBytes(count: 16384, seed: 42))
        do {
            _ = try CaseStore(path: path)
            Issue.record("opened a file of random bytes")
        } catch let e as CaseStoreError {
            guard case .corrupt = e else { Issue.record("wrong error: \(e)"); return }
            #expect(e.description.contains("damaged or is not a DeepScan case database"))
            #expect(e.description.contains("backup"))
        }
        // Nothing was written over the evidence of the damage.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(seededBytes(count: 16384, seed: 42)))
    }

    @Test func overwrittenSchemaPageIsReportedAsDamaged() throws {
        let tmp = TempDir()
        let path = tmp.path("cases.sqlite")
        do {
            let s = try CaseStore(path: path)
            try s.createCase(name: "Before the damage")
        }
        // Closing the last connection checkpoints the WAL into the main file; then damage page 1
        // after its 100-byte header (the schema table).
        let h = try #require(FileHandle(forUpdatingAtPath: path))
        try h.seek(toOffset: 100)
        h.write(Data(seededBytes(count: 3900, seed: 9)))
        try h.close()
        #expect {
            _ = try CaseStore(path: path)
        } throws: { error in
            guard let e = error as? CaseStoreError, case .corrupt = e else { return false }
            return true
        }
    }
}

/// Ways a case database file gets damaged, each applied to a real database (or a real file that is
/// not one) and expected to be refused on open with `CaseStoreError.corrupt` naming the file.
enum Damage: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// The 16-byte "SQLite format 3" magic overwritten.
    case header
    /// The root page of the note table (an interior b-tree page) overwritten with random bytes.
    case notePage
    /// The last half of the file cut off (a copy interrupted, a full disk).
    case truncated
    /// A JPEG given as the database.
    case jpeg
    /// A short text file given as the database.
    case text

    var testDescription: String { rawValue }

    /// Writes the damaged file into `tmp` and returns its path.
    func make(in tmp: TempDir) throws -> String {
        switch self {
        case .jpeg: return try tmp.copy(Samples.path("photo-exif.jpg"), as: "cases.sqlite")
        case .text: return tmp.write("cases.sqlite", Array("case notes, not a database\n".utf8))
        default: break
        }
        let path = tmp.path("cases.sqlite")
        var root = 0
        do {
            let s = try CaseStore(path: path)
            try s.createCase(name: "Big")
            // Enough notes that the note table spans many pages under an interior root page.
            for i in 0..<40 { try s.addNote(caseName: "Big", text: String(repeating: "note \(i) ", count: 60), actor: "ann") }
            root = try s.pool.read { try Int.fetchOne($0, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'note'")! }
        }
        let h = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? h.close() }
        switch self {
        case .header:
            h.write(Data(seededBytes(count: 16, seed: 5)))
        case .notePage:
            try h.seek(toOffset: UInt64((root - 1) * 4096))
            h.write(Data(seededBytes(count: 4096, seed: 11)))
        case .truncated:
            try h.truncate(atOffset: try h.seekToEnd() / 2)
        default: break
        }
        return path
    }
}

extension CorruptionTests {
    @Test(arguments: Damage.allCases)
    func damagedFileIsRefusedWithAMessageNamingIt(_ damage: Damage) throws {
        let tmp = TempDir()
        let path = try damage.make(in: tmp)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try CaseStore(path: path)
            Issue.record("opened a database with damage '\(damage)'")
        } catch let e as CaseStoreError {
            guard case .corrupt = e else { Issue.record("wrong error for \(damage): \(e)"); return }
            #expect(e.description.hasPrefix(path + ": the case database is damaged"))
            #expect(e.description.contains("Restore it from a backup"))
        }
        // Refused before anything wrote to it: the damaged file is left as evidence of the damage.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func theCommandLineSaysWhichFileIsDamaged() throws {
        let tmp = TempDir()
        let path = try Damage.truncated.make(in: tmp)
        let r = try CLI.run(["case", "show", "Big", "--db", path], timeout: 60)
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path): the case database is damaged"), "stderr: \(r.stderr)")
    }

    @Test func aFolderGivenAsTheDatabaseIsReportedInWords() throws {
        let tmp = TempDir()
        #expect {
            _ = try CaseStore(path: tmp.url.path)
        } throws: { error in
            guard let e = error as? CaseStoreError, case .io(let p, let d) = e else { return false }
            return p == tmp.url.path && d.contains("cannot open the case database")
        }
    }
}
