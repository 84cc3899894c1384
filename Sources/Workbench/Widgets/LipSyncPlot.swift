// The lip-sync offset plot under the video timeline: the `lipsync` branch's correlation curve
// (offset -0.5…+0.5 s, one column per frame step) as bars, a marker row with `0` under no offset
// and `▲` under the best offset, and a label with the figures. Two rows; drawn only when the
// branch answered `ok` with a curve in its measurements (`curve.-0.200` = r).
import Evidence
import Foundation

/// Correlation against audio offset, from the `lipsync` branch's measurements.
public struct LipSyncPlot: Sendable {
    /// (offset s, r), ascending by offset.
    public var curve: [(offset: Double, r: Double)]
    public var bestOffset: Double
    public var corrBest: Double
    public var corrAtZero: Double

    /// The plot of `result`, nil unless it is an `ok` lipsync answer with a curve.
    public init?(_ result: BranchResult) {
        guard result.id == "lipsync", result.status == .ok else { return nil }
        let m = result.measurements
        curve = m.compactMap { k, v in k.hasPrefix("curve.") ? Double(k.dropFirst(6)).map { ($0, v) } : nil }.sorted { $0.offset < $1.offset }
        guard !curve.isEmpty, let b = m["best_offset_s"] else { return nil }
        bestOffset = b; corrBest = m["corr_best"] ?? 0; corrAtZero = m["corr_at_zero"] ?? 0
    }

    /// "lip-sync: best +0.27 s (r 0.41), at 0: r 0.12".
    public var label: String {
        let off = abs(bestOffset) < 0.005 ? "0.00" : String(format: "%+.2f", bestOffset)
        return String(format: "lip-sync: best %@ s (r %.2f), at 0: r %.2f", off, corrBest, corrAtZero)
    }

    /// Index of the curve point nearest `offset`.
    func index(of offset: Double) -> Int {
        curve.indices.min { abs(curve[$0].offset - offset) < abs(curve[$1].offset - offset) } ?? 0
    }

    /// Draws bars and markers (left) and the label (right) into a canvas of at least 2 rows.
    public func draw(into canvas: Canvas, theme: Theme) {
        guard canvas.height >= 2, canvas.width > 0 else { return }
        let (name, rest) = canvas.splitLeft(.fixed(12))
        name.put("lip-sync", x: 0, y: 0, style: theme.dim)
        name.put("-0.5…+0.5s", x: 0, y: 1, style: theme.dim)
        let cols = min(curve.count, rest.width)
        let best = index(of: bestOffset), zero = index(of: 0)
        let bars = rest.sub(Rect(x: 0, y: 0, width: cols, height: 1))
        Sparkline(values: curve.map { max(0, $0.r) }, colorByScore: false, highlighted: best).draw(into: bars, theme: theme)
        let spark = Sparkline(values: curve.map { Optional($0.r) })
        for x in 0..<cols { rest.set(x, 1, "·", theme.dim) }
        rest.set(spark.column(of: zero, columns: cols), 1, "0", theme.text)
        rest.set(spark.column(of: best, columns: cols), 1, "▲", theme.accent)
        let room = max(0, rest.width - cols - 2)
        if label.count <= room {
            rest.put(label, x: cols + 2, y: 0, style: theme.text, maxWidth: room)
        } else {
            // Narrow strip: the label's two halves on the two rows.
            let halves = label.replacingOccurrences(of: "lip-sync: ", with: "").components(separatedBy: ", ")
            for (row, text) in halves.prefix(2).enumerated() { rest.put(text, x: cols + 2, y: row, style: theme.text, maxWidth: room) }
        }
    }
}
