// The frame timeline under a video: a track with keyframe ticks, flagged frames coloured by score,
// and the current position; a second row (when there is room) labels the current frame and time.
// Maps clicks back to frames.

/// A video's frames as a one- or two-row bar.
public struct Timeline: Sendable {
    public var frameCount: Int
    public var current: Int
    /// Keyframe (I-frame) indices, drawn as ticks.
    public var keyframes: [Int]
    /// Frames worth attention, with a score in 0...1 that picks their colour.
    public var flagged: [Int: Double]
    /// Frames per second, for the time label; nil shows frame numbers only.
    public var fps: Double?

    public init(frameCount: Int, current: Int = 0, keyframes: [Int] = [], flagged: [Int: Double] = [:], fps: Double? = nil) {
        self.frameCount = max(0, frameCount); self.current = current; self.keyframes = keyframes
        self.flagged = flagged; self.fps = fps
    }

    /// The column of `frame` in a track `width` columns wide.
    public func column(of frame: Int, width: Int) -> Int {
        guard frameCount > 1, width > 1 else { return 0 }
        return min(width - 1, max(0, frame * (width - 1) / (frameCount - 1)))
    }

    /// The frame nearest to column `x` in a track `width` columns wide.
    public func frame(atColumn x: Int, width: Int) -> Int {
        guard frameCount > 1, width > 1 else { return 0 }
        let f = (Double(min(max(0, x), width - 1)) * Double(frameCount - 1) / Double(width - 1)).rounded()
        return min(frameCount - 1, Int(f))
    }

    /// "00:01:23.040", or nil without fps.
    public func timeLabel(_ frame: Int) -> String? {
        guard let fps, fps > 0 else { return nil }
        let t = Double(frame) / fps
        let ms = Int((t * 1000).rounded())
        let h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, f = ms % 1000
        func pad(_ v: Int, _ n: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s }
        return "\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2)).\(pad(f, 3))"
    }

    /// Draws the track on row 0 and, if the canvas is taller, the labels on row 1.
    public func draw(into canvas: Canvas, theme: Theme) {
        let w = canvas.width
        guard w > 0, canvas.height > 0 else { return }
        canvas.fill(Rect(x: 0, y: 0, width: w, height: 1), with: "─", style: theme.border)
        for k in keyframes where k >= 0 && k < frameCount { canvas.set(column(of: k, width: w), 0, "┼", theme.dim) }
        for (f, score) in flagged where f >= 0 && f < frameCount {
            canvas.set(column(of: f, width: w), 0, "━", theme.scoreStyle(score))
        }
        if frameCount > 0 { canvas.set(column(of: current, width: w), 0, "●", theme.accent.with(.bold)) }
        guard canvas.height > 1 else { return }
        let end = String(frameCount)
        var label = "frame \(current + 1)/\(frameCount)"
        if let t = timeLabel(current), CharWidth.columns(label) + 2 + t.count + 2 * (end.count + 1) <= w { label += "  \(t)" }
        canvas.put("1", x: 0, y: 1, style: theme.dim)
        canvas.put(end, x: w - CharWidth.columns(end), y: 1, style: theme.dim)
        canvas.put(label, x: max(0, (w - CharWidth.columns(label)) / 2), y: 1, style: theme.text)
    }
}
