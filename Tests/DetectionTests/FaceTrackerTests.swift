// Tracking: one id for one face moving slightly across crops of the same webcam frame (the detector runs
// on each crop, boxes mapped back to photo coordinates); new faces get new ids; ids of unmatched
// tracks are not reused.
import Evidence
import Foundation
import Media
import Testing
import TestSupport
@testable import Detection

@Suite struct FaceTrackerTests {
    /// A `w`x`h` crop of `image` at (`x`, `y`).
    func crop(_ image: RGBImage, x: Int, y: Int, w: Int, h: Int) -> RGBImage {
        var out = [UInt8](); out.reserveCapacity(w * h * 3)
        for row in y..<(y + h) { out += image.pixels[((row * image.width + x) * 3)..<((row * image.width + x + w) * 3)] }
        return RGBImage(width: w, height: h, pixels: out)
    }

    @Test func oneIdForAFaceMovingSlightlyAcrossCrops() throws {
        let photo = try FaceDetectorTests.webcamFrame()
        // The crop window slides right and down by 3 and 2 px a step, so the face slides left and
        // up inside the crops: that is the motion the tracker sees.
        var frames: [[DetectedFace]] = []
        for step in 0..<5 {
            let faces = try FaceDetector.shared().detect(in: crop(photo, x: 3 * step, y: 2 * step, w: 144, h: 108))
            frames.append(faces)
        }
        try #require(frames.allSatisfy { !$0.isEmpty })
        let tracked = FaceTracker.track(frames)
        #expect(tracked.allSatisfy { $0.map(\.track) == [1] }, "ids per frame \(tracked.map { $0.map(\.track) })")
        // The boxes really moved (left and up, by the crop offsets).
        #expect(tracked[4][0].x < tracked[0][0].x)
    }

    @Test func newFacesGetNewIdsAndIdsAreNotReused() {
        let a = DetectedFace(x: 10, y: 10, width: 50, height: 50, confidence: 1)
        let b = DetectedFace(x: 200, y: 10, width: 50, height: 50, confidence: 1)
        var t = FaceTracker(maxMissed: 0)
        #expect(t.update([a]) == [1])
        #expect(t.update([b, DetectedFace(x: 14, y: 12, width: 50, height: 50, confidence: 1)]) == [2, 1])
        #expect(t.update([]) == [])
        #expect(t.update([a]) == [3])
    }

    @Test func greedyMatchingPrefersTheBestOverlap() {
        var t = FaceTracker()
        _ = t.update([DetectedFace(x: 0, y: 0, width: 100, height: 100, confidence: 1),
                      DetectedFace(x: 60, y: 0, width: 100, height: 100, confidence: 1)])
        let ids = t.update([DetectedFace(x: 58, y: 0, width: 100, height: 100, confidence: 1),
                            DetectedFace(x: 4, y: 0, width: 100, height: 100, confidence: 1)])
        #expect(ids == [2, 1])
    }
}
