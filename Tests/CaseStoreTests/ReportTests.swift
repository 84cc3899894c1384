// Case reports on the analysed samples: JSON embeds `deepscan.report/1` reports that decode back
// unchanged; HTML and Markdown carry the verdicts, custody, bookmarks and tags; every hostile
// string (a file name that is a script tag, an ANSI sequence in EXIF, HTML in a note) comes out
// escaped or stripped; broken custody is said at the top.
@testable import CaseStore
import Evidence
import Foundation
import Testing
import TestSupport

@Suite struct ReportTests {
    @Test func jsonEmbedsReportsThatDecodeBack() throws {
        let c = try AnalysedCase.get()
        let r = try c.report()
        let data = try r.json()
        let decoded = try JSONDecoder().decode(CaseReport.self, from: data)
        #expect(decoded.schema == "deepscan.case-report/1")
        #expect(decoded.reports.count == 4)
        for e in decoded.evidence {
            let report = try #require(e.analysis?.report)
            #expect(report.schema == Report.schemaID)
            // Same JSON as the engine's report (value equality is too strict: the metadata tree's
            // JSON does not keep 0.0 apart from 0).
            let original = try #require(c.reports[e.path])
            #expect(try canonical(report) == canonical(original))
            #expect(report.verdict == original.verdict)
            #expect(e.custody == "unchanged")
        }
        // Each embedded report is a plain deepscan.report/1 object to a consumer that knows nothing else.
        let obj = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let first = ((obj["evidence"] as! [[String: Any]])[0]["analysis"] as! [String: Any])["report"]!
        _ = try JSONDecoder().decode(Report.self, from: JSONSerialization.data(withJSONObject: first))
    }

    func canonical(_ r: Report) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        return String(decoding: try enc.encode(r), as: UTF8.self)
    }

    @Test func htmlCarriesVerdictsCustodyAndAnnotations() throws {
        let c = try AnalysedCase.get()
        let html = HTMLReportRenderer(template: try ReportTemplate.load("report.html", directory: nil)).render(try c.report())
        for report in c.reports.values {
            #expect(html.contains("verdict-\(report.verdict.label.rawValue)\">\(report.verdict.label.rawValue.uppercased())"))
            #expect(html.contains(report.file.sha256))
        }
        #expect(html.contains("PDF structure and revisions"))
        #expect(html.contains("pdf-incremental-update"))
        #expect(html.contains("frame 13 · 0.48 s · branch spatial"))  // stored 0-based, shown 1-based
        #expect(html.contains("suspicious"))
        #expect(html.contains("Every evidence file still matches the SHA-256 recorded at intake."))
        #expect(html.contains("What the scores mean, and what they do not"))
        #expect(html.contains("Samples &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("engine 0.1.0"))
        #expect(!html.contains("{{"))
        // Self-contained: no scripts, no external resources.
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href=\"http") && !html.contains("<link") && !html.contains("url("))
    }

    @Test func hostileStringsAreEscapedInHTMLAndMarkdown() throws {
        let c = try AnalysedCase.get()
        let hostile = try c.report("Hostile")
        let samples = try c.report()
        let html = HTMLReportRenderer(template: try ReportTemplate.load("report.html", directory: nil)).render(hostile)
            + HTMLReportRenderer(template: try ReportTemplate.load("report.html", directory: nil)).render(samples)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.jpg"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        // The ANSI colour sequence from EXIF Software is removed; the rest of the value stays visible.
        #expect(html.contains("&lt;GIMP&gt;"))
        #expect(!html.contains("\u{1B}"))
        #expect(!html.contains("[31m"))
        #expect(!html.contains("\u{07}"))

        let md = MarkdownReportRenderer(template: try ReportTemplate.load("report.md", directory: nil)).render(hostile)
            + MarkdownReportRenderer(template: try ReportTemplate.load("report.md", directory: nil)).render(samples)
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;.jpg"))
        #expect(!md.contains("<script>") && !md.contains("<img"))
        #expect(!md.contains("\u{1B}") && !md.contains("[31m"))
        #expect(md.contains("&lt;GIMP&gt;"))
    }

    @Test func brokenCustodyIsSaidAtTheTop() throws {
        let f = try StoreFixture()
        let photo = try f.sample("photo-exif.jpg")
        let pdf = try f.sample("ltnews18-edited.pdf")
        try f.store.createCase(name: "Broken")
        try f.store.addEvidence(caseName: "Broken", file: photo, actor: "ann")
        try f.store.addEvidence(caseName: "Broken", file: pdf, actor: "ann")
        let h = try #require(FileHandle(forWritingAtPath: photo))
        try h.seekToEnd(); h.write(Data([0x0A])); try h.close()
        try FileManager.default.removeItem(atPath: pdf)
        let r = try CaseReport.build(store: f.store, caseName: "Broken", generator: "test")
        #expect(r.evidence.map(\.custody) == ["changed", "missing"])
        let html = HTMLReportRenderer(template: try ReportTemplate.load("report.html", directory: nil)).render(r)
        #expect(html.contains("Chain of custody broken for 2 file(s)"))
        #expect(html.contains("CHANGED since intake: SHA-256 was \(r.evidence[0].sha256)"))
        #expect(html.contains("MISSING"))
        let md = MarkdownReportRenderer(template: try ReportTemplate.load("report.md", directory: nil)).render(r)
        #expect(md.contains("**Chain of custody broken for 2 file(s):**"))
    }
}
