// A damaged case database is detected when it is opened and reported in words, before anything
// writes to it: a file of random bytes, and a real database whose schema page was overwritten.
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
