// A progress bar with eighth-cell precision ('▏▎▍▌▋▊▉█') and a percentage, for analyses running
// in the background.

/// A horizontal bar for a fraction in 0...1.
public struct ProgressBar: Sendable {
    public var fraction: Double
    /// Text before the bar ("ELA", "decoding").
    public var label: String

    static let partials: [Unicode.Scalar] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public init(fraction: Double, label: String = "") {
        self.fraction = fraction; self.label = label
    }

    /// Draws `label bar 42%` on row 0 of the canvas.
    public func draw(into canvas: Canvas, theme: Theme) {
        guard canvas.height > 0, canvas.width > 0 else { return }
        let f = fraction.isNaN ? 0 : max(0, min(1, fraction))
        var x = 0
        if !label.isEmpty { x = canvas.put(label, x: 0, y: 0, style: theme.text, maxWidth: canvas.width / 3) + 1 }
        let percent = "\(Int((f * 100).rounded(.down)))%"
        let barWidth = canvas.width - x - 5
        guard barWidth > 0 else { canvas.put(percent, x: x, y: 0, style: theme.text); return }
        let eighths = Int((f * Double(barWidth * 8)).rounded(.down))
        let full = eighths / 8, part = eighths % 8
        let bar = theme.monochrome ? theme.text : theme.accent
        let track = theme.monochrome ? theme.dim : theme.border
        for i in 0..<barWidth {
            if i < full { canvas.set(x + i, 0, "█", bar) }
            else if i == full && part > 0 { canvas.set(x + i, 0, Self.partials[part - 1], bar) }
            else { canvas.set(x + i, 0, "·", track) }
        }
        canvas.putPadded(percent, x: x + barWidth, y: 0, width: 5, style: theme.text, alignRight: true)
    }
}
