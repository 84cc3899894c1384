// The small parts under the PDF analyses: date normalisation (PDF `D:` dates against XMP's
// ISO-8601), stream decoding (Media's PDFStreams), the value parser, subset-tag splitting and
// the editor table's rules.
import Foundation
import Media
import Testing
import TestSupport
@testable import Forensics

@Suite struct PDFPartsTests {
    @Test func pdfAndISODatesNormalise() throws {
        let a = try #require(PDFDate("D:20221130213243Z"))
        let b = try #require(PDFDate("2022-11-30T21:32:43Z"))
        let c = try #require(PDFDate("D:20221130223243+01'00'"))
        let d = try #require(PDFDate("2022-11-30T22:32:43+01:00"))
        #expect(a.sameMoment(as: b) && a.sameMoment(as: c) && b.sameMoment(as: d))
        #expect(a.description == "2022-11-30T21:32:43Z")
        // No zone: read as UTC, but a whole-hour difference is forgiven.
        let local = try #require(PDFDate("D:20221130223243"))
        #expect(!local.hasZone && local.sameMoment(as: a))
        #expect(PDFDate("D:2022") != nil && PDFDate("yesterday") == nil && PDFDate("D:20221340") == nil)
        #expect(!a.sameMoment(as: try #require(PDFDate("2022-11-30T21:40:00Z"))))
    }

    @Test func streamFilters() throws {
        #expect(try PDFStreams.decode(Data("48656C6C6F>".utf8), filters: ["ASCIIHexDecode"]) == Data("Hello".utf8))
        #expect(try PDFStreams.decode(Data("87cURD]j7BEbo7~>".utf8), filters: ["ASCII85Decode"]) == Data("Hello world".utf8))
        #expect(throws: PDFStreamError.unsupported(filter: "LZWDecode")) { try PDFStreams.decode(Data(), filters: ["LZWDecode"]) }
        #expect {
            try PDFStreams.inflate(Data("definitely not zlib".utf8))
        } throws: { error in
            if case .corrupt? = error as? PDFStreamError { return true } else { return false }
        }
    }

    @Test func inflateIsBounded() throws {
        // A real zlib stream (an object stream of a sample), decoded whole, then with a limit.
        let path = Samples.path("ltnews18.pdf")
        let s = try PDFStructure.scan(path: path)
        let store = try PDFObjectStore(path: path, structure: s)
        let objstm = try #require(store.entries.first { $0.value["Type"]?.name == "ObjStm" })
        let full = try store.decodedStream(objstm)
        #expect(full.count > 100)
        #expect(throws: PDFStreamError.self) { try store.decodedStream(objstm, limit: 64) }
    }

    @Test func parserReadsValues() {
        var p = PDFValueParser(Array("<< /A 1 /B [2 0 R (x\\)y) <414243>] /C#20D /N /E -1.5 /F << >> >>".utf8))
        let v = p.parseValue()
        #expect(v?["A"] == .int(1))
        #expect(v?["B"]?.array == [.reference(2, 0), .string(Array("x)y".utf8)), .string(Array("ABC".utf8))])
        #expect(v?["C D"]?.name == "N" && v?["E"] == .real(-1.5) && v?["F"] == .dictionary([:]))
        #expect(PDFValue.string([0xFE, 0xFF, 0, 0x4A, 0, 0x2E]).text == "J.")
    }

    @Test func subsetTags() {
        #expect(PDFFontHistory.split("ABCDEF+CMR10") == ("ABCDEF", "CMR10"))
        #expect(PDFFontHistory.split("Helvetica") == (nil, "Helvetica"))
        #expect(PDFFontHistory.split("abcdef+X") == (nil, "abcdef+X"))
    }

    @Test func editorRules() {
        func ids(_ tool: String, _ creator: String?) -> [String] { PDFEditorSignatures.matches(tool: tool, creator: creator).map(\.id) }
        #expect(ids("iLovePDF", "Microsoft Word") == ["ilovepdf"])
        #expect(ids("LibreOffice 7.4", "Writer") == [])
        #expect(ids("LibreOffice 7.4", "Draw") == ["libreoffice"])
        #expect(ids("GPL Ghostscript 10.0", "dvips(k) 2022.1") == [])
        #expect(ids("GPL Ghostscript 10.0", "pdfTeX-1.40") == ["ghostscript"])
        #expect(ids("Adobe Acrobat Pro DC 21.1", "LaTeX with hyperref") == ["acrobat"])
        #expect(ids("pdfTeX-1.40.24", "LaTeX with hyperref") == [])
        #expect(PDFEditorSignatures.family(ofProducer: "pdfTeX-1.40.24") == "pdftex")
    }
}
