// The frame index of a video stream: the presentation timestamp of every frame, sorted, and which
// frames are keyframes. Built by demuxing packets only (no decoding), like
// `ffprobe -count_packets`, so the frame count is exact and any frame can be found by seeking to
// the keyframe before it. About 8 bytes per frame: an hour of 60 fps video is under 2 MB.
//
// Packets the demuxer marks as discarded (trimmed by an edit list) are not frames anyone sees and
// are left out. When some packets carry no timestamp at all, or two share one, the index is
// `ordered` only: frame i is the i-th frame decoded from the start, and seeking means rewinding.
import CFFmpeg

struct VideoFrameIndex {
    /// Presentation timestamps in the stream's time base, ascending.
    private(set) var pts: [Int64] = []
    /// Indices (into `pts`) of keyframes, ascending.
    private(set) var keyframes: [Int] = []
    /// False when timestamps cannot identify frames (missing or duplicated).
    private(set) var timestamped = true
    /// Why the scan stopped early, when it did (a truncated file).
    private(set) var scanError: MediaError?
    /// The stream's first packet, kept to prime the decoder after a seek (see VideoReader+Decoding).
    private(set) var firstPacket: FFmpegPacket?

    var count: Int { pts.count }

    /// Reads every packet of `stream` (`av_read_frame`), keeping timestamps and key flags.
    init(format: FFmpegFormat, stream: Int) throws {
        format.discardAll(except: stream)
        let packet = FFmpegPacket()
        var entries: [(ts: Int64, key: Bool)] = []
        var last: Int64 = -1
        while try format.read(into: packet) {
            guard packet.streamIndex == stream, !packet.isDiscarded else { continue }
            if firstPacket == nil { firstPacket = packet.copy() }
            if let ts = packet.timestamp { entries.append((ts, packet.isKeyframe)); last = ts }
            else { timestamped = false; last += 1; entries.append((last, packet.isKeyframe)) }
        }
        scanError = format.readError
        if timestamped { entries.sort { $0.ts < $1.ts } }
        pts.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() {
            if i > 0 && e.ts == pts[i - 1] { timestamped = false }
            pts.append(e.ts)
            if e.key { keyframes.append(i) }
        }
        // A stream whose first frame is not flagged still starts decoding at frame 0.
        if keyframes.first != 0 && !pts.isEmpty { keyframes.insert(0, at: 0) }
    }

    /// The keyframe at or before frame `i`.
    func keyframe(atOrBefore i: Int) -> Int {
        guard timestamped else { return 0 }
        var lo = 0, hi = keyframes.count - 1, best = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if keyframes[mid] <= i { best = keyframes[mid]; lo = mid + 1 } else { hi = mid - 1 }
        }
        return best
    }

    /// The keyframe strictly before keyframe `k`, nil at the first.
    func keyframe(before k: Int) -> Int? {
        k > 0 ? keyframe(atOrBefore: k - 1) : nil
    }

    func isKeyframe(_ i: Int) -> Bool {
        var lo = 0, hi = keyframes.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if keyframes[mid] == i { return true }
            if keyframes[mid] < i { lo = mid + 1 } else { hi = mid - 1 }
        }
        return false
    }

    /// The last frame whose timestamp is at or before `ts` (0 when `ts` is before the first).
    func frame(atOrBefore ts: Int64) -> Int {
        var lo = 0, hi = pts.count - 1, best = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if pts[mid] <= ts { best = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return best
    }
}
