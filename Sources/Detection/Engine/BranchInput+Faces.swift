// Faces for the branches and the report, shared as "faces": detected once on what the engine
// already decoded (the sampled video frames, or the image) with the process-wide FaceDetector,
// and tracked across frames. Only spread sampling (frames kept in memory) gets faces, so a
// frame-by-frame scan of a long video is not slowed by detection on every frame.
import Evidence
import Foundation
import Media

/// Faces on the sampled frames, by frame index.
public struct SampledFaces: Sendable, Equatable {
    /// Frame index -> faces on it (empty arrays for frames without faces).
    public var byFrame: [Int: [FaceRecord]]
    /// Milliseconds spent detecting, in total.
    public var detectMs: Double
}

extension BranchInput {
    /// Faces on the sampled video frames (tracked) or on the image (track ids 1...), shared.
    /// Empty for other media and for sampling that streams frames.
    public func faces() throws -> SampledFaces {
        try shared("faces", countsAsDecode: false) {
            let detector = try FaceDetector.shared()
            let clock = ContinuousClock(), start = clock.now
            var found: [(Int, [DetectedFace])] = []
            switch summary.media {
            case .video:
                guard try sampleIndices().count <= Self.maxSharedFrames else { break }
                for frame in try sampledFrames() {
                    try checkCancelled()
                    found.append((frame.index, try detector.detect(in: frame.image)))
                }
            case .image:
                let image: RGBImage = try shared("image") { try ImageDecoder.decode(path: path, options: options.media) }
                found.append((0, try detector.detect(in: image)))
            default: break
            }
            let tracked = FaceTracker.track(found.map(\.1))
            let byFrame = Dictionary(uniqueKeysWithValues: zip(found.map(\.0), tracked))
            return SampledFaces(byFrame: byFrame, detectMs: (clock.now - start).milliseconds)
        }
    }
}
