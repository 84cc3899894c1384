// The `lipsync` branch: the cross-correlation recovers a known shift on synthetic signals; the
// mouth opening uses the inner-lip pairs; on the webcam clip it answers with a curve (too weak to
// track a re-timed copy, see below); audio made from the clip's own mouth signal 4 frames late is
// found at +0.27 s, in step at 0.00 s, and at +0.40 s when the container starts it 0.4 s late;
// a copy without audio and the cockatoo video (no human face) are not applicable with the reason.
import Evidence
import Foundation
import Media
import Testing
import TestSupport
@testable import Detection

@Suite struct LipSyncSignalTests {
    @Test func crossCorrelationRecoversAKnownShift() {
        // A pseudo-random "mouth" signal; the audio is the same signal 7 frames later.
        var seed: UInt64 = 42
        let mouth: [Double] = (0..<120).map { _ in seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Double(seed >> 40) / Double(1 << 24) }
        let audio = [Double](repeating: 0.5, count: 7) + mouth.dropLast(7)
        let curve = LipSyncSignal.crossCorrelation(mouth: mouth, audio: audio, maxLag: 15)
        let best = curve.max { $0.r < $1.r }!
        #expect(best.lag == 7)
        #expect(abs(best.r - 1) < 1e-9)
        #expect(curve.count == 31 && curve.first?.lag == -15)
        // Missing mouth frames are left out, not counted as zeros.
        let holes = mouth.enumerated().map { $0.offset % 5 == 0 ? nil : $0.element }
        #expect(LipSyncSignal.crossCorrelation(mouth: holes, audio: audio, maxLag: 15).max { $0.r < $1.r }!.lag == 7)
    }

    @Test func mouthOpeningUsesTheInnerLipPairs() {
        var points = [[Double]](repeating: [0, 0], count: 68)
        for (a, b) in [(61, 67), (62, 66), (63, 65)] { points[a] = [10, 50]; points[b] = [10, 56] }
        #expect(LipSyncSignal.mouthOpening(landmarks: points, boxHeight: 60) == 0.1)
        #expect(LipSyncSignal.mouthOpening(landmarks: [], boxHeight: 60) == nil)
    }

    @Test func envelopeIsTheRMSPerFrameInterval() {
        let samples: [Float] = [Float](repeating: 0.5, count: 100) + [Float](repeating: 0, count: 100)
        #expect(LipSyncSignal.envelope(samples, sampleRate: 100, times: [0, 1], end: 2) == [0.5, 0])
    }

    @Test func scoreStaysLowWhenWeakOrInStep() {
        #expect(LipSyncSignal.score(bestOffset: 0.4, corrBest: 0.1, corrAtZero: -0.2) == 0.1)
        #expect(LipSyncSignal.score(bestOffset: 0.05, corrBest: 0.8, corrAtZero: 0.7) == 0.1)
        #expect(abs(LipSyncSignal.score(bestOffset: 0.4, corrBest: 0.6, corrAtZero: 0.2) - 0.9) < 1e-9)
        #expect(abs(LipSyncSignal.score(bestOffset: 0.5, corrBest: 0.6, corrAtZero: 0.2, atEdge: true) - 0.45) < 1e-9)
        // 3/√n for few frames: a 0.35 peak over 68 frames is not told apart from chance.
        #expect(abs(LipSyncSignal.weakBar(frames: 68) - 0.3638) < 1e-3 && LipSyncSignal.weakBar(frames: 10_000) == 0.2)
        #expect(LipSyncSignal.score(bestOffset: 0.4, corrBest: 0.35, corrAtZero: 0, weakBar: LipSyncSignal.weakBar(frames: 68)) == 0.1)
    }
}

@Suite struct LipSyncBranchTests {
    func lipsync(_ path: String) throws -> BranchResult {
        let r = try DetectionEngine(branches: [LipSyncBranch()]).analyze(path).report
        return try #require(r.branches.first { $0.id == "lipsync" })
    }

    func ffmpeg(_ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        p.arguments = ["-v", "error", "-y"] + args
        try p.run(); p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    /// The webcam clip's own figures (4.5 s, 15 fps, 68 frames, a face on every frame). Its
    /// mouth signal is weak: the best r (~0.35 at the +0.47 s edge) is within the noise of 68
    /// frames (standard error ~0.12), and a copy with the audio delayed 0.3 s (adelay) does not
    /// move the best offset by 0.3 s (measured: +0.47 -> -0.20 s). So the shift is checked on
    /// the pipeline with audio made from the clip's own mouth signal (next test) and on
    /// synthetic signals (LipSyncSignalTests), not on this sample.
    @Test func webcamAnswersWithACurve() throws {
        let r = try lipsync(Samples.path("webcam-face.avi"))
        #expect(r.status == .ok, "\(r.reason ?? "")")
        let m = r.measurements
        // ±0.5 s at 15 fps: lags -7...7.
        #expect(m.keys.filter { $0.hasPrefix("curve.") }.count == 15)
        #expect(m["curve.0.000"] == m["corr_at_zero"] && m["curve.-0.467"] != nil)
        #expect(m["frames_with_face"] == 68 && m["frames_analysed"] == 68)
        #expect(abs(m["best_offset_s"] ?? 9) <= 0.5)
        #expect(r.findings.contains { $0.message.contains("agree best when the audio is shifted by") })
        // Measured: best +0.47 s (r 0.35, at the range edge), r 0.10 at 0, under the 0.36 bar.
        #expect(m["weak_bar"] == 0.364)
        #expect(r.findings.contains { $0.code == "lipsync-weak" }, "\(m)")
        #expect(r.score == 0.1)
    }

    /// Replaces the clip's audio by a 440 Hz tone whose loudness follows the clip's mouth
    /// opening `lag` frames later; the branch must find that offset with a strong correlation.
    func toneFollowingTheMouth(lag: Int, in dir: TempDir, itsoffset: Double? = nil) throws -> String {
        let s = try LipSyncBranch().mouthSeries(path: Samples.path("webcam-face.avi")).series
        let rate = 16_000, step = 1 / s.fps
        let n = Int(s.end * Double(rate))
        var pcm = [UInt8](); pcm.reserveCapacity(2 * n)
        for k in 0..<n {
            let t = Double(k) / Double(rate)
            let frame = Int(t / step) - lag
            let amp = frame >= 0 && frame < s.mouth.count ? (s.mouth[frame] ?? 0) * 8 : 0
            let v = Int16(max(-1, min(1, amp * sin(2 * .pi * 440 * t))) * 30_000)
            pcm.append(UInt8(truncatingIfNeeded: v)); pcm.append(UInt8(truncatingIfNeeded: v >> 8))
        }
        let raw = dir.write("tone-\(lag).raw", pcm), out = dir.path("tone-\(lag)-\(itsoffset ?? 0).mkv")
        try ffmpeg(["-i", Samples.path("webcam-face.avi"), "-f", "s16le", "-ar", "16000", "-ac", "1"]
                   + (itsoffset.map { ["-itsoffset", String($0)] } ?? []) + ["-i", raw,
                    "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "pcm_s16le", out])
        return out
    }

    @Test func audioFollowingTheMouthLateIsFoundAtItsOffset() throws {
        let dir = TempDir()
        let late = try lipsync(try toneFollowingTheMouth(lag: 4, in: dir))
        let m = late.measurements
        #expect(abs((m["best_offset_s"] ?? 9) - 4 / 15.0) < 0.01, "\(m)")
        #expect((m["corr_best"] ?? 0) > 0.8 && (m["corr_best"] ?? 0) - (m["corr_at_zero"] ?? 0) > 0.2)
        #expect((late.score ?? 0) >= 0.5)
        #expect(late.findings.first?.message.contains("+0.27 s: lips and voice are out of step") == true, "\(late.findings)")

        let inStep = try lipsync(try toneFollowingTheMouth(lag: 0, in: dir))
        #expect(inStep.measurements["best_offset_s"] == 0 && (inStep.measurements["corr_best"] ?? 0) > 0.8)
        #expect(inStep.findings.first?.message.contains("0.00 s (in step)") == true)
        #expect(inStep.score == 0.1)

        // The same in-step audio moved 0.4 s later by the container (-itsoffset, no samples
        // added): the streams' start times put it at +0.40 s.
        let moved = try lipsync(try toneFollowingTheMouth(lag: 0, in: dir, itsoffset: 0.4))
        #expect(moved.measurements["audio_start_offset_s"] == 0.4)
        #expect(abs((moved.measurements["best_offset_s"] ?? 9) - 0.4) < 0.01, "\(moved.measurements)")
    }

    @Test func videoWithoutAudioIsNotApplicable() throws {
        let dir = TempDir()
        try ffmpeg(["-i", Samples.path("webcam-face.avi"), "-c:v", "copy", "-an", dir.path("mute.avi")])
        let r = try lipsync(dir.path("mute.avi"))
        #expect(r.status == .notApplicable)
        #expect(r.reason == "no audio track")
    }

    @Test func videoWithoutAHumanFaceIsNotApplicable() throws {
        let r = try lipsync(Samples.path("cockatoo-720p.mp4"))
        #expect(r.status == .notApplicable)
        #expect(r.reason?.contains("no face") == true, "\(r.reason ?? "") \(r.status)")
    }
}
