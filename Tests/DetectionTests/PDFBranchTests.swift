// The `pdf` branch through the engine, as the CLI and the workbench run it: registered, ok on
// PDFs with a low score for the pristine samples and a high one for the exiftool edit, not
// applicable to other media, and its measurements present.
import Evidence
import Foundation
import Media
import Testing
import TestSupport
@testable import Detection

@Suite struct PDFBranchTests {
    func result(_ name: String) throws -> BranchResult {
        let r = try DetectionEngine(branches: [PDFBranch()]).analyze(Samples.path(name)).report
        return try #require(r.branch("pdf"))
    }

    @Test func registered() { #expect(BranchRegistry.branch("pdf") is PDFBranch) }

    @Test(arguments: ["ltnews18.pdf", "l3prefixes.pdf"])
    func pristineScoresLow(_ name: String) throws {
        let b = try result(name)
        #expect(b.status == .ok)
        #expect((b.score ?? 1) < 0.2)
        #expect(b.measurements["revisions"] == 1 && b.measurements["javascript"] == 0)
        #expect(!b.findings.contains { $0.severity >= .warning })
    }

    @Test func exiftoolEditScoresHigh() throws {
        let b = try result("ltnews18-edited.pdf")
        #expect(b.status == .ok)
        #expect((b.score ?? 0) > 0.8)
        #expect(b.measurements["revisions"] == 2 && b.measurements["info_xmp_mismatches"] == 1)
        #expect(b.findings.allSatisfy { $0.source == "pdf" })
        #expect(b.findings.contains { $0.code == "pdf-info-xmp-mismatch" && $0.message.contains("Someone Else") })
    }

    @Test func otherMediaAreNotApplicable() throws {
        let path = Samples.path("photo-exif.jpg")
        let summary = MediaSummary(identity: try EvidenceFile.identity(path), media: .image, format: "jpeg")
        let out = DetectionEngine.run(PDFBranch(), input: BranchInput(path: path, summary: summary, options: EngineOptions()))
        #expect(out.result.status == .notApplicable)
    }
}
