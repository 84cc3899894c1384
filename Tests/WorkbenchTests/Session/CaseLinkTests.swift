// The workbench writing to a case: a finished analysis of case evidence is stored as a run, tags
// and notes land in the case database, a file outside the case is left alone, and the case report
// exported from the workbench holds the verdict, in the format its file extension names.
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
        #expect(try link.record(report, path: photo, startedAt: Date()) == .unchanged)
        #expect(try link.record(report, path: Samples.path("photo-exif.jpg"), startedAt: Date()) == nil)
        try link.tag(photo, "suspicious")
        try link.note(photo, "pasted penguin, see ELA")

        let (_, e) = try store.findEvidence(caseName: "inquiry", file: photo)
        #expect(try store.latestRun(evidenceId: e.id!) != nil)
        #expect(try store.tags(evidenceId: e.id!).contains("suspicious"))

        let html = tmp.path("inquiry.html")
        #expect(try link.exportReport(to: URL(fileURLWithPath: html)) == .html)
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("ela_modified.jpg"))
        #expect(text.lowercased().contains(report.verdict.label.rawValue))
        #expect(text.contains("pasted penguin"))
    }

    /// The extension picks the format, with the same bytes `deepscan report` renders; a path that
    /// cannot be written, or names no format, is an error that names it (and writes nothing).
    @Test func exportFormatFollowsTheExtension() throws {
        let tmp = TempDir()
        let store = try CaseStore(path: tmp.path("cases.sqlite"))
        _ = try store.createCase(name: "a/b", actor: "tester")
        _ = try store.addEvidence(caseName: "a/b", file: Samples.path("photo-exif.jpg"), actor: "tester")
        let link = try CaseLink(store: store, caseName: "a/b", actor: "tester")
        #expect(link.defaultReportPath(in: tmp.url.path) == tmp.path("a-b.report.html"))

        #expect(try link.exportReport(to: URL(fileURLWithPath: tmp.path("r.MD"))) == .md)
        let md = try String(contentsOfFile: tmp.path("r.MD"), encoding: .utf8)
        #expect(md.hasPrefix("# ") && md.contains("photo-exif.jpg") && !md.contains("<html"))
        #expect(try link.exportReport(to: URL(fileURLWithPath: tmp.path("r.json"))) == .json)
        let json = try JSONDecoder().decode(CaseReport.self, from: Data(contentsOf: URL(fileURLWithPath: tmp.path("r.json"))))
        #expect(json.caseInfo.name == "a/b" && json.evidence.map(\.fileName) == ["photo-exif.jpg"])
        // PDF through the same exporter: pdftotext finds the case and the file in it.
        #expect(try link.exportReport(to: URL(fileURLWithPath: tmp.path("r.pdf"))) == .pdf)
        let pdfText = try Tool.run("pdftotext", [tmp.path("r.pdf"), "-"]).stdout
        #expect(pdfText.contains("a/b") && pdfText.contains("photo-exif.jpg"))

        let nowhere = tmp.path("no-such-folder/r.html")
        #expect(throws: CaseStoreError.self) { try link.exportReport(to: URL(fileURLWithPath: nowhere)) }
        do { try link.exportReport(to: URL(fileURLWithPath: nowhere)) } catch {
            #expect("\(error)" == nowhere + ": cannot write the case report: there is no folder " + tmp.path("no-such-folder"))
        }
        #expect(throws: CaseStoreError.unknownReportFormat(path: tmp.path("r.txt"))) { try link.exportReport(to: URL(fileURLWithPath: tmp.path("r.txt"))) }
        #expect(!FileManager.default.fileExists(atPath: tmp.path("r.txt")))
    }

    /// A case file changed after intake is still analysed in the workbench, but the run is stored
    /// as "changed" with both hashes, which the screen then shows.
    @Test func analysisOfAChangedFileIsStoredAsChanged() throws {
        let tmp = TempDir()
        let store = try CaseStore(path: tmp.path("cases.sqlite"))
        _ = try store.createCase(name: "inquiry", actor: "tester")
        let photo = try tmp.copy(Samples.path("photo-exif.jpg"), as: "photo.jpg")
        let e = try store.addEvidence(caseName: "inquiry", file: photo, actor: "tester")
        let h = try #require(FileHandle(forWritingAtPath: photo))
        try h.seekToEnd(); h.write(Data([0])); try h.close()
        let link = try CaseLink(store: store, caseName: "inquiry", actor: "tester")
        let report = try DetectionEngine().analyze(photo).report
        let custody = try #require(try link.record(report, path: photo, startedAt: Date()))
        #expect(custody == .changed(intake: e.sha256, now: report.file.sha256))
        #expect(custody.sentence.contains("CHANGED since intake"))
        #expect(try store.latestRun(evidenceId: e.id!)?.custody == "changed")
    }

    @Test func unknownCaseIsRefused() throws {
        let tmp = TempDir()
        let store = try CaseStore(path: tmp.path("cases.sqlite"))
        #expect(throws: (any Error).self) { try CaseLink(store: store, caseName: "nope") }
    }
}
