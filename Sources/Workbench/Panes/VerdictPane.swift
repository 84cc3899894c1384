// The verdict at the top of the side panel: the label, the fused score on a 0-1 bar with the
// inconclusive band drawn on it, what drove it, whether the branches disagree, and while the
// analysis runs, its progress (stage, percentage, elapsed, estimate).
import Evidence
import Foundation

/// Draws the verdict or the analysis progress.
struct VerdictPane {
    /// Branches that answered with scores on both sides of the band.
    static func disagreement(_ results: [BranchResult], band: ClosedRange<Double>) -> (low: [String], high: [String])? {
        let ok = results.filter { $0.status == .ok && $0.score != nil }
        let low = ok.filter { $0.score! < band.lowerBound }.map(\.id), high = ok.filter { $0.score! > band.upperBound }.map(\.id)
        return !low.isEmpty && !high.isEmpty ? (low, high) : nil
    }

    static func draw(into canvas: Canvas, theme: Theme, file: OpenedFile) {
        guard canvas.height > 0 else { return }
        switch file.state {
        case .running(let stage, let fraction, let started):
            let elapsed = Date().timeIntervalSince(started)
            let eta = fraction > 0.05 ? elapsed / fraction - elapsed : nil
            canvas.put("ANALYSING", x: 0, y: 0, style: theme.accent.with(.bold))
            let label = String(format: "%@ · %.0f%% · %.1fs", stage, fraction * 100, elapsed) + (eta.map { String(format: " · ~%.0fs left", $0) } ?? "")
            if canvas.height > 1 { ProgressBar(fraction: fraction, label: label).draw(into: canvas.sub(Rect(x: 0, y: 1, width: canvas.width, height: 1)), theme: theme) }
            if canvas.height > 2 { canvas.put("results fill in as branches finish", x: 0, y: 2, style: theme.dim, maxWidth: canvas.width) }
        case .failed(let message):
            canvas.put("ANALYSIS FAILED", x: 0, y: 0, style: theme.severityStyle(.critical))
            for (i, line) in TextPane.wrap(message, width: canvas.width).prefix(canvas.height - 1).enumerated() {
                canvas.put(line, x: 0, y: i + 1, style: theme.text)
            }
        case .done(let a):
            let v = a.report.verdict
            let role: Style = v.label == .fake ? theme.severityStyle(.critical) : v.label == .real ? theme.scoreStyle(0) : theme.scoreStyle(0.5)
            var x = canvas.put(v.label.rawValue.uppercased(), x: 0, y: 0, style: role.with(.bold))
            x += canvas.put(v.score.map { String(format: "  %.3f", $0) } ?? "  no score", x: x, y: 0, style: theme.text)
            canvas.put("  " + v.method, x: x, y: 0, style: theme.dim, maxWidth: canvas.width - x)
            if canvas.height > 1 { drawScale(canvas.sub(Rect(x: 0, y: 1, width: canvas.width, height: 1)), theme: theme, verdict: v) }
            var lines = TextPane.wrap(v.explanation, width: canvas.width)
            if let d = disagreement(a.report.branches, band: v.band) {
                lines.insert("⚠ branches disagree: \(d.high.joined(separator: ", ")) say manipulated, \(d.low.joined(separator: ", ")) say authentic", at: 0)
            }
            for (i, line) in lines.prefix(max(0, canvas.height - 2)).enumerated() {
                canvas.put(line, x: 0, y: i + 2, style: line.hasPrefix("⚠") ? theme.severityStyle(.warning) : theme.dim)
            }
        }
    }

    /// A 0-1 scale: the band shaded, the threshold marked, the score as a dot.
    static func drawScale(_ c: Canvas, theme: Theme, verdict v: Verdict) {
        let w = c.width
        guard w > 4 else { return }
        func col(_ s: Double) -> Int { min(w - 1, max(0, Int((s * Double(w - 1)).rounded()))) }
        for x in 0..<w {
            let s = Double(x) / Double(w - 1)
            c.set(x, 0, v.band.contains(s) ? "░" : "─", v.band.contains(s) ? theme.scoreStyle(0.5) : theme.border)
        }
        c.set(col(v.threshold), 0, "┼", theme.dim)
        if let s = v.score { c.set(col(s), 0, "●", theme.scoreStyle(s).with(.bold)) }
    }
}
