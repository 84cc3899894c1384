// The evidence screen on real audio and PDFs: the spectrogram of samples/speech-8k.wav and `f`
// switching its frequency axis to mel, and PDF pages of samples/l3prefixes.pdf stepped with the
// arrow keys and the go-to prompt, with the revisions strip of samples/ltnews18-edited.pdf.
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct AudioPDFScreenTests {
    @Test func spectrogramLinearAndMel() throws {
        let h = try WorkbenchHarness(open: "speech-8k.wav")
        h.expectSnapshot("audio-linear")
        #expect(h.screen.contains("0.00 / ") && h.screen.contains("linear"))
        // The spectrogram fills its pane (it used to be fitted with its aspect ratio: one row).
        let area = try #require(h.evidence?.pictureArea)
        let rows = h.screen.split(separator: "\n", omittingEmptySubsequences: false)[area.y..<area.maxY]
        #expect(rows.filter { $0.contains("····") }.count == area.height)
        let linear = h.pictureColors()
        try h.press(.char("f"))
        h.expectSnapshot("audio-mel")
        #expect(h.screen.contains("mel frequency axis") && h.screen.contains("· mel"))
        #expect(h.pictureColors() != linear)
        try h.press(.right, .right)
        #expect(h.screen.contains("1.00 / "))
        try h.press(.char("f"))
        #expect(h.screen.contains("· linear"))
    }

    @Test func pdfPagesStep() throws {
        let h = try WorkbenchHarness(open: "l3prefixes.pdf")
        h.expectSnapshot("pdf-l3prefixes-page-1")
        let pages = try #require(h.screen.firstMatch(of: /page 1\/(\d+)/).map { Int($0.1)! })
        #expect(pages > 1)
        let first = h.pictureColors()
        try h.press(.right)
        #expect(h.screen.contains("page 2/\(pages)"))
        #expect(h.pictureColors() != first)
        try h.press(.left, .left)
        #expect(h.screen.contains("page 1/\(pages)") && h.pictureColors() == first)
        try h.press(.end)
        #expect(h.screen.contains("page \(pages)/\(pages)"))
        try h.press(.char(":")); try h.type("2"); try h.press(.enter)
        #expect(h.screen.contains("page 2/\(pages)"))
    }

    @Test func editedPdfShowsItsRevisions() throws {
        let h = try WorkbenchHarness(open: "ltnews18-edited.pdf")
        h.expectSnapshot("pdf-ltnews18-edited")
        #expect(h.screen.contains("page 1/"))
        #expect(h.screen.contains("2 revisions") || h.screen.contains("revisions"))
    }
}
