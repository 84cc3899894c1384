// Comparing two frames of a video and two maps of one picture, as an analyst would: mark a frame,
// go to another, compare; or open the picture twice with a different evidence map on each side.
import Testing
import TestSupport
@testable import Workbench

@Suite struct SideBySideTests {
    @Test func markedFrameBesideTheCurrentOneWithTheirScores() throws {
        let h = try WorkbenchHarness(open: "webcam-face.avi")
        try h.press(.char("C"))
        #expect(h.screen.contains("mark a frame with M first"))
        try h.press(.char("M"))
        #expect(h.screen.contains("marked frame 1"))
        try h.press(.char(":")); try h.type("39"); try h.press(.enter)   // frame index 38: sampled
        try h.press(.char("C"))
        #expect(h.app.top is SideBySideScreen)
        #expect(h.screen.contains("frame 1 · picture only") && h.screen.contains("frame 39 · picture only"))
        #expect(h.screen.contains("forensic"), "both frames were scored by the forensic branch")
        try h.press(.char("]"))
        #expect(h.screen.contains("frame 1 · forensic/"))
        try h.press(.escape)
        #expect(h.app.top is EvidenceScreen)
        #expect(h.screen.contains("frame 39/68"), "comparing does not move the position")
    }

    @Test func onePictureWithTwoMaps() throws {
        let h = try WorkbenchHarness(open: "photo-exif.jpg")
        try h.press(.char("L"))
        #expect(h.app.top is SideBySideScreen)
        #expect(h.screen.contains("photo-exif.jpg · forensic/ela") && h.screen.contains("photo-exif.jpg · forensic/noise"))
        try h.press(.char("}"))
        #expect(h.app.top is SideBySideScreen)
    }
}
