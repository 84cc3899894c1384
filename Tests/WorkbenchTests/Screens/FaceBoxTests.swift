// Face boxes over the picture: on the webcam clip's first frame (a sampled frame on which the
// engine found the face) an accent-coloured box with "#1" is drawn inside the picture area, and
// `F` hides it; on a still (a webcam frame saved as JPEG) the box comes from the `face` finding;
// on the dog photo (no human face) there is none.
import Foundation
import Media
import Testing
import TestSupport
@testable import Workbench

@Suite struct FaceBoxTests {
    /// The text of the picture area (box glyphs are not masked, only blocks are).
    func picture(_ h: WorkbenchHarness) throws -> String {
        let area = try #require(h.evidence?.pictureArea)
        var out = ""
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { let c = h.term.cell(x, y); if c.width != 0 { out.unicodeScalars.append(c.scalar) } }
            out += "\n"
        }
        return out
    }

    @Test func videoFrameShowsTheFaceBoxAndFTogglesIt() throws {
        let h = try WorkbenchHarness(open: "webcam-face.avi")
        #expect(h.screen.contains("frame 1/68"))
        let shown = try picture(h)
        #expect(shown.contains("┌") && shown.contains("┘") && shown.contains("#1"), "no face box in\n\(shown)")
        try h.press(.char("F"))
        #expect(h.screen.contains("face boxes hidden"))
        #expect(try !picture(h).contains("┌"))
        try h.press(.char("F"))
        #expect(try picture(h).contains("┌"))
        // Frame 2 was not sampled, so the engine has no faces for it.
        try h.press(.right)
        #expect(try !picture(h).contains("┌"))
    }

    @Test func stillShowsTheBoxOfItsFaceFinding() throws {
        let frame = try VideoReader(path: Samples.path("webcam-face.avi"), cacheCapacity: 1).frame(at: 0).image
        let h = try WorkbenchHarness(open: "webcam-still.jpg", extra: ["webcam-still.jpg": try JPEGCodec.encode(frame, quality: 95)])
        #expect(try picture(h).contains("┌"))
        try h.press(.char("F"))
        #expect(try !picture(h).contains("┌"))
        let dog = try WorkbenchHarness(open: "photo-exif.jpg")
        #expect(try !picture(dog).contains("┌"))
    }
}
