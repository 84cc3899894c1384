// The HTML case report is valid HTML, as HTML Tidy (Debian's `tidy`, an HTML5 checker) reads it:
// no error and no warning, for the sample case with figures and for a case whose file names, EXIF
// and notes are hostile (escaping must not break the markup either). Tidy itself is checked to
// complain about broken markup, so a silent tidy cannot pass the test.
import CaseExport
import Foundation
import Testing
import TestSupport

@Suite struct HTMLValidityTests {
    /// Tidy's complaints about `html` (empty when it has none) and its exit status.
    static func tidy(_ html: Data, in tmp: TempDir, name: String) throws -> (status: Int32, complaints: String) {
        let path = tmp.path(name)
        try html.write(to: URL(fileURLWithPath: path))
        let r = try Tool.run("tidy", ["-errors", "-quiet", path])
        return (r.status, (r.stdout + r.stderr).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func tidyComplainsAboutBrokenMarkup() throws {
        let broken = Data("<!DOCTYPE html><html><head><title>x</title></head><body><table><tr><td>b</div></body></html>".utf8)
        let r = try Self.tidy(broken, in: TempDir(), name: "broken.html")
        #expect(r.status != 0 && r.complaints.contains("Warning"))
    }

    @Test func sampleAndHostileReportsAreValidHTML() throws {
        let f = try ExportFixture.get()
        let tmp = TempDir()
        for (name, report) in [("samples.html", try f.report()), ("hostile.html", try f.report(f.hostile))] {
            let html = try CaseReportExporter().render(report, format: .html).data
            let r = try Self.tidy(html, in: tmp, name: name)
            #expect(r.status == 0, "\(name): \(r.complaints)")
            #expect(r.complaints.isEmpty, "\(name): \(r.complaints)")
        }
    }
}
