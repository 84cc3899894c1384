// The spectrogram figure of audio evidence (an audio file, or a video's audio track): the same
// short-time Fourier transform and dB scaling as the workbench's audio view (Media.Spectrogram,
// window 512, the clip's top 80 dB through inferno), linear frequency, low frequencies at the
// bottom, stretched to the report's width. Long recordings are cut to their first minutes, and
// the caption says so.
import Foundation
import Media

enum SpectrogramFigure {
    /// Longest stretch drawn (seconds).
    static let maxSeconds = 300.0

    /// The figure for the audio of `path`, or nil when it has no audio stream.
    static func make(path: String, maxWidth: Int, options: MediaOptions = .default) throws -> (figure: PNGFigure, caption: String)? {
        let full: Double?
        do { full = try AudioReader(path: path, options: options).duration } catch MediaError.noAudioStream { return nil }
        let range: ClosedRange<Double>? = (full ?? 0) > maxSeconds ? 0...maxSeconds : nil
        let clip = try AudioDecoder.decode(path: path, options: options, range: range)
        guard clip.samples.count >= 512 else { return nil }
        let s = Spectrogram.compute(clip, window: 512, hop: max(64, clip.samples.count / 4000))
        let width = min(maxWidth - 46, max(s.frames, 200)), height = 200
        let top = s.values.max() ?? 0, floor = top - 80
        var px = [UInt8](repeating: 0, count: width * height * 3)
        for x in 0..<width {
            let f = min(s.frames - 1, x * s.frames / width)
            for y in 0..<height {
                let b = min(s.bins - 1, (height - 1 - y) * s.bins / height)
                let c = Inferno.colour((s[f, b] - floor) / 80)
                let o = (y * width + x) * 3
                px[o] = c.0; px[o + 1] = c.1; px[o + 2] = c.2
            }
        }
        let axes = FigurePainter.Axes(top: String(format: "%.1f kHz", s.maxFrequency / 1000), bottom: "0 Hz",
                                      start: "0 s", end: String(format: "%.1f s", clip.duration))
        let legend = FigurePainter.Legend(title: "Power, relative to the loudest point", low: "−80 dB", high: "0 dB")
        let p = try FigurePainter.paint(RGBImage(width: width, height: height, pixels: px), legend: legend, axes: axes)
        var caption = String(format: "Spectrogram: %.1f s at %d Hz (window 512 samples, linear frequency 0–%.0f Hz)", clip.duration, clip.sampleRate, s.maxFrequency)
        if let full, range != nil { caption += String(format: "; the first %.0f s of %.0f s", maxSeconds, full) }
        return (PNGFigure(png: p.png, width: p.width, height: p.height), caption + ".")
    }
}
