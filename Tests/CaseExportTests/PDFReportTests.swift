// The PDF case report on the real samples, checked with poppler's own tools as a reader would see
// it: it opens (`pdfinfo`), is A4 with several pages, has bookmarks, and its text (`pdftotext`)
// carries every file name, hash, verdict label and fused score; hostile strings come out as
// harmless text; the layout file brands it.
@testable import CaseExport
import CaseStore
import Foundation
import Testing
import TestSupport

enum PDFTools {
    static func text(_ path: String) throws -> String {
        let r = try Tool.run("pdftotext", ["-enc", "UTF-8", path, "-"])
        guard r.status == 0 else { throw ExportError("pdftotext failed: \(r.stderr)") }
        return r.stdout
    }

    static func info(_ path: String) throws -> [String: String] {
        let r = try Tool.run("pdfinfo", [path])
        guard r.status == 0 else { throw ExportError("pdfinfo failed: \(r.stderr)") }
        var out: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }
}

@Suite struct PDFReportTests {
    @Test func pdfOpensAndCarriesVerdictsScoresNamesAndHashes() throws {
        let f = try ExportFixture.get()
        let tmp = TempDir()
        let path = tmp.path("report.pdf")
        let r = try f.report()
        try CaseReportExporter().write(r, format: .pdf, to: URL(fileURLWithPath: path))
        let info = try PDFTools.info(path)
        let pages = try #require(info["Pages"].flatMap { Int($0) })
        #expect(pages >= 3)
        #expect(info["Page size"]?.contains("595.28 x 841.89") == true)
        #expect(info["Title"] == "Case report: Samples")
        let text = try PDFTools.text(path)
        for ev in r.evidence {
            let v = try #require(ev.analysis?.report.verdict)
            #expect(text.contains(ev.fileName))
            #expect(text.contains("SHA-256 \(ev.sha256)"))
            let label = v.label.rawValue.uppercased() + (v.score.map { String(format: " %.3f", $0) } ?? "")
            #expect(text.contains("Verdict \(label)"), "\(ev.fileName): \(label)")
            #expect(text.contains(String(format: "inconclusive band %.2f–%.2f", v.band.lowerBound, v.band.upperBound)))
        }
        #expect(text.contains("page 1 of \(pages)") && text.contains("page \(pages) of \(pages)"))
        #expect(text.contains("What the scores mean, and what they do not"))
        #expect(text.contains("PDF structure and revisions") && text.contains("pdf-incremental-update"))
        #expect(text.contains("frame 13 · 0.80 s · branch forensic: mouth edge"))
        #expect(text.contains("engine 0.1.0"))
        // The photo's metadata table (over a hundred EXIF fields) breaks across pages, and each
        // continuation starts under the running header (after pdftotext's form feed) with the header row again.
        let lines = text.components(separatedBy: "\n")
        let tables = lines.filter { $0.hasPrefix("Metadata (") }.count
        let continued = zip(lines, lines.dropFirst()).filter { $0.0.hasSuffix("DeepScan case report · case Samples") && $0.1 == "field" }.count
        #expect(tables >= 3 && continued >= 1)
        #expect(text.contains("Export test <b>case</b>"))  // shown as text, not taken as markup
        // Bookmarks pane: sections and files.
        let raw = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(raw.contains("/Outlines"))
        // Figures are embedded as images.
        let images = try Tool.run("pdfimages", ["-list", path])
        #expect(images.stdout.split(separator: "\n").count - 2 >= 6)
    }

    @Test func hostileStringsAreHarmlessText() throws {
        let f = try ExportFixture.get()
        let tmp = TempDir()
        let path = tmp.path("hostile.pdf")
        try CaseReportExporter().write(try f.report(f.hostile), format: .pdf, to: URL(fileURLWithPath: path))
        let text = try PDFTools.text(path)
        #expect(text.contains("script>.jpg"))
        #expect(text.contains("<img src=x onerror=alert(2)>"))
        #expect(text.contains("<GIMP>"))
        #expect(!text.contains("\u{1B}") && !text.contains("[31m") && !text.contains("\u{07}") && !text.contains("owned"))
        let html = String(decoding: try CaseReportExporter().render(try f.report(f.hostile), format: .html).data, as: UTF8.self)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.jpg"))
        #expect(!html.contains("<script") && !html.contains("\u{1B}"))
        #expect(html.contains("&lt;GIMP&gt;"))
        #expect(InlinedPNG.all(in: html).count == 2)
    }

    @Test func layoutFileBrandsTheReport() throws {
        let f = try ExportFixture.get()
        let tmp = TempDir()
        try """
        [page]
        size = "Letter"
        margin_mm = 25
        [header]
        organisation = "Northwind <Forensics> & Co"
        """.write(toFile: tmp.path("report-pdf.toml"), atomically: true, encoding: .utf8)
        let path = tmp.path("branded.pdf")
        try CaseReportExporter(templates: tmp.url, figures: nil).write(try f.report(), format: .pdf, to: URL(fileURLWithPath: path))
        #expect(try PDFTools.info(path)["Page size"]?.contains("612 x 792") == true)
        #expect(try PDFTools.text(path).contains("Northwind <Forensics> & Co · DeepScan case report · case Samples"))
    }

    @Test func shippedLayoutFileIsTheBuiltInDefault() throws {
        let shipped = try PDFLayout.load(directory: Samples.root.appendingPathComponent("templates"))
        #expect(shipped == PDFLayout())
    }

    @Test func badLayoutFilesSayWhatIsWrong() throws {
        #expect(throws: ExportError.self) { try PDFLayout.parse(toml: "[page\nsize = 1") }
        do { _ = try PDFLayout.parse(toml: "[page]\nsize = \"B5\""); Issue.record("B5 accepted") } catch let e as ExportError {
            #expect(e.message.contains("page size \"B5\" is not known"))
        }
        do { _ = try PDFLayout.parse(toml: "[colours]\naccent = \"blue\""); Issue.record("blue accepted") } catch let e as ExportError {
            #expect(e.message.contains("colours.accent"))
        }
        do { _ = try PDFLayout.parse(toml: "[page]\nmargin_mm = 120"); Issue.record("huge margins accepted") } catch let e as ExportError {
            #expect(e.message.contains("inside the margins"))
        }
    }
}
