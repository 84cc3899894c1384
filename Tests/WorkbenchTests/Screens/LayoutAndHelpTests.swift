// The evidence screen re-laid out when the terminal is resized (100x30 and 200x60), and the help
// screen (`?`) listing the keys of the screen under it, generated from its bindings.
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct LayoutAndHelpTests {
    @Test func resizeRelaysOutTheEvidenceScreen() throws {
        let h = try WorkbenchHarness(open: "webcam-face.avi")
        let before = try #require(h.evidence?.pictureArea)
        h.term.resize(width: 100, height: 30)
        try h.settle()
        h.expectSnapshot("video-100x30")
        let small = try #require(h.evidence?.pictureArea)
        #expect(small.maxX < 100 && small.maxY < 30 && small.width < before.width)
        #expect(h.term.snapshot().count == 30 && h.term.snapshot()[0].hasSuffix("? help"))
        #expect(h.screen.contains("frame 1/68") && h.screen.contains("Verdict"))
        h.term.resize(width: 200, height: 60)
        try h.settle()
        h.expectSnapshot("video-200x60")
        let large = try #require(h.evidence?.pictureArea)
        #expect(large.width > before.width && large.maxY < 60)
        #expect(h.screen.split(separator: "\n").allSatisfy { $0.count <= 200 })
    }

    @Test func helpListsTheVideoScreensKeys() throws {
        let h = try WorkbenchHarness(open: "webcam-face.avi")
        try h.press(.char("?"))
        h.expectSnapshot("help-video")
        let s = h.screen
        #expect(h.app.top is HelpScreen)
        for line in ["Next frame", "Go to a frame number or a time", "Show the next evidence map", "Show the metadata tree",
                     "Tag the file", "Export the report", "Quit DeepScan"] {
            #expect(s.contains(line), "help lacks \(line)")
        }
        try h.press(.escape)
        #expect(h.app.top is EvidenceScreen)
    }

    @Test func helpListsTheBrowsersKeys() throws {
        let h = try WorkbenchHarness()
        try h.press(.char("?"))
        #expect(h.screen.contains("Show videos only") && h.screen.contains("Go to the parent folder"))
    }
}
