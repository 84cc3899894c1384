// One face as the detector sees it: a box in pixels of the image it was found in, the HOG
// detector's confidence and the 68 landmarks. `FaceTracker` adds the track id that the report's
// `FaceRecord` carries.
import Evidence

/// A face found by `FaceDetector`, in pixels of the image passed to it.
public struct DetectedFace: Sendable, Equatable {
    public var x: Double, y: Double, width: Double, height: Double
    /// The HOG detector's score: 0 is its threshold, higher is surer (a clear frontal face ~1-2).
    public var confidence: Double
    /// 68 points (iBUG 300-W order: jaw 0-16, brows 17-26, nose 27-35, eyes 36-47, mouth 48-67),
    /// each `[x, y]`.
    public var landmarks: [[Double]]

    public init(x: Double, y: Double, width: Double, height: Double, confidence: Double, landmarks: [[Double]] = []) {
        self.x = x; self.y = y; self.width = width; self.height = height; self.confidence = confidence; self.landmarks = landmarks
    }

    /// Intersection over union of the two boxes (0 when they do not overlap).
    public func iou(_ other: DetectedFace) -> Double {
        let ix = max(0, min(x + width, other.x + other.width) - max(x, other.x))
        let iy = max(0, min(y + height, other.y + other.height) - max(y, other.y))
        let inter = ix * iy
        let union = width * height + other.width * other.height - inter
        return union > 0 ? inter / union : 0
    }

    /// The same face in a coordinate system `factor` times larger.
    func scaled(by factor: Double) -> DetectedFace {
        DetectedFace(x: x * factor, y: y * factor, width: width * factor, height: height * factor, confidence: confidence,
                     landmarks: landmarks.map { $0.map { $0 * factor } })
    }

    /// The report's record of this face with a track id.
    public func record(track: Int) -> FaceRecord {
        FaceRecord(x: x, y: y, width: width, height: height, track: track, landmarks: landmarks.isEmpty ? nil : landmarks)
    }
}
