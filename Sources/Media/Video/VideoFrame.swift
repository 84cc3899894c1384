// One decoded video frame as the workbench and the detection branches see it: where it is in
// the video (index and time), whether it is a keyframe (a forensic hint: re-encoders move them),
// and its pixels.

/// A decoded frame of a video.
public struct VideoFrame: Sendable, Equatable {
    /// Position in presentation order, 0-based (0 ..< `VideoReader.frameCount`).
    public let index: Int
    /// Presentation time in seconds from the first frame of the video stream.
    public let pts: Double
    /// True when the container marks the frame's packet as a keyframe (a seek point).
    public let isKeyframe: Bool
    /// The pixels, at the reader's `outputSize` or the video's own size.
    public let image: RGBImage

    public init(index: Int, pts: Double, isKeyframe: Bool, image: RGBImage) {
        self.index = index; self.pts = pts; self.isKeyframe = isKeyframe; self.image = image
    }
}
