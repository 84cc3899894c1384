// Which frames of a video a report shows: the sampled frames the branches scored highest (each
// frame ranked by its highest branch score), in time order; the middle sampled frame when no
// branch scored frames.
import Evidence

enum KeyFrames {
    static func select(_ report: Report, count: Int) -> [FrameRecord] {
        let frames = report.frames
        guard !frames.isEmpty, count > 0 else { return [] }
        let scored = frames.filter { !$0.scores.isEmpty }
        guard !scored.isEmpty else { return [frames[frames.count / 2]] }
        let top = scored.sorted { a, b in
            let sa = a.scores.values.max() ?? 0, sb = b.scores.values.max() ?? 0
            return sa != sb ? sa > sb : a.index < b.index
        }.prefix(count)
        return top.sorted { $0.index < $1.index }
    }
}
