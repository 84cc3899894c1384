// The numbers behind the `lipsync` branch, kept free of decoding so they can be tested on
// synthetic signals: the mouth opening from 68 iBUG landmarks, the audio envelope per frame
// interval, the normalised cross-correlation over a range of offsets, and the (uncalibrated)
// score rule. Offsets are in frames; a positive offset means the audio comes later than the
// mouth (audio sample t+d goes with mouth frame t).
import Foundation

/// Lip-sync signal processing.
public enum LipSyncSignal {
    /// Inner-lip opening of one face: the mean distance of the inner-lip pairs 61-67, 62-66 and
    /// 63-65 (0-based iBUG 300-W: 60 and 64 are the inner corners, 61-63 the upper inner lip,
    /// 65-67 the lower), divided by the face box height. Nil without 68 landmarks.
    public static func mouthOpening(landmarks: [[Double]], boxHeight: Double) -> Double? {
        guard landmarks.count == 68, boxHeight > 0 else { return nil }
        let pairs = [(61, 67), (62, 66), (63, 65)]
        let d = pairs.map { a, b in hypot(landmarks[a][0] - landmarks[b][0], landmarks[a][1] - landmarks[b][1]) }
        return d.reduce(0, +) / Double(d.count) / boxHeight
    }

    /// RMS of `samples` (at `sampleRate`) over each interval [times[i], times[i+1]); the last
    /// interval ends at `end`. Intervals outside the samples give 0.
    public static func envelope(_ samples: [Float], sampleRate: Int, times: [Double], end: Double) -> [Double] {
        times.indices.map { i in
            let t1 = i + 1 < times.count ? times[i + 1] : end
            let a = max(0, min(samples.count, Int((times[i] * Double(sampleRate)).rounded())))
            let b = max(a, min(samples.count, Int((t1 * Double(sampleRate)).rounded())))
            guard b > a else { return 0 }
            var s = 0.0
            for k in a..<b { s += Double(samples[k]) * Double(samples[k]) }
            return (s / Double(b - a)).squareRoot()
        }
    }

    /// Pearson correlation of mouth[t] with audio[t + lag] for each lag in -maxLag...maxLag, over
    /// the frames where both exist (mouth frames without a face are nil). Both series are
    /// standardised on each overlap, so the value is a true correlation in -1...1; 0 when an
    /// overlap has fewer than 3 pairs or no variance.
    public static func crossCorrelation(mouth: [Double?], audio: [Double], maxLag: Int) -> [(lag: Int, r: Double)] {
        (-maxLag...maxLag).map { lag in
            var xs: [Double] = [], ys: [Double] = []
            for t in mouth.indices {
                let u = t + lag
                guard u >= 0, u < audio.count, let m = mouth[t] else { continue }
                xs.append(m); ys.append(audio[u])
            }
            return (lag, pearson(xs, ys))
        }
    }

    /// Pearson correlation of two equally long series (0 for fewer than 3 values or no variance).
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count >= 3, x.count == y.count else { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let a = x[i] - mx, b = y[i] - my
            sxy += a * b; sxx += a * a; syy += b * b
        }
        guard sxx > 1e-12, syy > 1e-12 else { return 0 }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Correlation below which the check cannot say much (silent speaker, voice off screen, music).
    public static let weakCorrelation = 0.2

    /// The weak-correlation bar for `frames` frames with a face: at least `weakCorrelation`, and
    /// at least 3/√n. Two unrelated series of n values correlate with a standard error of about
    /// 1/√n, and the best of ~15-31 offsets of noise often reaches 2.5 of those, so a peak below
    /// three is not told apart from chance (68 frames: 0.36).
    public static func weakBar(frames: Int) -> Double {
        max(weakCorrelation, 3 / Double(max(1, frames)).squareRoot())
    }

    /// Uncalibrated score in 0...1. Low (0.1) when the best correlation is under `weakBar` or the
    /// best offset is within ±0.1 s (normal lip-sync tolerance). Otherwise it grows with |offset|
    /// beyond 0.1 s (full at 0.4 s) times how much better the best offset is than no offset (full
    /// at a gain of 0.2 in r): 0.1 + 0.8 * shift * gain, halved when the best offset is at the
    /// edge of the range tried (the peak may lie beyond it, or be no peak at all).
    public static func score(bestOffset: Double, corrBest: Double, corrAtZero: Double, weakBar: Double = weakCorrelation,
                             atEdge: Bool = false) -> Double {
        guard corrBest >= weakBar, abs(bestOffset) > 0.1 else { return 0.1 }
        let shift = min(1, (abs(bestOffset) - 0.1) / 0.3)
        let gain = min(1, max(0, corrBest - corrAtZero) / 0.2)
        return (0.1 + 0.8 * shift * gain) * (atEdge ? 0.5 : 1)
    }
}
