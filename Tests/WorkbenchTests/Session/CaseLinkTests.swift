// The workbench writing to a case: a finished analysis of case evidence is stored as a run, tags
// and notes land in the case database, a file outside the case is left alone, and the case report
// exported from the workbench holds the verdict.
import CaseStore
import Detection
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct CaseLinkTests {
    @Test func analysesTagsNotesAndExportGoToTheCase() throws {
        let tmp = TempDir()
        let store = try CaseStore(path: tmp.path("cases.sqlite"))
        _ = try store.createCase(name: "inquiry", examiner: "tester", actor: "tester")
        let photo = Samples.path("ela_modified.jpg")
        _ = try store.addEvidence(caseName: "inquiry", file: photo, actor: "tester")
        let link = try CaseLink(store: store, caseName: "inquiry", actor: "tester")
        #expect(link.evidencePaths().count == 1)

        let report = try DetectionEngine().analyze(photo).report
        #expect(try link.record(report, path: photo, startedAt: Date()))
        #expect(try link.record(report, path: Samples.path("photo-exif.jpg"), startedAt: Date()) == false)
        try link.tag(photo, "suspicious")
        try link.note(photo, "pasted penguin, see ELA")

        let (_, e) = try store.findEvidence(caseName: "inquiry", file: photo)
        #expect(try store.latestRun(evidenceId: e.id!) != nil)
        #expect(try store.tags(evidenceId: e.id!).contains("suspicious"))

        let html = tmp.path("inquiry.html")
        try link.exportHTML(to: URL(fileURLWithPath: html))
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("ela_modified.jpg"))
        #expect(text.lowercased().contains(report.verdict.label.rawValue))
        #expect(text.contains("pasted penguin"))
    }

    @Test func unknownCaseIsRefused() throws {
        let tmp = TempDir()
        let store = try CaseStore(path: tmp.path("cases.sqlite"))
        #expect(throws: (any Error).self) { try CaseLink(store: store, caseName: "nope") }
    }
}
