// The bars at the top and bottom of the screen: a line of text on the status colour, left and
// right parts, the right one kept whole and the left one cut with an ellipsis.

/// A one-row bar with left- and right-aligned text.
public struct StatusLine: Sendable {
    public var left: String
    public var right: String
    public init(left: String, right: String = "") { self.left = left; self.right = right }

    /// Draws on row 0 of the canvas.
    public func draw(into canvas: Canvas, theme: Theme, style: Style? = nil) {
        guard canvas.height > 0 else { return }
        let s = style ?? theme.statusBar
        canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1), style: s)
        let rw = min(canvas.width, CharWidth.columns(right))
        if rw > 0 { canvas.put(right, x: canvas.width - rw - 1, y: 0, style: s) }
        canvas.putPadded(left, x: 1, y: 0, width: max(0, canvas.width - rw - 3), style: s)
    }
}
