// Case work on the evidence screen: `t` tags the file and `a` adds a note, both written at once
// to the annotations file; `e` exports the report with them as JSON that decodes back.
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
}
