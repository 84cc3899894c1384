// PDFDocument against the real samples and pdfinfo: page counts, version, Info fields, rendering
// at 72 dpi, text, fonts, and the password errors of a qpdf-encrypted copy. Also what poppler
// says about hand-made files with JavaScript and links.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct PDFDocumentTests {
    @Test(arguments: ["ltnews18.pdf", "ltnews18-edited.pdf", "l3prefixes.pdf"])
    func agreesWithPdfinfo(sample: String) throws {
        let path = Samples.path(sample)
        let doc = try PDFDocument(path: path)
        let info = try PDFFixtures.pdfinfo(path)
        #expect(String(doc.pageCount) == info["Pages"])
        #expect(doc.version == info["PDF version"])
        #expect((doc.info.title ?? "") == (info["Title"] ?? ""))
        #expect((doc.info.author ?? "") == (info["Author"] ?? ""))
        #expect(doc.info.creator == info["Creator"])
        #expect(doc.info.producer == info["Producer"])
        #expect(doc.isLinearized == (info["Optimized"] == "yes"))
    }

    @Test func pageCountsAndInfoOfSamples() throws {
        #expect(try PDFDocument(path: Samples.path("ltnews18.pdf")).pageCount == 1)
        #expect(try PDFDocument(path: Samples.path("l3prefixes.pdf")).pageCount == 7)
        let edited = try PDFDocument(path: Samples.path("ltnews18-edited.pdf"))
        #expect(edited.info.author == "J. Doe")
        #expect(edited.info.title == "Quarterly figures (revised)")
        #expect(edited.info.creationDate == "2022-11-30T21:32:43Z")
        #expect(edited.xmp?.contains("Someone Else") == true)
        #expect(edited.permissions.count == 8)
    }

    @Test func rendersFirstPageAt72dpi() throws {
        let doc = try PDFDocument(path: Samples.path("ltnews18.pdf"))
        let size = try doc.pageSize(page: 1)
        #expect(size.width == 612 && size.height == 792)
        let image = try doc.render(page: 1, dpi: 72)
        #expect(image.width == 612 && image.height == 792)
        let luma = image.luma()
        let dark = luma.filter { $0 < 100 }.count
        #expect(dark > 1000, "text should be dark on white")
        #expect(luma[0] > 250, "the corner is white paper")
        // Twice the dpi, twice the size.
        let big = try doc.render(page: 1, dpi: 144)
        #expect(big.width == 1224 && big.height == 1584)
    }

    @Test func pixelLimitIsCheckedBeforeRendering() throws {
        let doc = try PDFDocument(path: Samples.path("ltnews18.pdf"), pixelLimit: 100_000)
        #expect(throws: MediaError.tooManyPixels(path: doc.path, width: 612, height: 792, limit: 100_000)) {
            try doc.render(page: 1, dpi: 72)
        }
        #expect(throws: MediaError.pageOutOfRange(page: 2, count: 1)) { try doc.render(page: 2) }
        #expect(throws: MediaError.pageOutOfRange(page: 0, count: 1)) { try doc.text(page: 0) }
    }

    @Test func textAndFonts() throws {
        let doc = try PDFDocument(path: Samples.path("ltnews18.pdf"))
        #expect(try doc.text(page: 1).contains("This news never existed."))
        let fonts = doc.fonts()
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.embedded })
        let pdffonts = try PDFFixtures.run("pdffonts", [Samples.path("ltnews18.pdf")]).output
        #expect(pdffonts.split(separator: "\n").count - 2 == fonts.count)
    }

    @Test func encryptedCopyNeedsTheRightPassword() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PDFFixtures.qpdf("ltnews18.pdf", ["--encrypt", "user", "owner", "256", "--"], to: "enc.pdf", in: dir)
        #expect(throws: MediaError.passwordRequired(path: path)) { try PDFDocument(path: path) }
        #expect(throws: MediaError.wrongPassword(path: path)) { try PDFDocument(path: path, password: "nope") }
        let doc = try PDFDocument(path: path, password: "user")
        #expect(doc.pageCount == 1)
        #expect(try doc.render(page: 1).width == 612)
        #expect(try PDFDocument(path: path, password: "owner").pageCount == 1)
    }

    @Test func javaScriptAndLinks() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PDFFixtures.write(PDFFixtures.javaScriptPDF(), "js.pdf", in: dir)
        let doc = try PDFDocument(path: path)
        #expect(doc.hasJavaScript)
        let links = try doc.links(page: 1)
        #expect(links.contains(PDFDocument.Action(kind: .javascript, target: "this.print();", page: 1, origin: "link")))
        #expect(links.contains(PDFDocument.Action(kind: .uri, target: "https://example.com/x", page: 1, origin: "link")))
        #expect(doc.actions().count == 2)
        #expect(doc.attachments().isEmpty && doc.formFields().isEmpty)
    }
}
