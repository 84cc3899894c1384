// PDFStructure on the real samples and on hand-made and damaged files: revisions and where they
// end, the objects an update replaced, risky names (also when #xx-escaped), data after %%EOF,
// broken xref offsets, and bounded time on garbage and on a file with a million objects.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct PDFStructureTests {
    @Test func pristineSampleHasOneRevision() throws {
        let s = try PDFStructure.scan(path: Samples.path("ltnews18.pdf"))
        #expect(s.headerVersion == "1.5")
        #expect(s.headerOffset == 0)
        #expect(s.eofMarkers == 1)
        #expect(s.revisions.count == 1)
        #expect(s.revisions.first?.endOffset == s.byteCount)
        #expect(s.incrementalUpdates == 0)
        #expect(s.trailingBytes == 0)
        #expect(s.xrefStreams == 1 && s.xrefTables == 0)
        #expect(s.startxrefOffsets.count == 1 && s.brokenStartxrefs == 0)
        #expect(s.objKeywords == s.endobjKeywords && s.objKeywords > 0)
        #expect(s.streamKeywords == s.endstreamKeywords && s.unterminatedStreams == 0)
        #expect(s.count("JS") == 0 && s.count("OpenAction") == 0 && s.count("ObjStm") > 0)
        #expect(s.obfuscatedNames == 0)
    }

    @Test func exiftoolEditIsASecondRevision() throws {
        let edited = Samples.path("ltnews18-edited.pdf")
        let s = try PDFStructure.scan(path: edited)
        #expect(s.revisions.count == 2)
        #expect(s.incrementalUpdates == 1)
        let original = try Data(contentsOf: URL(fileURLWithPath: Samples.path("ltnews18.pdf")))
        // exiftool appends to the untouched original, so revision 1 is byte for byte the original.
        #expect(s.revisions[0].endOffset == original.count)
        #expect(try PDFStructure.revisionData(edited, revision: 1) == original)
        #expect(try PDFStructure.revisionData(edited, revision: 2).count == s.byteCount)
        #expect(s.revisions[1].startxref == s.startxrefOffsets.last)
        // The update rewrites the Info dictionary (object 28) and adds its own xref stream.
        #expect(s.replacedObjects(revision: 2).contains(28))
        #expect(!s.addedObjects(revision: 2).isEmpty)
        #expect(s.brokenStartxrefs == 0)
        #expect(throws: MediaError.self) { try PDFStructure.revisionData(edited, revision: 3) }
    }

    @Test func sevenPageSampleIsClean() throws {
        let s = try PDFStructure.scan(path: Samples.path("l3prefixes.pdf"))
        #expect(s.headerVersion == "1.5")
        #expect(s.revisions.count >= 1 && s.trailingBytes == 0 && s.brokenStartxrefs == 0)
    }

    @Test func countsJavaScriptAndActions() {
        let s = PDFStructure.scan(PDFFixtures.javaScriptPDF())
        #expect(s.count("JS") == 2)
        #expect(s.count("JavaScript") == 3)   // two /S /JavaScript and the name tree key
        #expect(s.count("OpenAction") == 1)
        #expect(s.count("URI") == 2)          // /S /URI and the /URI key
        #expect(s.xrefTables == 1 && s.trailers == 1)
        #expect(s.xrefEntries == 6 && s.brokenXrefEntries == 0)
        #expect(s.revisions.first?.objects == [1, 2, 3, 4, 5, 6])
        #expect(s.obfuscatedNames == 0)
    }

    @Test func decodesHexEscapedNames() {
        let s = PDFStructure.scan(PDFFixtures.javaScriptPDF(nameForJS: "/#4a#53"))
        #expect(s.count("JS") == 2)
        #expect(s.obfuscatedNameCounts["JS"] == 1)
        #expect(s.obfuscatedNames == 1)
    }

    @Test func measuresDataAfterLastEOF() {
        let garbage = Data("MZ\u{90}\u{0}payload-after-eof".utf8)
        let s = PDFStructure.scan(PDFFixtures.handmade() + garbage + Data("\n\n".utf8))
        #expect(s.trailingBytes == garbage.count)
        #expect(PDFStructure.scan(PDFFixtures.handmade() + Data("\r\n  \n".utf8)).trailingBytes == 0)
    }

    @Test func findsZeroedXrefOffsets() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try PDFFixtures.qpdf("ltnews18.pdf", ["--object-streams=disable"], to: "plain.pdf", in: dir)
        let good = try PDFStructure.scan(path: plain)
        #expect(good.xrefTables == 1 && good.xrefEntries > 20 && good.brokenXrefEntries == 0)
        let broken = Self.zeroingXrefOffsets(try Data(contentsOf: URL(fileURLWithPath: plain)))
        let s = PDFStructure.scan(broken)
        #expect(s.xrefEntries == good.xrefEntries)
        #expect(s.brokenXrefEntries == s.xrefEntries)
    }

    /// Replaces every in-use entry's 10-digit offset with zeros.
    static func zeroingXrefOffsets(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        let text = String(decoding: bytes, as: UTF8.self)
        guard let re = try? NSRegularExpression(pattern: "(?m)^\\d{10} \\d{5} n") else { return data }
        // The regex works on a lossy String; entries are ASCII lines, so find them in the bytes.
        let count = re.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        var i = 0, done = 0
        while i + 18 <= bytes.count && done < count {
            let isEntry = (0..<10).allSatisfy { bytes[i + $0] >= 0x30 && bytes[i + $0] <= 0x39 } && bytes[i + 10] == 0x20
                && bytes[i + 16] == 0x20 && bytes[i + 17] == 0x6E && (i == 0 || bytes[i - 1] == 0x0A || bytes[i - 1] == 0x0D)
            if isEntry { for k in 0..<10 { bytes[i + k] = 0x30 }; done += 1; i += 18 } else { i += 1 }
        }
        return Data(bytes)
    }

    @Test func survivesGarbage() {
        var rng = SystemRandomNumberGenerator()
        let random = Data((0..<200_000).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let s = PDFStructure.scan(random)
        #expect(s.byteCount == random.count)
        #expect(PDFStructure.scan(Data()).revisions.isEmpty)
        // Pathological token streams: every search and check must stay linear.
        for unit in ["stream\n", "(", "xref\n0 999999999\n", "startxref 0 ", "/Length 5 ", "%%EOF", "<<", "1 0 obj "] {
            let d = Data(String(repeating: unit, count: 200_000 / unit.count).utf8)
            let t0 = Date()
            _ = PDFStructure.scan(d)
            #expect(Date().timeIntervalSince(t0) < 5, "unit \(unit.debugDescription)")
        }
    }

    @Test func truncatedFileHasNoCompleteRevision() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: Samples.path("ltnews18.pdf")))
        let s = PDFStructure.scan(whole.prefix(whole.count / 2))
        #expect(s.eofMarkers == 0 && s.revisions.isEmpty)
        #expect(!s.trailingObjects.isEmpty)
        #expect(s.headerVersion == "1.5")
    }

    @Test func millionObjectsInLinearTime() {
        var text = "%PDF-1.7\n"
        text.reserveCapacity(20_000_000)
        for i in 1...1_000_000 { text += "\(i) 0 obj null endobj\n" }
        text += "%%EOF\n"
        let t0 = Date()
        let s = PDFStructure.scan(Data(text.utf8))
        #expect(s.objKeywords == 1_000_000)
        #expect(s.revisions.first?.objects.count == 1_000_000)
        #expect(Date().timeIntervalSince(t0) < 60)
    }
}
