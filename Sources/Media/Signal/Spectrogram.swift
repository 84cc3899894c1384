// Short-time Fourier transform of an audio clip, in decibels: what the audio view draws and what
// the audio branch's features start from. Hann window; optional log-frequency (mel) bands.
import Foundation

/// A magnitude spectrogram: `frames` columns in time, `bins` rows in frequency (row 0 = lowest).
public struct Spectrogram: Sendable, Equatable {
    public let frames: Int
    public let bins: Int
    /// Seconds between columns.
    public let hop: Double
    /// Highest frequency represented (Hz).
    public let maxFrequency: Double
    /// True when rows are mel bands rather than linear FFT bins.
    public let melScale: Bool
    /// Power in dB, column-major: `values[frame * bins + bin]`.
    public var values: [Float]

    public subscript(frame: Int, bin: Int) -> Float { values[frame * bins + bin] }

    /// Computes the spectrogram of `clip` with a window of `window` samples (power of two) and a
    /// hop of `hop` samples. With `melBands` > 0 the bins are pooled into that many mel bands.
    public static func compute(_ clip: AudioClip, window: Int = 512, hop: Int = 128, melBands: Int = 0) -> Spectrogram {
        precondition(window >= 16 && hop >= 1)
        let fft = RealFFT(n: window)
        let hann = (0..<window).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(window))) }
        let count = clip.samples.count >= window ? 1 + (clip.samples.count - window) / hop : (clip.samples.isEmpty ? 0 : 1)
        let linearBins = window / 2 + 1
        let outBins = melBands > 0 ? melBands : linearBins
        let bank = melBands > 0 ? melFilterBank(bands: melBands, fftBins: linearBins, sampleRate: clip.sampleRate) : []
        var values = [Float](repeating: -120, count: count * outBins)
        var frame = [Float](repeating: 0, count: window)
        var power = [Float](repeating: 0, count: linearBins)
        clip.samples.withUnsafeBufferPointer { s in
            for f in 0..<count {
                let start = f * hop
                for i in 0..<window { frame[i] = start + i < s.count ? s[start + i] * hann[i] : 0 }
                frame.withUnsafeBufferPointer { fft.powerSpectrum($0, into: &power) }
                if melBands > 0 {
                    for b in 0..<melBands {
                        var e: Float = 0
                        for (k, w) in bank[b] { e += power[k] * w }
                        values[f * outBins + b] = 10 * log10(max(e, 1e-12))
                    }
                } else {
                    for k in 0..<linearBins { values[f * outBins + k] = 10 * log10(max(power[k], 1e-12)) }
                }
            }
        }
        return Spectrogram(frames: count, bins: outBins, hop: Double(hop) / Double(clip.sampleRate),
                           maxFrequency: Double(clip.sampleRate) / 2, melScale: melBands > 0, values: values)
    }

    /// Triangular mel filters as (fft bin, weight) lists.
    static func melFilterBank(bands: Int, fftBins: Int, sampleRate: Int) -> [[(Int, Float)]] {
        func mel(_ f: Double) -> Double { 2595 * log10(1 + f / 700) }
        func hz(_ m: Double) -> Double { 700 * (pow(10, m / 2595) - 1) }
        let top = mel(Double(sampleRate) / 2)
        let edges = (0...(bands + 1)).map { hz(top * Double($0) / Double(bands + 1)) }
        let binHz = Double(sampleRate) / 2 / Double(fftBins - 1)
        return (0..<bands).map { b in
            let lo = edges[b], mid = edges[b + 1], hi = edges[b + 2]
            var row: [(Int, Float)] = []
            for k in 0..<fftBins {
                let f = Double(k) * binHz
                let w = f <= lo || f >= hi ? 0 : (f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid))
                if w > 0 { row.append((k, Float(w))) }
            }
            if row.isEmpty { row.append((min(Int(mid / binHz), fftBins - 1), 1)) }
            return row
        }
    }
}
