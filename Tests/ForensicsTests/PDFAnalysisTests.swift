// The PDF analyses on the real samples and on altered copies made here with the tools that
// alter PDFs in the wild (exiftool's Info and XMP edits, qpdf page merges and attachments) and
// with hand-written incremental updates (JavaScript, a re-subsetted font). Each alteration must
// be named by its finding code; the pristine samples must give no warning.
import Evidence
import Foundation
import Media
import Testing
import TestSupport
@testable import Forensics

@Suite struct PDFAnalysisTests {
    func codes(_ r: PDFAnalysisReport) -> Set<String> { Set(r.findings.map(\.code)) }
    func warnings(_ r: PDFAnalysisReport) -> [Finding] { r.findings.filter { $0.severity >= .warning } }

    @Test(arguments: ["ltnews18.pdf", "l3prefixes.pdf"])
    func pristineSamplesGiveNoWarning(_ name: String) throws {
        let r = try PDFAnalysisReport.analyze(path: Samples.path(name))
        #expect(warnings(r).isEmpty, "\(warnings(r).map(\.message))")
        #expect(r.revisions.count == 1 && r.updates.isEmpty)
        #expect(r.info["Producer"] == "pdfTeX-1.40.24")
        #expect(r.fonts.fonts.allSatisfy { $0.embedded })
        #expect(r.content.undecodable.isEmpty && r.content.highEntropy.isEmpty)
    }

    @Test func exiftoolEditedSampleIsExplained() throws {
        let r = try PDFAnalysisReport.analyze(path: Samples.path("ltnews18-edited.pdf"))
        #expect(codes(r).isSuperset(of: ["pdf-incremental-update", "pdf-info-changed", "pdf-info-xmp-mismatch", "pdf-editor-producer"]))
        let update = try #require(r.updates.first)
        #expect(update.number == 2 && update.roles["Info dictionary"] == 1 && update.roles["XMP metadata"] == 1)
        #expect(update.infoChanges.contains { $0.field == "Author" && $0.after == "J. Doe" })
        #expect(update.infoChanges.contains { $0.field == "Title" && $0.after == "Quarterly figures (revised)" })
        #expect(r.metadata.mismatches.contains { $0.before == "J. Doe" && $0.after == "Someone Else" })
        #expect(r.metadata.editors.contains { $0.signature.id == "exiftool" })
        #expect(r.revisions[0].xmp == nil && r.revisions[1].xmp?["dc:creator"] == "Someone Else")
    }

    @Test func objectStreamsAreRead() throws {
        let path = Samples.path("ltnews18.pdf")
        let s = try PDFStructure.scan(path: path)
        let store = try PDFObjectStore(path: path, structure: s)
        // The catalog (27) is packed in object stream 2.
        let cat = try #require(store.entry(27, asOf: 1))
        #expect(cat.container == 2 && cat.value["Type"]?.name == "Catalog")
        #expect(store.undecodableObjectStreams.isEmpty)
    }

    @Test func exiftoolInfoEditIsNamed() throws {
        let dir = TempDir()
        let p = try dir.copy(Samples.path("l3prefixes.pdf"), as: "a.pdf")
        try PDFTestFiles.tool("exiftool", ["-q", "-overwrite_original", "-PDF:Author=Mallory", "-PDF:Producer=Acme Writer", p])
        let r = try PDFAnalysisReport.analyze(path: p)
        #expect(codes(r).isSuperset(of: ["pdf-incremental-update", "pdf-info-changed", "pdf-editor-producer"]))
        #expect(r.updates.first?.infoChanges.contains { $0.field == "Producer" && $0.after == "Acme Writer" } == true)
    }

    @Test func backdatedModDateIsInconsistent() throws {
        let dir = TempDir()
        let p = try dir.copy(Samples.path("ltnews18.pdf"), as: "d.pdf")
        try PDFTestFiles.tool("exiftool", ["-q", "-overwrite_original", "-PDF:ModifyDate=2001:01:01 00:00:00Z", p])
        let r = try PDFAnalysisReport.analyze(path: p)
        #expect(codes(r).contains("pdf-dates-inconsistent"))
        #expect(r.metadata.dateProblems.contains { $0.contains("before CreationDate") })
    }

    @Test func qpdfPageAppendIsARewrite() throws {
        let dir = TempDir()
        let out = dir.path("merged.pdf")
        try PDFTestFiles.tool("qpdf", [Samples.path("ltnews18.pdf"), "--pages", Samples.path("ltnews18.pdf"), Samples.path("l3prefixes.pdf"), "1", "--", out])
        let r = try PDFAnalysisReport.analyze(path: out)
        #expect(codes(r).isSuperset(of: ["pdf-rewritten", "pdf-editor-producer"]))
        #expect(r.pages == 2)
    }

    @Test func attachmentIsNamed() throws {
        let dir = TempDir()
        let payload = dir.write("payload.txt", Array("not a pdf".utf8))
        let out = dir.path("att.pdf")
        try PDFTestFiles.tool("qpdf", [Samples.path("ltnews18.pdf"), "--add-attachment", payload, "--", out])
        let r = try PDFAnalysisReport.analyze(path: out)
        #expect(codes(r).contains("pdf-embedded-file"))
        #expect(r.attachments == 1)
    }

    @Test func javascriptUpdateIsNamedWithItsText() throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("ltnews18.pdf"))))
        let (root, catalog) = try PDFTestFiles.catalog(original)
        var d = try #require(catalog.dictionary)
        d["OpenAction"] = .reference(90, 0)
        let edited = try PDFTestFiles.appendUpdate(original, [
            (root, PDFTestFiles.serialize(.dictionary(d))),
            (90, "<< /Type /Action /S /JavaScript /JS (app.alert\\('owned'\\);) >>"),
        ])
        let dir = TempDir()
        let r = try PDFAnalysisReport.analyze(path: dir.write("js.pdf", edited))
        #expect(codes(r).isSuperset(of: ["pdf-javascript", "pdf-open-action", "pdf-incremental-update"]))
        #expect(r.content.javascript.first?.contains("app.alert('owned')") == true)
        #expect(r.content.openAction == "JavaScript")
        #expect(r.findings.first { $0.code == "pdf-open-action" }?.severity == .warning)
    }

    @Test func resubsettedFontIsNamed() throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("l3prefixes.pdf"))))
        let s = PDFStructure.scan(Data(original))
        let store = PDFObjectStore(bytes: original, structure: s)
        let font = try #require(store.entries.first { $0.value["Type"]?.name == "Font" && $0.value["BaseFont"]?.name?.contains("+") == true })
        var d = try #require(font.value.dictionary)
        let base = try #require(d["BaseFont"]?.name)
        d["BaseFont"] = .name("QQQQQQ+" + base.split(separator: "+")[1])
        let edited = try PDFTestFiles.appendUpdate(original, [(font.number, PDFTestFiles.serialize(.dictionary(d)))])
        let dir = TempDir()
        let r = try PDFAnalysisReport.analyze(path: dir.write("font.pdf", edited))
        #expect(codes(r).contains("pdf-font-subset-changed"))
        #expect(r.fonts.subsetChanges.first?.after == "QQQQQQ" && r.fonts.subsetChanges.first?.revision == 2)
    }
}
