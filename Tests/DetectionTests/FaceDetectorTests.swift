// The dlib bridge on real pictures: the webcam clip's person (160x120, so upsampled once) has a
// face with 68 landmarks inside its box; photo-exif.jpg (a black dog in a wood: dlib's detector is
// for human faces), the ELA sample and the cockatoo video frames have none; a missing predictor is
// a clear error; a tiny image is no face and no crash.
import Evidence
import Foundation
import Media
import Testing
import TestSupport
@testable import Detection

@Suite struct FaceDetectorTests {
    static func webcamFrame(_ index: Int = 0) throws -> RGBImage {
        try VideoReader(path: Samples.path("webcam-face.avi"), cacheCapacity: 1).frame(at: index).image
    }

    @Test func findsTheWebcamFaceWithLandmarksInsideTheBox() throws {
        let image = try Self.webcamFrame()
        let faces = try FaceDetector.shared().detect(in: image)
        #expect(faces.count >= 1)
        let face = try #require(faces.max { $0.width < $1.width })
        #expect(face.landmarks.count == 68)
        #expect(face.width >= 40 && face.height >= 40)
        #expect(face.confidence > 0.5)
        // The face is in the middle of the frame (checked by eye: about x 60, y 25, 60 px wide).
        #expect(face.x > 30 && face.x < 90 && face.y > 5 && face.y < 50)
        // The predictor's points hug the face: allow a margin of a quarter of the box (the jaw line
        // dips a little below dlib's box).
        let mx = face.width / 4, my = face.height / 4
        for p in face.landmarks {
            #expect(p[0] >= face.x - mx && p[0] <= face.x + face.width + mx)
            #expect(p[1] >= face.y - my && p[1] <= face.y + face.height + my)
        }
    }

    @Test func noFacesOnPicturesWithoutPeople() throws {
        for name in ["ela_original.jpg", "photo-exif.jpg"] {
            let image = try ImageDecoder.decode(path: Samples.path(name))
            #expect(try FaceDetector.shared().detect(in: image).isEmpty, "\(name)")
        }
        let reader = try VideoReader(path: Samples.path("cockatoo-720p.mp4"), cacheCapacity: 1)
        var found = 0
        for i in [0, 140, 279] { found += try FaceDetector.shared().detect(in: try reader.frame(at: i).image).count }
        #expect(found == 0)
    }

    @Test func missingPredictorIsAClearError() {
        do {
            _ = try FaceDetector(predictorPath: "/nonexistent/shape_predictor.dat")
            Issue.record("loaded a predictor that does not exist")
        } catch let e as FaceDetectorError {
            #expect(e.kind == .missingModel)
            #expect(e.description.contains("/nonexistent/shape_predictor.dat"))
            #expect(e.description.contains("libdlib-data"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func corruptPredictorIsADlibErrorNotACrash() throws {
        let dir = TempDir()
        let path = dir.write("bad.dat", Array("not a predictor".utf8))
        #expect(throws: FaceDetectorError.self) { try FaceDetector(predictorPath: path) }
    }

    @Test func tinyImageHasNoFaces() throws {
        let tiny = RGBImage(width: 8, height: 8, pixels: seededBytes(count: 8 * 8 * 3, seed: 7))
        #expect(try FaceDetector.shared().detect(in: tiny).isEmpty)
        #expect(try FaceDetector.shared().detect(tiny, upsample: 3).isEmpty)
        #expect(try FaceDetector.shared().detect(RGBImage(width: 0, height: 0), upsample: 0).isEmpty)
    }
}
