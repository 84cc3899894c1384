// Case work on the evidence screen: `t` tags the file and `a` adds a note, both written at once
// to the annotations file; `e` exports the report with them as JSON that decodes back. In a case,
// `e` asks where to write the case report, proposes `<case>.report.html`, and writes HTML,
// Markdown or JSON as the path's extension says; an unwritable path is an error on screen. An
// analysis of a case file that changed since intake is stored, and the status line says so.
import CaseStore
import Evidence
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct CaseWorkTests {
    @Test func tagsAndNotesAreWrittenToTheAnnotationsFile() throws {
        let h = try WorkbenchHarness(open: "photo-exif.jpg")
        let sha = try #require(h.evidence?.file.summary.sha256)
        try h.press(.char("t"))
        #expect(h.screen.contains("tagged photo-exif.jpg: ok") && h.screen.contains("tag: ok"))
        #expect(AnnotationStore(url: h.annotationsURL).tags(sha) == ["ok"])
        try h.press(.char("t"))
        #expect(AnnotationStore(url: h.annotationsURL).tags(sha) == ["to check"])
        try h.press(.char("a"))
        #expect(h.screen.contains("Note on photo-exif.jpg"))
        try h.type("EXIF says Canon; check the thumbnail")
        h.expectSnapshot("case-note-prompt")
        try h.press(.enter)
        #expect(h.screen.contains("note saved"))
        #expect(AnnotationStore(url: h.annotationsURL).notes(sha) == ["EXIF says Canon; check the thumbnail"])
        try h.press(.char("a"), .escape)
        #expect(AnnotationStore(url: h.annotationsURL).notes(sha).count == 1)
    }

    @Test func exportWritesTheReportAsJSON() throws {
        struct Export: Decodable { let report: Report; let tags: [String]; let notes: [String] }
        let h = try WorkbenchHarness(open: "photo-exif.jpg")
        try h.press(.char("t"), .char("e"))
        let out = h.dir + "/.out/photo-exif.jpg.deepscan.json"
        #expect(h.screen.contains("exported /tmp/ds-tui-XXXXXXXX/.out/photo-exif.jpg.deepscan.json"))
        let export = try JSONDecoder().decode(Export.self, from: Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(export.report.file.sha256 == h.evidence?.file.summary.sha256)
        #expect(export.report.branches.map(\.id).contains("metadata"))
        #expect(export.report.verdict.label == h.evidence?.file.analysis?.report.verdict.label)
        #expect(export.tags == ["ok"] && export.notes.isEmpty)
    }

    @Test func inACaseExportAsksForAPathWhoseExtensionPicksTheFormat() throws {
        let h = try WorkbenchHarness(open: "photo-exif.jpg")
        let store = try CaseStore(path: h.dir + "/.out/cases.sqlite")
        try store.createCase(name: "inquiry", actor: "tester")
        try store.addEvidence(caseName: "inquiry", file: h.dir + "/photo-exif.jpg", actor: "tester")
        h.context.caseLink = try CaseLink(store: store, caseName: "inquiry", actor: "tester")

        try h.press(.char("e"))
        #expect(h.screen.contains("Export the report of case inquiry to"))
        h.expectSnapshot("case-export-prompt")
        try h.press(.enter)
        #expect(h.screen.contains("exported the html case report to /tmp/ds-tui-XXXXXXXX/.out/inquiry.report.html"))
        let html = try String(contentsOfFile: h.dir + "/.out/inquiry.report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("photo-exif.jpg"))

        for format in ["md", "json"] {
            try h.press(.char("e"), .backspace, .backspace, .backspace, .backspace)
            try h.type(format)
            try h.press(.enter)
            let out = h.dir + "/.out/inquiry.report.\(format)"
            #expect(h.screen.contains("exported the \(format) case report to /tmp/ds-tui-XXXXXXXX/.out/inquiry.report.\(format)"))
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("photo-exif.jpg"))
            if format == "md" { #expect(text.hasPrefix("# Case report: inquiry")) }
        }
        let json = try JSONDecoder().decode(CaseReport.self, from: Data(contentsOf: URL(fileURLWithPath: h.dir + "/.out/inquiry.report.json")))
        #expect(json.caseInfo.name == "inquiry" && json.evidence.count == 1)

        // A folder that does not exist: an error naming the path; the workbench carries on.
        try h.press(.char("e"))
        for _ in 0..<80 { try h.press(.backspace) }
        try h.type(h.dir + "/gone/report.html")
        try h.press(.enter)
        #expect(h.screen.contains("Export failed"))
        #expect(h.screen.contains("/tmp/ds-tui-XXXXXXXX/gone/report.html: cannot write the case"))
        try h.press(.escape)
        #expect(!h.screen.contains("Export failed") && h.screen.contains("photo-exif.jpg"))
    }

    @Test func analysingAChangedCaseFileSaysSo() throws {
        let h = try WorkbenchHarness(open: "photo-exif.jpg")
        let photo = h.dir + "/photo-exif.jpg"
        let store = try CaseStore(path: h.dir + "/.out/cases.sqlite")
        try store.createCase(name: "inquiry", actor: "tester")
        let e = try store.addEvidence(caseName: "inquiry", file: photo, actor: "tester")
        h.context.caseLink = try CaseLink(store: store, caseName: "inquiry", actor: "tester")
        try h.press(.char("r"))
        #expect(h.screen.contains("stored in case inquiry") && !h.screen.contains("EVIDENCE"))

        let fh = try #require(FileHandle(forWritingAtPath: photo))
        try fh.seekToEnd(); fh.write(Data([0])); try fh.close()
        try h.press(.char("r"))
        #expect(h.screen.contains("stored in case inquiry · EVIDENCE CHANGED since intake"))
        #expect(try store.runs(evidenceId: e.id!).map(\.custody) == ["unchanged", "changed"])
    }
}
