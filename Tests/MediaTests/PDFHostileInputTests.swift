// Damaged and hostile PDFs: a truncated sample, random bytes named .pdf, a header followed by
// garbage, garbage after %%EOF, zeroed xref offsets, and structures poppler must survive. Each
// must end in a MediaError or a summary with findings, never a crash or a hang.
import Evidence
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct PDFHostileInputTests {
    func inspect(_ path: String) throws -> MediaSummary {
        var s = MediaSummary(identity: try EvidenceFile.identity(path), media: .pdf, format: "pdf")
        try PDFInspector.inspect(path: path, options: .default, into: &s)
        return s
    }

    @Test func truncatedSample() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = try Data(contentsOf: URL(fileURLWithPath: Samples.path("ltnews18.pdf")))
        let path = try PDFFixtures.write(whole.prefix(whole.count / 2), "half.pdf", in: dir)
        #expect {
            _ = try PDFDocument(path: path)
        } throws: { error in
            guard case .truncated(_, let detail)? = error as? MediaError else { return false }
            return detail.contains("%%EOF")
        }
        let s = try MediaInspector.summarize(path)
        #expect(s.findings.contains { $0.code == "pdf-unreadable" })
        #expect(s.version == "1.5" && s.revisions == 0)
        #expect(s.metadata[path: "structure", "eof_markers"] == .int(0))
    }

    @Test func randomBytesNamedPDF() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SystemRandomNumberGenerator()
        let noise = Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let path = try PDFFixtures.write(noise, "random.pdf", in: dir)
        #expect {
            _ = try PDFDocument(path: path)
        } throws: { error in
            if case .corrupt? = error as? MediaError { return true } else { return false }
        }
        // The sniffer does not call it a PDF; asked directly, the inspector still answers.
        #expect(throws: MediaError.self) { try MediaInspector.summarize(path) }
        let s = try inspect(path)
        #expect(s.findings.contains { $0.code == "pdf-unreadable" })
        #expect(s.revisions == 0 && s.pages == nil)
    }

    @Test func headerThenGarbage() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SystemRandomNumberGenerator()
        var data = Data("%PDF-1.7\n1 0 obj << /Length 99999999 >>\nstream\n".utf8)
        data += Data((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &rng) })
        data += Data("\n%%EOF\n".utf8)
        let path = try PDFFixtures.write(data, "garbage.pdf", in: dir)
        let s = try MediaInspector.summarize(path)
        #expect(s.findings.contains { $0.code == "pdf-unreadable" })
        #expect(s.version == "1.7")
    }

    @Test func garbageAfterEOF() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var data = try Data(contentsOf: URL(fileURLWithPath: Samples.path("ltnews18.pdf")))
        let payload = Data("<script>evil()</script>MZ\u{90}\u{0}\u{3}".utf8)
        data += payload
        let path = try PDFFixtures.write(data, "appended.pdf", in: dir)
        let s = try MediaInspector.summarize(path)
        #expect(s.pages == 1)
        let f = s.findings.first { $0.code == "pdf-data-after-eof" }
        #expect(f?.severity == .warning)
        #expect(s.metadata[path: "structure", "trailing_bytes"] == .int(Int64(payload.count)))
    }

    @Test func zeroedXrefOffsets() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try PDFFixtures.qpdf("ltnews18.pdf", ["--object-streams=disable"], to: "plain.pdf", in: dir)
        let broken = PDFStructureTests.zeroingXrefOffsets(try Data(contentsOf: URL(fileURLWithPath: plain)))
        let path = try PDFFixtures.write(broken, "broken-xref.pdf", in: dir)
        let s = try MediaInspector.summarize(path)
        #expect(s.findings.contains { $0.code == "pdf-broken-xref" })
        // poppler rebuilds the table by scanning, as pdfinfo does.
        let info = try PDFFixtures.pdfinfo(path)
        #expect(s.pages.map(String.init) == info["Pages"])
    }

    @Test func pageTreeLoopAndHugeMediaBox() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The page's /Parent loops back and its MediaBox is 10^9 points wide.
        let data = PDFFixtures.handmade(pageExtra: "/Kids [2 0 R] /MediaBox [0 0 1000000000 1000000000]")
        let path = try PDFFixtures.write(data, "loop.pdf", in: dir)
        let s = try MediaInspector.summarize(path)
        #expect(s.media == .pdf)
        if let doc = try? PDFDocument(path: path), doc.pageCount >= 1 {
            #expect(throws: MediaError.self) { try doc.render(page: 1, dpi: 300) }
        }
    }

    @Test func emptyAndMissingFiles() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try PDFFixtures.write(Data(), "empty.pdf", in: dir)
        #expect(throws: MediaError.empty(path: empty)) { try PDFDocument(path: empty) }
        #expect(throws: MediaError.empty(path: empty)) { try PDFStructure.scan(path: empty) }
        let missing = dir.appendingPathComponent("nope.pdf").path
        #expect(throws: MediaError.notFound(path: missing)) { try PDFDocument(path: missing) }
    }
}
