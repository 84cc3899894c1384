// The few most recently returned frames, so stepping back a frame or two in the workbench does not
// seek and decode a GOP again. Least recently used goes first; a handful of frames, so a linear
// scan is the fastest structure.

struct VideoFrameCache {
    let capacity: Int
    /// Most recent last.
    private var frames: [VideoFrame] = []

    init(capacity: Int) { self.capacity = max(0, capacity) }

    mutating func get(_ index: Int) -> VideoFrame? {
        guard let i = frames.firstIndex(where: { $0.index == index }) else { return nil }
        let f = frames.remove(at: i)
        frames.append(f)
        return f
    }

    mutating func put(_ frame: VideoFrame) {
        guard capacity > 0 else { return }
        frames.removeAll { $0.index == frame.index }
        if frames.count == capacity { frames.removeFirst() }
        frames.append(frame)
    }

    mutating func removeAll() { frames.removeAll() }
}
