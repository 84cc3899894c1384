// The colour scale next to a heatmap: the palette as a gradient bar with the values at its ends,
// so an analyst can read what a colour means.

/// A palette's colour scale with min / max labels.
public struct HeatmapLegend: Sendable {
    public var palette: Palette
    public var minLabel: String
    public var maxLabel: String
    public var title: String?

    public init(palette: Palette, minLabel: String = "0", maxLabel: String = "1", title: String? = nil) {
        self.palette = palette; self.minLabel = minLabel; self.maxLabel = maxLabel; self.title = title
    }

    /// Draws `title min ████ max` on row 0 (one row; taller canvases use the first row).
    public func draw(into canvas: Canvas, theme: Theme) {
        guard canvas.height > 0, canvas.width > 0 else { return }
        var x = 0
        if let title { x += canvas.put(title, x: 0, y: 0, style: theme.dim) + 1 }
        x += canvas.put(minLabel, x: x, y: 0, style: theme.text) + 1
        let barWidth = canvas.width - x - CharWidth.columns(maxLabel) - 1
        guard barWidth > 0 else { return }
        let shades: [Unicode.Scalar] = ["░", "▒", "▓", "█"]
        for i in 0..<barWidth {
            let v = barWidth == 1 ? 1 : Float(i) / Float(barWidth - 1)
            if theme.monochrome {
                canvas.set(x + i, 0, shades[min(3, Int(v * 4))], theme.text)
            } else {
                let c = palette.color(v)
                canvas.set(x + i, 0, "█", Style(fg: c, bg: c))
            }
        }
        canvas.put(maxLabel, x: x + barWidth + 1, y: 0, style: theme.text)
    }
}
