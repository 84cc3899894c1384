// `deepscan info` on PDFs: MediaInspector.summarize fills the headline fields and the pdf / info /
// xmp / structure / fonts / actions groups, and turns revisions, JavaScript, data after %%EOF,
// encryption and damage into findings. Hostile inputs must give a summary or a MediaError,
// never a crash.
import Evidence
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct PDFInspectorTests {
    func codes(_ s: MediaSummary) -> Set<String> { Set(s.findings.map(\.code)) }

    @Test func pristineSample() throws {
        let s = try MediaInspector.summarize(Samples.path("ltnews18.pdf"))
        #expect(s.media == .pdf && s.pages == 1 && s.version == "1.5" && s.revisions == 1 && s.encrypted == false)
        #expect(s.metadata[path: "pdf", "page_size"] == .string("612 x 792 pt"))
        #expect(s.metadata[path: "info", "Producer"] == .string("pdfTeX-1.40.24"))
        #expect(s.metadata[path: "structure", "eof_markers"] == .int(1))
        #expect(s.metadata[path: "structure", "names", "/JS"] == .int(0))
        #expect(s.metadata["fonts"] != nil)
        #expect(s.findings.isEmpty, "\(s.findings)")
    }

    @Test func editedSampleShowsTheUpdateAndDisagreeingXMP() throws {
        let s = try MediaInspector.summarize(Samples.path("ltnews18-edited.pdf"))
        #expect(s.revisions == 2)
        #expect(s.metadata[path: "info", "Author"] == .string("J. Doe"))
        #expect(s.metadata[path: "info", "Title"] == .string("Quarterly figures (revised)"))
        #expect(s.metadata[path: "xmp", "dc:creator"] == .string("Someone Else"))
        #expect(s.metadata[path: "xmp", "xmp:CreatorTool"] == nil)
        if case .string(let raw)? = s.metadata[path: "xmp", "raw"] { #expect(raw.contains("x:xmpmeta")) } else { Issue.record("no raw XMP") }
        let update = s.findings.first { $0.code == "pdf-incremental-update" }
        #expect(update?.severity == .notice)
        #expect(update?.message.contains("28") == true)
        #expect(!codes(s).contains("pdf-data-after-eof"))
    }

    @Test func sevenPages() throws {
        let s = try MediaInspector.summarize(Samples.path("l3prefixes.pdf"))
        #expect(s.pages == 7)
        #expect(s.metadata[path: "pdf", "pages"] == .int(7))
    }

    @Test func encryptedWithoutPasswordStillReports() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PDFFixtures.qpdf("ltnews18.pdf", ["--encrypt", "user", "owner", "256", "--"], to: "enc.pdf", in: dir)
        let s = try MediaInspector.summarize(path)
        #expect(s.encrypted == true)
        #expect(s.pages == nil)
        #expect(codes(s).contains("pdf-password-required"))
        #expect(s.metadata[path: "structure", "names", "/Encrypt"] == .int(1))
        let opened = try MediaInspector.summarize(path, options: MediaOptions(password: "user"))
        #expect(opened.pages == 1 && opened.encrypted == true && !codes(opened).contains("pdf-password-required"))
        #expect(opened.metadata[path: "info", "Producer"] == .string("pdfTeX-1.40.24"))
        let wrong = try MediaInspector.summarize(path, options: MediaOptions(password: "guess"))
        #expect(codes(wrong).contains("pdf-wrong-password"))
    }

    @Test func javaScriptAndOpenAction() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PDFFixtures.write(PDFFixtures.javaScriptPDF(), "js.pdf", in: dir)
        let s = try MediaInspector.summarize(path)
        #expect(codes(s).isSuperset(of: ["pdf-javascript", "pdf-open-action"]))
        #expect(s.findings.first { $0.code == "pdf-javascript" }?.severity == .warning)
        guard case .group(let actions)? = s.metadata["actions"] else { Issue.record("no actions group"); return }
        let kinds = actions.entries.compactMap { e -> MetadataValue? in
            if case .group(let g) = e.value { return g["kind"] } else { return nil }
        }
        #expect(kinds.contains(.string("javascript")) && kinds.contains(.string("uri")))
        #expect(s.metadata[path: "pdf", "javascript"] == .bool(true))
    }

    @Test func obfuscatedJavaScriptName() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PDFFixtures.write(PDFFixtures.javaScriptPDF(nameForJS: "/#4a#53"), "obf.pdf", in: dir)
        let s = try MediaInspector.summarize(path)
        #expect(codes(s).isSuperset(of: ["pdf-javascript", "pdf-obfuscated-names"]))
        #expect(s.metadata[path: "structure", "obfuscated", "/JS"] == .int(1))
    }

    @Test func launchAndEmbeddedFile() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = PDFFixtures.handmade(
            catalogExtra: "/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >> /OpenAction << /S /Launch /F (cmd.exe) >>",
            extraObjects: ["<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
                           "<< /Type /Filespec /F (a.exe) /UF (a.exe) /EF << /F 4 0 R >> /Desc (payload) >>"])
        let path = try PDFFixtures.write(data, "launch.pdf", in: dir)
        let s = try MediaInspector.summarize(path)
        #expect(codes(s).isSuperset(of: ["pdf-launch", "pdf-embedded-file", "pdf-open-action"]))
        #expect(s.metadata[path: "attachments", "1", "name"] == .string("a.exe"))
        #expect(s.metadata[path: "attachments", "1", "description"] == .string("payload"))
    }

    @Test func xmpPacketFields() {
        let raw = """
        <?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
        <x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
         <rdf:Description rdf:about='' xmlns:pdf='http://ns.adobe.com/pdf/1.3/' xmlns:xmp='http://ns.adobe.com/xap/1.0/'
           pdf:Producer='pdfTeX-1.40.24' xmp:CreateDate='2022-11-30T21:32:43Z'>
          <xmp:CreatorTool>LaTeX with hyperref</xmp:CreatorTool>
          <dc:title xmlns:dc='http://purl.org/dc/elements/1.1/'><rdf:Alt><rdf:li xml:lang='x-default'>Figures</rdf:li></rdf:Alt></dc:title>
          <dc:creator xmlns:dc='http://purl.org/dc/elements/1.1/'><rdf:Seq><rdf:li>A</rdf:li><rdf:li>B</rdf:li></rdf:Seq></dc:creator>
          <xmpMM:DocumentID xmlns:xmpMM='http://ns.adobe.com/xap/1.0/mm/'>uuid:1234</xmpMM:DocumentID>
         </rdf:Description></rdf:RDF></x:xmpmeta>
        <?xpacket end='w'?>
        """
        let x = XMPPacket(raw: raw)
        #expect(x.wellFormed)
        #expect(x.value("pdf:Producer") == "pdfTeX-1.40.24")
        #expect(x.value("xmp:CreateDate") == "2022-11-30T21:32:43Z")
        #expect(x.value("xmp:CreatorTool") == "LaTeX with hyperref")
        #expect(x.value("dc:title") == "Figures")
        #expect(x.value("dc:creator") == "A; B")
        #expect(x.value("xmpMM:DocumentID") == "uuid:1234")
        #expect(x.orderedFields.first?.key == "dc:title")
        #expect(!XMPPacket(raw: "<x:xmpmeta><unclosed").wellFormed)
    }
}
