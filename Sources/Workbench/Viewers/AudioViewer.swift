// The audio viewer: the spectrogram (linear or mel frequency) as a picture, a cursor that moves
// through time, and a waveform strip with the segments the audio branch scored as suspicious.
import Evidence
import Foundation
import Media

extension KeyAction {
    static let toggleMel = KeyAction("toggle-mel")
    static let cursorForward = KeyAction("cursor-forward")
    static let cursorBack = KeyAction("cursor-back")
}

/// Shows an audio clip as a spectrogram and a waveform.
public final class AudioViewer: MediaViewer {
    private let clip: AudioClip
    private var mel = false
    private var cursor: Double = 0
    private var picture: (mel: Bool, palette: String, image: RGBImage)?
    /// `picture` resampled to fill the pane (a spectrogram has no aspect ratio to keep).
    private var stretched: (size: Size, image: RGBImage)?

    public init(clip: AudioClip) { self.clip = clip }

    public var keyBindings: [KeyBinding] {
        [
            KeyBinding(.char("f"), "mel/linear", "Switch the frequency axis between linear and mel (log-like)", action: .toggleMel, section: "Audio"),
            KeyBinding(.right, "+0.5s", "Move the cursor forward half a second", action: .cursorForward, section: "Audio"),
            KeyBinding(.left, "-0.5s", "Move the cursor back half a second", action: .cursorBack, inFooter: false, section: "Audio"),
            KeyBinding(.char("]"), "+5s", "Forward five seconds", action: .forwardSecond, inFooter: false, section: "Audio"),
            KeyBinding(.char("["), "-5s", "Back five seconds", action: .backSecond, inFooter: false, section: "Audio"),
        ]
    }

    public var stripHeight: Int { 5 }

    public var positionLabel: String {
        String(format: "%.2f / %.2f s · %d Hz · %@", cursor, clip.duration, clip.sampleRate, mel ? "mel" : "linear")
    }

    /// The spectrogram as an RGB picture: time left to right, low frequencies at the bottom,
    /// dB mapped through the palette over the clip's top 80 dB.
    func spectrogramImage(palette: Palette) -> RGBImage {
        let s = Spectrogram.compute(clip, window: 512, hop: max(64, clip.samples.count / 4000), melBands: mel ? 80 : 0)
        guard s.frames > 0 else { return RGBImage(width: 1, height: 1) }
        let top = s.values.max() ?? 0, floor = top - 80
        var px = [UInt8](repeating: 0, count: s.frames * s.bins * 3)
        for f in 0..<s.frames {
            for b in 0..<s.bins {
                let v = (s[f, b] - floor) / 80
                let c = palette.color(max(0, min(1, v)))
                let i = ((s.bins - 1 - b) * s.frames + f) * 3
                px[i] = c.r; px[i + 1] = c.g; px[i + 2] = c.b
            }
        }
        return RGBImage(width: s.frames, height: s.bins, pixels: px)
    }

    public func draw(into canvas: Canvas, theme: Theme, file: OpenedFile, overlay: HeatmapLayer?) {
        let palette = theme.palette()
        if picture?.mel != mel || picture?.palette != palette.name {
            picture = (mel, palette.name, spectrogramImage(palette: palette))
            stretched = nil
        }
        guard let image = picture?.image else { return }
        let (body, axis) = canvas.splitLeft(.fixed(7))
        // Thousands of time steps by a few hundred bins: fitted with its aspect ratio kept it
        // would be a strip a row or two high, so it is resampled to two samples per cell instead.
        if stretched?.size != axis.size, axis.width > 0, axis.height > 0 {
            let px = HalfBlockRenderer.sample(image, viewport: .full(width: image.width, height: image.height), width: axis.width, height: axis.height * 2)
            stretched = (axis.size, RGBImage(width: axis.width, height: axis.height * 2, pixels: px))
        }
        let layout = drawPicture(stretched?.image ?? image, into: axis, theme: theme, overlay: nil)
        // Frequency labels on the left: top is Nyquist.
        body.put(String(format: "%.0fk", Double(clip.sampleRate) / 2000), x: 0, y: layout.cells.y, style: theme.dim)
        body.put("0", x: 0, y: layout.cells.maxY - 1, style: theme.dim)
        body.put(mel ? "mel" : "Hz", x: 0, y: layout.cells.y + layout.cells.height / 2, style: theme.dim)
        if clip.duration > 0 {
            let x = layout.cells.x + Int(cursor / clip.duration * Double(max(layout.cells.width - 1, 0)))
            for y in layout.cells.y..<layout.cells.maxY { axis.set(x, y, "│", theme.accent) }
        }
    }

    public func drawStrip(into canvas: Canvas, theme: Theme, file: OpenedFile) {
        let w = canvas.width, h = max(1, canvas.height - 1)
        guard w > 0, !clip.samples.isEmpty else { return }
        // Peak amplitude per column, drawn as bars around the middle row.
        let per = max(1, clip.samples.count / w)
        let segments = file.branchResults.first { $0.id == "audio" }?.frameScores ?? []
        for x in 0..<w {
            let start = x * clip.samples.count / w
            var peak: Float = 0
            for i in start..<min(clip.samples.count, start + per) { peak = max(peak, abs(clip.samples[i])) }
            let t = Double(x) / Double(w) * clip.duration
            let flagged = segments.first { abs($0.time - t) < clip.duration / Double(max(segments.count, 1)) / 2 }.map { $0.score >= 0.5 } ?? false
            let style = flagged ? theme.severityStyle(.warning) : theme.accent
            let rows = Int((Double(peak) * Double(h)).rounded(.up))
            for r in 0..<min(rows, h) { canvas.set(x, h - 1 - r, "█", style) }
        }
        canvas.put(positionLabel, x: 0, y: h, style: theme.dim, maxWidth: w)
    }

    public func handle(_ key: Key, file: OpenedFile) -> ScreenResult? {
        guard let action = keyBindings.action(for: key) else { return nil }
        switch action {
        case .toggleMel: mel.toggle(); return .status(mel ? "mel frequency axis" : "linear frequency axis")
        case .cursorForward: cursor = min(clip.duration, cursor + 0.5)
        case .cursorBack: cursor = max(0, cursor - 0.5)
        case .forwardSecond: cursor = min(clip.duration, cursor + 5)
        case .backSecond: cursor = max(0, cursor - 5)
        default: return nil
        }
        return .handled
    }
}
