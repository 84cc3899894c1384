// Fixture databases of earlier schema versions (Tests/CaseStoreTests/Fixtures/<last migration>.sqlite):
// where they are, and how one is made. A fixture is recorded once, by the release whose schema it
// captures, and committed; later releases only read it (MigrationFixtureTests). Recording uses
// the store's own API, so the rows and audit entries are what that release really wrote:
// `DEEPSCAN_RECORD_FIXTURES=1 swift test --filter SchemaFixtureRecorder`.
@testable import CaseStore
import Detection
import Foundation
import Testing
import TestSupport

enum SchemaFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every committed fixture, oldest schema first (file names are migration identifiers).
    static func all() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sqlite" }
            .sorted { (CaseSchema.versions.firstIndex(of: $0.deletingPathExtension().lastPathComponent) ?? .max)
                < (CaseSchema.versions.firstIndex(of: $1.deletingPathExtension().lastPathComponent) ?? .max) }
    }

    /// The two cases every fixture holds.
    static let caseNames = ["Fixture inquiry", "Second case"]

    /// Fills a fresh database at `path` through the store's API: two cases, two analysed samples
    /// (photo and PDF, through the real engine), a third file added and then removed (its history
    /// stays in the audit log only), tags, case and file notes, a bookmark. The sample copies are
    /// deleted afterwards, so the evidence of a fixture is always "missing" where it is opened.
    static func record(at path: String) throws {
        let tmp = TempDir()
        let store = try CaseStore(path: path)
        try store.createCase(name: caseNames[0], description: "made by SchemaFixture.record", examiner: "fixture-maker")
        try store.createCase(name: caseNames[1], examiner: "fixture-maker")
        let engine = try DetectionEngine()
        for name in ["photo-exif.jpg", "ltnews18-edited.pdf"] {
            let file = try tmp.copy(Samples.path(name), as: name)
            let e = try store.addEvidence(caseName: caseNames[0], file: file, actor: "fixture-maker")
            let started = Date()
            try store.recordRun(evidence: e, report: try engine.analyze(file).report, startedAt: started, custody: store.verify(e).status, actor: "fixture-maker")
        }
        let video = try tmp.copy(Samples.path("webcam-face.avi"), as: "webcam-face.avi")
        try store.addEvidence(caseName: caseNames[1], file: video, actor: "fixture-maker")
        try store.removeEvidence(caseName: caseNames[1], file: "webcam-face.avi", actor: "fixture-maker")
        try store.tag(caseName: caseNames[0], file: "ltnews18-edited.pdf", tag: "suspicious", actor: "fixture-maker")
        try store.tag(caseName: caseNames[0], file: "photo-exif.jpg", tag: "ok", actor: "fixture-maker")
        try store.addNote(caseName: caseNames[0], text: "case opened for the fixture", actor: "fixture-maker")
        try store.addNote(caseName: caseNames[0], file: "photo-exif.jpg", text: "EXIF says Canon", actor: "fixture-maker")
        try store.addBookmark(caseName: caseNames[0], file: "ltnews18-edited.pdf", page: 1, branch: "pdf", note: "second revision", actor: "fixture-maker")
        try store.addNote(caseName: caseNames[1], text: "the video was taken out again", actor: "fixture-maker")
    }
}

@Suite(.enabled(if: ProcessInfo.processInfo.environment["DEEPSCAN_RECORD_FIXTURES"] == "1", "records fixtures only when asked"))
struct SchemaFixtureRecorder {
    /// Writes `Fixtures/<current last migration>.sqlite`; refuses to overwrite a committed one.
    @Test func recordTheCurrentSchema() throws {
        let out = SchemaFixture.directory.appendingPathComponent(CaseSchema.versions.last! + ".sqlite")
        #expect(!FileManager.default.fileExists(atPath: out.path), "a shipped fixture is never re-recorded: \(out.path)")
        guard !FileManager.default.fileExists(atPath: out.path) else { return }
        let tmp = TempDir()
        let path = tmp.path("fixture.sqlite")
        // The store is released at the end of record: its last connection checkpoints the WAL
        // into the main file, so the one .sqlite file is the whole database.
        try SchemaFixture.record(at: path)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        try FileManager.default.createDirectory(at: SchemaFixture.directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path, toPath: out.path)
        #expect(try CaseStore(path: tmp.path("fixture.sqlite")).cases().map(\.name) == SchemaFixture.caseNames)
    }
}
