// Report templates: the files under templates/ are the ones compiled in, fields are
// substituted with text escaped and markup as is, a branded template folder is used when given,
// and the escaping functions handle terminal escape sequences.
@testable import CaseStore
import Foundation
import Testing
import TestSupport

@Suite struct TemplateTests {
    @Test(arguments: ["report.html", "report.md"])
    func builtInTemplatesMatchTheFiles(name: String) throws {
        let file = try String(contentsOf: Samples.root.appendingPathComponent("templates/\(name)"), encoding: .utf8)
        #expect(BuiltInTemplates.all[name] == file, "run python3 Scripts/builtin-templates.py after editing templates/\(name)")
    }

    @Test func fieldsAreSubstitutedAndTextEscaped() {
        let t = ReportTemplate("<h1>{{ title }}</h1>{{body}}{{missing}}!")
        #expect(t.fields == ["title", "body", "missing"])
        let out = t.render(["title": .text("<x>"), "body": .markup("<p>ok</p>")], escape: ReportEscaping.html)
        #expect(out == "<h1>&lt;x&gt;</h1><p>ok</p>!")
    }

    @Test func aBrandedTemplateFolderIsUsed() throws {
        let tmp = TempDir()
        tmp.write("report.html", Array("<html>ACME Forensics · {{case_name}}</html>".utf8))
        let r = CaseReport(generatedAt: "now", generator: "g",
                           caseInfo: .init(name: "<Case>", description: "", examiner: "", createdAt: "then"), evidence: [], notes: [])
        #expect(try HTMLReportRenderer(templates: tmp.url).render(r) == "<html>ACME Forensics · &lt;Case&gt;</html>")
        // report.md is not in the folder: the built-in one is used.
        #expect(try MarkdownReportRenderer(templates: tmp.url).render(r).hasPrefix("# Case report: &lt;Case&gt;"))
    }

    @Test func escapeSequencesAreStripped() {
        #expect(ReportEscaping.stripControls("a\u{1B}[1;31mred\u{1B}[0m b") == "ared b")
        #expect(ReportEscaping.stripControls("t\u{1B}]0;title\u{07}x\u{1B}]8;;http://e\u{1B}\\y") == "txy")
        #expect(ReportEscaping.stripControls("nul\u{0}bell\u{07}") == "nul\\u{0}bell\\u{7}")
        #expect(ReportEscaping.html("\"'&") == "&quot;&#39;&amp;")
        #expect(ReportEscaping.markdown("- [x](javascript:1) | *b*") == "\\- \\[x\\](javascript:1) \\| \\*b\\*")
    }
}
