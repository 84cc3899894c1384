// The `lipsync` detection branch (classical, no learned model): does the mouth move with the
// voice? Over the first 10 s of a video (all of it if shorter) it detects the face on every frame
// (a private, sequential VideoReader; big frames scaled to at most 480 px), measures the inner-lip
// opening from the 68 landmarks of the largest face track (over its median box height), and
// takes the audio's RMS over each frame's time span (16 kHz), placed on the video's clock by the
// streams' start times (so a track shifted with `-itsoffset` is seen as shifted). The normalised cross-correlation of the two for offsets of -0.5 to
// +0.5 s (in frame steps) gives the offset where they agree best. A dubbed or re-timed track, or
// a face re-rendered onto other speech, tends to agree best away from 0.
//
// The score rule (LipSyncSignal.score) is hand-set and UNCALIBRATED: it has not been fitted on
// data, which is why models/fusion.json gives this branch weight 0 (evidence, no vote). It stays
// at 0.1 unless the best correlation clears what chance reaches for the number of frames
// (LipSyncSignal.weakBar: 0.36 for the 68-frame webcam sample) and lies beyond ±0.1 s.
import Evidence
import Foundation
import Media

/// Mouth movement against the speech envelope.
public struct LipSyncBranch: Branch {
    public let id = "lipsync"
    public let title = "Lip sync"
    public let media: Set<MediaKind> = [.video]
    public let models: [String] = []
    /// Seconds analysed from the start.
    public var window: Double = 10
    /// Largest offset tried either way, seconds.
    public var maxOffset: Double = 0.5

    public init() {}

    /// What the video side gives: the mouth opening per frame (nil without a face), the frames'
    /// times and the end of the analysed window, in seconds.
    public struct MouthSeries: Sendable {
        public var mouth: [Double?]
        public var times: [Double]
        public var end: Double
        public var fps: Double
    }

    public func analyze(_ input: BranchInput) throws -> BranchOutput {
        try input.checkCancelled()
        guard input.summary.hasAudio ?? true else { return .notApplicable(id, "no audio track") }
        // The engine's faces on the sampled frames (spread over the whole video) come first: when
        // none of them shows a face, scanning every frame of the window for one is not worth it.
        if let sampled = try? input.faces(), !sampled.byFrame.isEmpty, sampled.byFrame.values.allSatisfy(\.isEmpty) {
            return .notApplicable(id, "no face on any of the \(sampled.byFrame.count) sampled frames")
        }
        let video = try mouthSeries(path: input.path, options: input.options.media, cancellation: input.cancellation)
        if video.hasAudio == false { return .notApplicable(id, "no audio track") }
        guard !video.series.times.isEmpty else { return .notApplicable(id, "no video frames") }
        let s = video.series
        let withFace = s.mouth.compactMap { $0 }.count
        guard withFace > 0 else {
            return .notApplicable(id, String(format: "no face found in the first %.1f s of video", s.end))
        }
        let lead = Self.audioStartOffset(input.summary.metadata)
        let audio: AudioClip
        do {
            var media = input.options.media
            media.audioSampleRate = 16_000
            audio = try AudioDecoder.decode(path: input.path, options: media, range: 0...max(0.05, s.end - lead))
        } catch MediaError.noAudioStream(_) {
            return .notApplicable(id, "no audio track")
        }
        // Frame times on the audio's own clock (it starts `lead` s after the video).
        let env = LipSyncSignal.envelope(audio.samples, sampleRate: audio.sampleRate, times: s.times.map { $0 - lead }, end: s.end - lead)
        let step = s.times.count > 1 ? (s.times.last! - s.times.first!) / Double(s.times.count - 1) : 1 / s.fps
        let maxLag = max(1, Int((maxOffset / step + 1e-6).rounded(.down)))
        let curve = LipSyncSignal.crossCorrelation(mouth: s.mouth, audio: env, maxLag: maxLag)
        var out = result(curve: curve, step: step, withFace: withFace, frames: s.times.count)
        out.measurements["audio_start_offset_s"] = (lead * 1000).rounded() / 1000
        return BranchOutput(result: out)
    }

    /// Seconds the first audio stream starts after the first video stream (the streams'
    /// `start_time` in the summary's metadata; 0 when either is missing).
    static func audioStartOffset(_ metadata: MetadataGroup) -> Double {
        guard case .list(let streams)? = metadata["streams"] else { return 0 }
        func start(_ type: String) -> Double? {
            for case .group(let g) in streams where g["type"] == .string(type) {
                switch g["start_time"] {
                case .double(let d)?: return d
                case .int(let i)?: return Double(i)
                default: return nil
                }
            }
            return nil
        }
        guard let a = start("audio"), let v = start("video") else { return 0 }
        return a - v
    }

    /// Detects the face on every frame of the window (sequentially, frames scaled to at most
    /// 480 px) and measures the mouth of the largest track. `hasAudio` is the reader's answer.
    public func mouthSeries(path: String, options: MediaOptions = .default, cancellation: Cancellation = Cancellation()) throws
        -> (series: MouthSeries, hasAudio: Bool) {
        let reader = try VideoReader(path: path, options: options, cacheCapacity: 1)
        let side = max(reader.width, reader.height)
        if side > 480 {
            let f = 480.0 / Double(side)
            reader.outputSize = (Int(Double(reader.width) * f) / 2 * 2, Int(Double(reader.height) * f) / 2 * 2)
        }
        let end = min(window, reader.duration)
        guard reader.frameCount > 0, reader.fps > 0, reader.hasAudio else {
            return (MouthSeries(mouth: [], times: [], end: end, fps: reader.fps), reader.hasAudio)
        }
        let last = min(reader.frameCount - 1, try reader.frameIndex(atTime: end))
        let detector = try FaceDetector.shared()
        var found: [[DetectedFace]] = [], times: [Double] = []
        for i in 0...last {
            try cancellation.check()
            found.append(try detector.detect(in: try reader.frame(at: i).image))
            times.append(try reader.time(ofFrame: i))
        }
        return (MouthSeries(mouth: Self.largestTrackMouth(FaceTracker.track(found)), times: times, end: end, fps: reader.fps), true)
    }

    /// Mouth opening per frame of the track with the largest total face area (nil elsewhere).
    static func largestTrackMouth(_ tracked: [[FaceRecord]]) -> [Double?] {
        var area: [Int: Double] = [:]
        for f in tracked.joined() { area[f.track, default: 0] += f.width * f.height }
        guard let best = area.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
            return tracked.map { _ in nil }
        }
        // The track's median box height: dlib's boxes jump between a few sizes from frame to
        // frame, and dividing by each frame's own box would add that jitter to the signal.
        let heights = tracked.joined().filter { $0.track == best }.map(\.height).sorted()
        let height = heights[heights.count / 2]
        return tracked.map { faces in
            faces.first { $0.track == best }.flatMap { LipSyncSignal.mouthOpening(landmarks: $0.landmarks ?? [], boxHeight: height) }
        }
    }

    /// The report entry: curve, best offset, findings and score.
    func result(curve: [(lag: Int, r: Double)], step: Double, withFace: Int, frames: Int) -> BranchResult {
        let zero = curve.first { $0.lag == 0 }?.r ?? 0
        // Ties go to the smallest |offset|, so a flat curve answers 0.
        let best = curve.max { a, b in a.r < b.r || (a.r == b.r && abs(a.lag) > abs(b.lag)) } ?? (0, 0)
        let offset = Double(best.lag) * step
        var m: [String: Double] = ["best_offset_s": round3(offset), "corr_at_zero": round3(zero), "corr_best": round3(best.r),
                                   "frames_with_face": Double(withFace), "frames_analysed": Double(frames)]
        for c in curve { m[String(format: "curve.%.3f", Double(c.lag) * step)] = round3(c.r) }
        let bar = LipSyncSignal.weakBar(frames: withFace)
        let maxLag = curve.map { abs($0.lag) }.max() ?? 0
        let atEdge = best.lag != 0 && abs(best.lag) == maxLag
        let score = LipSyncSignal.score(bestOffset: offset, corrBest: best.r, corrAtZero: zero, weakBar: bar, atEdge: atEdge)
        m["weak_bar"] = round3(bar)
        let off = String(format: "%+.2f s", offset).replacingOccurrences(of: "+0.00", with: "0.00")
        let inStep = abs(offset) <= 0.1
        var findings = [Finding(
            code: inStep ? "lipsync-in-step" : "lipsync-offset", severity: inStep || best.r < bar ? .info : (score >= 0.5 ? .warning : .notice),
            message: best.r < bar
                ? "Speech and mouth movement agree best when the audio is shifted by \(off), but only weakly (r \(String(format: "%.2f", best.r)) there, \(String(format: "%.2f", zero)) at 0): no conclusion on sync."
                : inStep
                ? "Speech and mouth movement agree best when the audio is shifted by \(off) (in step): r \(String(format: "%.2f", best.r)) there, \(String(format: "%.2f", zero)) at 0."
                : "Speech and mouth movement agree best when the audio is shifted by \(off): lips and voice are out of step (r \(String(format: "%.2f", best.r)) there, \(String(format: "%.2f", zero)) at 0).",
            source: id)]
        if best.r < bar {
            findings.append(Finding(code: "lipsync-weak", severity: .notice,
                message: String(format: "Mouth movement and speech correlate weakly at every offset (best r %.2f, below %.2f for %d frames, what chance alone can reach), so this check cannot say much: the speaker may be silent, the voice off screen, the sound music, or the clip too short.", best.r, bar, withFace),
                source: id))
        }
        if atEdge && best.r >= bar {
            findings.append(Finding(code: "lipsync-edge", severity: .notice,
                message: String(format: "The best agreement is at the edge of the offsets tried (±%.1f s): the true offset may lie beyond it, or the curve has no real peak.", maxOffset),
                source: id))
        }
        if withFace < frames {
            findings.append(Finding(code: "lipsync-face-frames", severity: .info,
                message: "A face was found on \(withFace) of the \(frames) frames analysed; the others were left out.", source: id))
        }
        return BranchResult(id: id, status: .ok, score: score, findings: findings, measurements: m)
    }

    private func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
