// Per-frame scores as block bars ('▁▂▃▄▅▆▇█'), coloured by score (low / mid / high from the
// theme), like btop's graphs. More values than columns are bucketed by maximum: a single suspect
// frame must not be averaged away. A missing score (a branch that did not apply to that frame) is
// drawn as a dim '·', never as zero.

/// Bars for a series of scores in 0...1.
public struct Sparkline: Sendable {
    /// One value per frame (or per second, per page); nil where there is no score.
    public var values: [Double?]
    /// Colour bars by score; otherwise all in the accent colour.
    public var colorByScore: Bool
    /// Index of the value to mark (the current frame), drawn reversed.
    public var highlighted: Int?

    static let blocks: [Unicode.Scalar] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public init(values: [Double?], colorByScore: Bool = true, highlighted: Int? = nil) {
        self.values = values; self.colorByScore = colorByScore; self.highlighted = highlighted
    }

    /// The value per column for `columns` columns: max of each bucket, nil when all are missing.
    public func columnValues(_ columns: Int) -> [Double?] {
        guard columns > 0, !values.isEmpty else { return [] }
        if values.count <= columns { return values }
        return (0..<columns).map { c in
            let a = c * values.count / columns, b = max(a + 1, (c + 1) * values.count / columns)
            return values[a..<b].compactMap { $0 }.max()
        }
    }

    /// The column that shows value `index`.
    public func column(of index: Int, columns: Int) -> Int {
        values.count <= columns ? index : index * columns / max(1, values.count)
    }

    /// Draws bars filling the canvas height, bottom-aligned, left to right.
    public func draw(into canvas: Canvas, theme: Theme) {
        let cols = columnValues(canvas.width)
        let h = canvas.height
        guard h > 0 else { return }
        let mark = highlighted.map { column(of: $0, columns: canvas.width) }
        for (x, v) in cols.enumerated() {
            guard let v else { canvas.set(x, h - 1, "·", theme.dim); continue }
            var style = colorByScore ? theme.scoreStyle(v) : theme.accent
            if x == mark { style = style.with(.reverse) }
            // Height in eighths of a cell.
            let eighths = Int((max(0, min(1, v)) * Double(h * 8)).rounded())
            for row in 0..<h {
                let level = min(8, max(0, eighths - row * 8))
                let y = h - 1 - row
                if level > 0 { canvas.set(x, y, Self.blocks[level], style) }
                else if row == 0 { canvas.set(x, y, Self.blocks[1], style.with(.dim)) }
            }
        }
    }
}
