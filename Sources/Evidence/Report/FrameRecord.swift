// One sampled video frame in a report: when it is, the faces found on it, and what each
// frame-level branch scored it.

/// A face on a frame: box in pixels of the frame, optional 68-point landmarks, and a track id
/// that stays the same for one person across frames.
public struct FaceRecord: Codable, Sendable, Equatable {
    public var x: Double, y: Double, width: Double, height: Double
    public var track: Int
    public var landmarks: [[Double]]?
    public init(x: Double, y: Double, width: Double, height: Double, track: Int, landmarks: [[Double]]? = nil) {
        self.x = x; self.y = y; self.width = width; self.height = height; self.track = track; self.landmarks = landmarks
    }
}

/// A sampled frame.
public struct FrameRecord: Codable, Sendable, Equatable {
    public var index: Int
    public var time: Double
    public var keyframe: Bool
    public var faces: [FaceRecord]
    /// Branch id -> score on this frame.
    public var scores: [String: Double]
    public init(index: Int, time: Double, keyframe: Bool, faces: [FaceRecord] = [], scores: [String: Double] = [:]) {
        self.index = index; self.time = time; self.keyframe = keyframe; self.faces = faces; self.scores = scores
    }
}
