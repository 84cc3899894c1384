// The evidence screen on a real photo (samples/photo-exif.jpg): the first screen, and the
// evidence-layer key cycling a branch's map over the picture and back to the picture alone
// (with a stand-in branch, since no registered branch makes maps yet).
import Detection
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct ImageScreenTests {
    @Test func photoWithVerdictBranchesAndFindings() throws {
        let h = try WorkbenchHarness(open: "photo-exif.jpg")
        h.expectSnapshot("image-photo")
        let s = h.screen
        #expect(s.contains("photo-exif.jpg — image · jpeg"))
        #expect(s.contains("Verdict") && s.contains("Branches") && s.contains("Findings"))
        #expect(s.contains("analysis finished in # ms"))
    }

    @Test func layerKeyTogglesTheEvidenceMap() throws {
        let h = try WorkbenchHarness(open: "photo-exif.jpg")
        let plain = h.pictureColors()
        try h.press(.char("v"))
        h.expectSnapshot("image-layer-on")
        #expect(h.screen.contains("evidence map: forensic/ela"))
        #expect(h.screen.contains("· forensic/ela 50%"))
        let layered = h.pictureColors()
        #expect(zip(plain, layered).filter { $0 != $1 }.count > plain.count / 2, "the map tints the picture")
        try h.press(.char("o"))
        #expect(h.screen.contains("map opacity 75%") && h.screen.contains("forensic/ela 75%"))
        // Every map in turn, then back to the picture alone.
        var presses = 0
        repeat { try h.press(.char("v")); presses += 1 } while !h.screen.contains("picture only") && presses < 30
        #expect(h.screen.contains("picture only") && !h.screen.contains("forensic/ela"))
        #expect(h.pictureColors() == plain)
    }
}
