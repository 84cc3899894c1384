// Track ids for faces across the sampled frames of a video: each new frame's faces are matched
// greedily to the live tracks by box overlap (IoU, best pair first), and a face that matches none
// starts a new track. Sampled frames can be far apart (8 spread over a clip), so a track survives
// a few frames without a match and the overlap needed is modest.
import Evidence

/// Greedy IoU tracker with stable ids 1, 2, 3, ... in order of first appearance.
public struct FaceTracker: Sendable {
    /// Least IoU for a face to continue a track.
    public var minIoU: Double
    /// Frames a track may go unmatched before its id is retired.
    public var maxMissed: Int

    private struct Track: Sendable { var id: Int; var last: DetectedFace; var missed: Int }
    private var tracks: [Track] = []
    private var nextID = 1

    public init(minIoU: Double = 0.2, maxMissed: Int = 2) {
        self.minIoU = minIoU; self.maxMissed = maxMissed
    }

    /// Track ids for `faces` (the next frame's detections), in the same order.
    public mutating func update(_ faces: [DetectedFace]) -> [Int] {
        var pairs: [(iou: Double, track: Int, face: Int)] = []
        for (t, track) in tracks.enumerated() {
            for (f, face) in faces.enumerated() {
                let v = track.last.iou(face)
                if v >= minIoU { pairs.append((v, t, f)) }
            }
        }
        pairs.sort { $0.iou > $1.iou }
        var ids = [Int?](repeating: nil, count: faces.count)
        var usedTracks = Set<Int>()
        for p in pairs where ids[p.face] == nil && !usedTracks.contains(p.track) {
            ids[p.face] = tracks[p.track].id
            usedTracks.insert(p.track)
            tracks[p.track].last = faces[p.face]
            tracks[p.track].missed = 0
        }
        for t in tracks.indices where !usedTracks.contains(t) { tracks[t].missed += 1 }
        tracks.removeAll { $0.missed > maxMissed }
        return faces.indices.map { f in
            if let id = ids[f] { return id }
            let id = nextID
            nextID += 1
            tracks.append(Track(id: id, last: faces[f], missed: 0))
            return id
        }
    }

    /// Tracks a whole sequence: the report's records (box, landmarks, track id) per frame.
    public static func track(_ frames: [[DetectedFace]], minIoU: Double = 0.2) -> [[FaceRecord]] {
        var tracker = FaceTracker(minIoU: minIoU)
        return frames.map { faces in zip(faces, tracker.update(faces)).map { $0.record(track: $1) } }
    }
}
