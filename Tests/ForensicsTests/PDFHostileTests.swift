// Bad input for the PDF analyses: a broken xref table, reference cycles (Info, /Length, the page
// tree), a file with 100 000 objects, a truncated sample and garbage after %%EOF. Each must finish
// in bounded time with clear findings, never crash or hang.
import Evidence
import Foundation
import Media
import Testing
import TestSupport
@testable import Forensics

@Suite struct PDFHostileTests {
    func codes(_ r: PDFAnalysisReport) -> Set<String> { Set(r.findings.map(\.code)) }

    @Test func brokenXrefIsReportedAndTheDocumentStillRead() throws {
        var bytes = PDFTestFiles.onePage()
        // Shift every in-use xref offset by one digit: each entry then points past its object.
        let text = String(decoding: bytes, as: UTF8.self)
        let broken = text.replacingOccurrences(of: "00000 n ", with: "00000 n ").replacingOccurrences(of: "\n00000000", with: "\n00000009")
        bytes = Array(broken.utf8)
        let dir = TempDir()
        let r = try PDFAnalysisReport.analyze(path: dir.write("xref.pdf", bytes))
        #expect(codes(r).contains("pdf-broken-xref"))
        #expect(r.info["Producer"] == "hand")
        #expect(r.revisions.first?.pages == 1)
    }

    @Test func circularReferencesEnd() throws {
        let bytes = PDFTestFiles.make([
            (1, "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>"),
            (2, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 7 0 R >>"),
            (3, "<< /Type /Page /Parent 2 0 R /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"),
            (4, "<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Loop /DescendantFonts 4 0 R >>"),
            (5, "8 0 R"), (8, "5 0 R"),
            (6, "<< /Type /Metadata /Subtype /XML /Length 6 0 R >>\nstream\n<x/>\nendstream"),
            (7, "7 0 R"),
        ], root: 1, info: 5)
        let dir = TempDir()
        let start = Date()
        let r = try PDFAnalysisReport.analyze(path: dir.write("loop.pdf", bytes))
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(r.revisions.count == 1 && r.revisions[0].info.isEmpty && r.revisions[0].pages == nil)
        #expect(r.fonts.fonts.first?.embedded == false)
    }

    @Test func hundredThousandObjectsInBoundedTime() throws {
        var objects: [(Int, String)] = [(1, "<< /Type /Catalog /Pages 2 0 R >>"), (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                                        (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"), (4, "<< /Producer (bulk) >>")]
        for n in 5..<100_005 { objects.append((n, "<< /N \(n) /A [1 2 (x)] >>")) }
        let dir = TempDir()
        let path = dir.write("bulk.pdf", PDFTestFiles.make(objects, root: 1, info: 4))
        let start = Date()
        let r = try PDFAnalysisReport.analyze(path: path)
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 60, "took \(seconds) s")
        #expect(r.revisions.first?.added.count == 100_004)
        #expect(r.info["Producer"] == "bulk")
        #expect(!r.findings.contains { $0.severity >= .warning })
    }

    @Test func truncatedSampleStillAnalysed() throws {
        let dir = TempDir()
        let path = try dir.copy(Samples.path("ltnews18-edited.pdf"), as: "half.pdf", prefix: 20_000)
        let r = try PDFAnalysisReport.analyze(path: path)
        #expect(codes(r).contains("pdf-unreadable"))
        #expect(r.revisions.isEmpty)
    }

    @Test func garbageAfterEOFIsNamed() throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("ltnews18.pdf"))))
        bytes += seededBytes(count: 4096, seed: 7)
        let dir = TempDir()
        let r = try PDFAnalysisReport.analyze(path: dir.write("tail.pdf", bytes))
        #expect(codes(r).contains("pdf-data-after-eof"))
    }

    @Test func damagedAndRandomStreamsAreNamed() throws {
        let noise = seededBytes(count: 8192, seed: 11)
        let hex = noise.map { String(format: "%02X", $0) }.joined()
        let bytes = PDFTestFiles.onePage(more: [
            (6, "<< /Length 12 /Filter /FlateDecode >>\nstream\nnot deflated\nendstream"),
            (7, "<< /Length \(hex.count + 1) /Filter /ASCIIHexDecode >>\nstream\n\(hex)>\nendstream"),
            (8, "<< /Length 4 /Filter /LZWDecode >>\nstream\nabcd\nendstream"),
        ])
        let dir = TempDir()
        let r = try PDFAnalysisReport.analyze(path: dir.write("streams.pdf", bytes))
        #expect(r.content.undecodable.map(\.object) == [6])
        #expect(r.content.highEntropy.map(\.object) == [7])
        #expect(r.content.unknownFilter.map(\.object) == [8])
        #expect(codes(r).isSuperset(of: ["pdf-stream-undecodable", "pdf-high-entropy-stream", "pdf-stream-unknown-filter"]))
    }
}
