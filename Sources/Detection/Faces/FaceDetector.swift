// Face detection and landmarks over the CDlib bridge (dlib's HOG frontal face detector and the
// 68-point shape predictor). The predictor (~100 MB) is loaded once per process and shared like
// the models (`FaceDetector.shared()`); calls on one detector are serialised by a lock because
// dlib's detector keeps scratch buffers. `detect(in:)` rescales first so that a scan stays fast:
// big frames are shrunk (HOG finds faces from ~80 px, so a 4000 px photo wastes time) and small
// ones (a 160x120 webcam) are upsampled once.
import CDlib
import Foundation
import Media

/// Owns a dlib detector handle. Thread-safe (one call at a time per instance).
public final class FaceDetector: @unchecked Sendable {
    /// Debian's libdlib-data copy of the 68-point predictor (CC0).
    public static let defaultPredictorPath = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat"
    /// `detect(in:)` shrinks images whose longer side is above this.
    public static let maxSide = 800
    /// `detect(in:)` upsamples once images whose longer side is below this.
    public static let upsampleBelow = 400

    private let handle: OpaquePointer
    private let lock = NSLock()

    /// Loads the shape predictor (`cdlib_detector_create`).
    public init(predictorPath: String = FaceDetector.defaultPredictorPath) throws {
        var status = cdlib_status()
        var out: OpaquePointer?
        try Self.check(cdlib_detector_create(predictorPath, &out, &status), status)
        guard let out else { throw FaceDetectorError(kind: .dlib, message: "no detector returned") }
        handle = out
    }

    deinit { cdlib_detector_destroy(handle) }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var sharedResult: Result<FaceDetector, Error>?

    /// The process-wide detector on the default predictor, loaded on first use (a failure to
    /// load is remembered and rethrown).
    public static func shared() throws -> FaceDetector {
        sharedLock.lock(); defer { sharedLock.unlock() }
        if let r = sharedResult { return try r.get() }
        let r = Result { try FaceDetector() }
        sharedResult = r
        return try r.get()
    }

    /// Faces in `image` at its own scale, after `upsample` doublings (0...3) inside dlib
    /// (`cdlib_detect`). Boxes and landmarks are in pixels of `image`.
    public func detect(_ image: RGBImage, upsample: Int) throws -> [DetectedFace] {
        precondition((0...3).contains(upsample), "FaceDetector: upsample \(upsample) is outside 0...3")
        guard image.width > 0, image.height > 0 else { return [] }
        var status = cdlib_status()
        var faces: UnsafeMutablePointer<cdlib_face>?
        var count: Int32 = 0
        let rc = image.pixels.withUnsafeBufferPointer { p in
            lock.lock(); defer { lock.unlock() }
            return cdlib_detect(handle, p.baseAddress, Int32(image.width), Int32(image.height), Int32(image.width * 3),
                                Int32(upsample), &faces, &count, &status)
        }
        defer { cdlib_faces_free(faces) }
        try Self.check(rc, status)
        guard let faces else { return [] }
        return (0..<Int(count)).map { i in
            var f = faces[i]
            let points: [[Double]] = withUnsafeBytes(of: &f.landmarks) { raw in
                let v = raw.bindMemory(to: Float.self)
                return (0..<Int(CDLIB_LANDMARKS)).map { [Double(v[2 * $0]), Double(v[2 * $0 + 1])] }
            }
            return DetectedFace(x: f.x, y: f.y, width: f.width, height: f.height, confidence: f.confidence, landmarks: points)
        }
    }

    /// Faces in `image` with the scan's scaling: longer side shrunk to at most `maxSide`, or
    /// upsampled once when under `upsampleBelow`. Boxes are in pixels of `image`.
    public func detect(in image: RGBImage) throws -> [DetectedFace] {
        let side = max(image.width, image.height)
        guard side >= 8 else { return [] }
        if side > Self.maxSide {
            let factor = (side + Self.maxSide - 1) / Self.maxSide
            let small = Self.shrink(image, by: factor)
            return try detect(small, upsample: 0).map { $0.scaled(by: Double(image.width) / Double(small.width)) }
        }
        return try detect(image, upsample: side < Self.upsampleBelow ? 1 : 0)
    }

    /// Box-filter shrink by an integer factor (the mean of each `factor`x`factor` block).
    static func shrink(_ image: RGBImage, by factor: Int) -> RGBImage {
        let w = image.width / factor, h = image.height / factor
        var out = [UInt8](repeating: 0, count: w * h * 3)
        let n = factor * factor
        image.pixels.withUnsafeBufferPointer { src in
            for y in 0..<h {
                for x in 0..<w {
                    var r = 0, g = 0, b = 0
                    for dy in 0..<factor {
                        var i = ((y * factor + dy) * image.width + x * factor) * 3
                        for _ in 0..<factor { r += Int(src[i]); g += Int(src[i + 1]); b += Int(src[i + 2]); i += 3 }
                    }
                    let o = (y * w + x) * 3
                    out[o] = UInt8(r / n); out[o + 1] = UInt8(g / n); out[o + 2] = UInt8(b / n)
                }
            }
        }
        return RGBImage(width: w, height: h, pixels: out)
    }

    /// Turns a cdlib return code into a `FaceDetectorError`.
    static func check(_ rc: Int32, _ status: cdlib_status) throws {
        guard rc != CDLIB_OK else { return }
        var s = status
        let message = withUnsafeBytes(of: &s.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch rc {
        case CDLIB_ERR_MISSING_MODEL: throw FaceDetectorError(kind: .missingModel, message: message)
        case CDLIB_ERR_ARGUMENT: throw FaceDetectorError(kind: .argument, message: message)
        default: throw FaceDetectorError(kind: .dlib, message: message)
        }
    }
}
