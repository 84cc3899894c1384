// Faces in the engine's report: on the webcam clip's sampled frames (160x120, upsampled once),
// as `face` findings on a still (a webcam frame saved as JPEG), none on the dog photo or on a
// video without people.
import Evidence
import Foundation
import Media
import Testing
import TestSupport
@testable import Detection

@Suite struct FaceEngineTests {
    func analyze(_ name: String) throws -> Report {
        try DetectionEngine().analyze(Samples.path(name), options: EngineOptions()).report
    }

    @Test func webcamReportHasTrackedFacesOnItsSampledFrames() throws {
        let r = try analyze("webcam-face.avi")
        let withFaces = r.frames.filter { !$0.faces.isEmpty }
        #expect(withFaces.count >= 4, "frames with faces: \(r.frames.map { ($0.index, $0.faces.count) })")
        for f in withFaces.flatMap(\.faces) {
            #expect(f.landmarks?.count == 68)
            #expect(f.x >= -20 && f.x + f.width <= 180 && f.y >= -20 && f.y + f.height <= 140)
        }
        // One person: the tracker keeps one id for most of the clip.
        let ids = withFaces.flatMap { $0.faces.map(\.track) }
        #expect(ids.filter { $0 == 1 }.count >= withFaces.count / 2)
    }

    @Test func stillReportHasAFaceFinding() throws {
        let dir = TempDir()
        let path = dir.write("webcam-still.jpg", try JPEGCodec.encode(FaceDetectorTests.webcamFrame(), quality: 95))
        let r = try DetectionEngine().analyze(path).report
        let faces = r.findings.filter { $0.code == "face" }
        #expect(faces.count == 1)
        let box = try #require(DetectionEngine.faceBox(fromLocation: faces.first?.location))
        #expect(box.width > 40 && box.x >= 0 && box.x + box.width <= 170)
        #expect(faces.first?.message.contains("x \(Int(box.x))") == true)
        #expect(r.frames.isEmpty)
        #expect(try !analyze("photo-exif.jpg").findings.contains { $0.code == "face" })
    }

    @Test func videoWithoutPeopleHasNoFaces() throws {
        let r = try analyze("cockatoo-720p.mp4")
        #expect(r.frames.allSatisfy { $0.faces.isEmpty })
    }
}
