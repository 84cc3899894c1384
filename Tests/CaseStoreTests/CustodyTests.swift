// Chain of custody on real samples: a file is hashed at intake; a byte appended afterwards or the
// file removed is reported with both hashes or as missing; copies kept with --copy-into-case are
// content-addressed, read-only, stored once, and stand in for a lost original. Lookup errors are
// clear.
@testable import CaseStore
import Foundation
import Media
import Testing
import TestSupport

@Suite struct CustodyTests {
    @Test func intakeHashesAndIdentifiesTheFile() throws {
        let f = try StoreFixture()
        let video = try f.sample("webcam-face.avi")
        try f.store.createCase(name: "Intake")
        let e = try f.store.addEvidence(caseName: "Intake", file: video, actor: "ann")
        #expect(e.sha256 == (try EvidenceFile.sha256(Samples.path("webcam-face.avi"))))
        #expect(e.media == .video)
        #expect(e.bytes == (try EvidenceFile.preflight(video)))
        #expect(e.objectPath == nil)
        #expect(f.store.verify(e).status == .unchanged)
    }

    @Test func aByteAppendedAfterIntakeIsReportedWithBothHashes() throws {
        let f = try StoreFixture()
        let photo = try f.sample("photo-exif.jpg")
        try f.store.createCase(name: "Changed")
        let e = try f.store.addEvidence(caseName: "Changed", file: photo, actor: "ann")
        let h = try #require(FileHandle(forWritingAtPath: photo))
        try h.seekToEnd(); h.write(Data([0x00])); try h.close()
        let now = try EvidenceFile.sha256(photo)
        #expect(f.store.verify(e).status == .changed(intake: e.sha256, now: now))
        let checks = try f.store.verify(caseName: "Changed")
        #expect(checks.first?.status.sentence.contains("CHANGED since intake") == true)
        #expect(checks.first?.analysablePath(objectsBase: f.store.objectsBase) == nil)
    }

    @Test func aDeletedFileIsReportedMissing() throws {
        let f = try StoreFixture()
        let pdf = try f.sample("ltnews18-edited.pdf")
        try f.store.createCase(name: "Missing")
        let e = try f.store.addEvidence(caseName: "Missing", file: pdf, actor: "ann")
        try FileManager.default.removeItem(atPath: pdf)
        #expect(f.store.verify(e).status == .missing)
    }

    @Test func copyIntoCaseIsContentAddressedReadOnlyAndStoredOnce() throws {
        let f = try StoreFixture()
        let photo = try f.sample("photo-exif.jpg")
        let twin = try f.sample("photo-exif.jpg", as: "same-bytes.jpg")
        try f.store.createCase(name: "A")
        try f.store.createCase(name: "B")
        let a = try f.store.addEvidence(caseName: "A", file: photo, actor: "ann", copy: true)
        let b = try f.store.addEvidence(caseName: "B", file: twin, actor: "ann", copy: true)
        let sha = a.sha256
        #expect(a.objectPath == "objects/\(sha.prefix(2))/\(sha.dropFirst(2))")
        #expect(b.objectPath == a.objectPath)
        let object = f.store.objectsBase.appendingPathComponent(a.objectPath!).path
        #expect(try EvidenceFile.sha256(object) == sha)
        let mode = try FileManager.default.attributesOfItem(atPath: object)[.posixPermissions] as? Int
        #expect(mode == 0o444)
        let shard = f.store.objectsDirectory.appendingPathComponent(String(sha.prefix(2))).path
        #expect(try FileManager.default.contentsOfDirectory(atPath: shard) == [String(sha.dropFirst(2))])
        // The database holds no media bytes either way.
        let dbSize = try FileManager.default.attributesOfItem(atPath: f.dbPath)[.size] as? Int ?? 0
        #expect(dbSize < 200_000)

        // With the original gone, the intact copy is what an analysis reads.
        try FileManager.default.removeItem(atPath: photo)
        let check = f.store.verify(a)
        #expect(check.status == .missing)
        #expect(check.copy == .unchanged)
        #expect(check.analysablePath(objectsBase: f.store.objectsBase) == object)
    }

    @Test func lookupErrorsNameTheProblem() throws {
        let f = try StoreFixture()
        let photo = try f.sample("photo-exif.jpg")
        let sub = f.tmp.url.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let samename = try f.tmp.copy(Samples.path("ela_modified.jpg"), as: "other/photo-exif.jpg")
        try f.store.createCase(name: "Lookup")
        #expect(throws: CaseStoreError.unknownCase("Nope")) { try f.store.addEvidence(caseName: "Nope", file: photo, actor: "x") }
        let e = try f.store.addEvidence(caseName: "Lookup", file: photo, actor: "x")
        #expect(throws: CaseStoreError.duplicateEvidence(caseName: "Lookup", path: photo, existing: photo)) {
            try f.store.addEvidence(caseName: "Lookup", file: photo, actor: "x")
        }
        #expect(throws: CaseStoreError.evidenceNotFound(caseName: "Lookup", file: "webcam-face.avi")) {
            try f.store.findEvidence(caseName: "Lookup", file: "webcam-face.avi")
        }
        #expect(try f.store.findEvidence(caseName: "Lookup", file: String(e.sha256.prefix(10))).1.id == e.id)
        try f.store.addEvidence(caseName: "Lookup", file: samename, actor: "x")
        #expect(throws: CaseStoreError.self) { try f.store.findEvidence(caseName: "Lookup", file: "photo-exif.jpg") }
        #expect(try f.store.findEvidence(caseName: "Lookup", file: photo).1.id == e.id)
    }
}
