// Borders with Unicode box drawing, optionally titled, and horizontal / vertical rules. A box
// returns the canvas inside it, so panes nest: `let inner = canvas.box(title: "Metadata", ...)`.

/// The line style of a border.
public enum BorderStyle: Sendable {
    case single, rounded, double, heavy
    /// Plain ASCII, for terminals whose font lacks box drawing.
    case ascii

    /// Top-left, top-right, bottom-left, bottom-right, horizontal, vertical.
    var glyphs: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) {
        switch self {
        case .single: return ("┌", "┐", "└", "┘", "─", "│")
        case .rounded: return ("╭", "╮", "╰", "╯", "─", "│")
        case .double: return ("╔", "╗", "╚", "╝", "═", "║")
        case .heavy: return ("┏", "┓", "┗", "┛", "━", "┃")
        case .ascii: return ("+", "+", "+", "+", "-", "|")
        }
    }
}

extension Canvas {
    /// Draws a border around the whole canvas, with `title` in the top edge, and returns the
    /// canvas inside the border.
    @discardableResult
    public func box(_ border: BorderStyle = .rounded, style: Style, title: String? = nil, titleStyle: Style? = nil) -> Canvas {
        guard width >= 2, height >= 2 else { return sub(Rect(x: 0, y: 0, width: 0, height: 0)) }
        let (tl, tr, bl, br, h, v) = border.glyphs
        let w = width, ht = height
        for x in 1..<(w - 1) { set(x, 0, h, style); set(x, ht - 1, h, style) }
        for y in 1..<(ht - 1) { set(0, y, v, style); set(w - 1, y, v, style) }
        set(0, 0, tl, style); set(w - 1, 0, tr, style); set(0, ht - 1, bl, style); set(w - 1, ht - 1, br, style)
        if let title, !title.isEmpty, w > 4 {
            put(" \(title) ", x: 1, y: 0, style: titleStyle ?? style, maxWidth: w - 2)
        }
        return sub(bounds.inset(by: 1))
    }

    /// A horizontal rule across row `y`.
    public func hline(y: Int, style: Style, glyph: Unicode.Scalar = "─") {
        fill(Rect(x: 0, y: y, width: width, height: 1), with: glyph, style: style)
    }

    /// A vertical rule down column `x`.
    public func vline(x: Int, style: Style, glyph: Unicode.Scalar = "│") {
        fill(Rect(x: x, y: 0, width: 1, height: height), with: glyph, style: style)
    }
}
