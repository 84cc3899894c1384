// A clipped view onto a cell buffer: everything a widget or screen draws goes through one. Drawing
// outside the canvas's rectangle is silently clipped, coordinates are local (0, 0 is the canvas's
// top-left), and text is laid out by display width, so a CJK character takes two cells. Control
// characters and scalars the terminal cannot show become U+FFFD: text from evidence files is
// hostile and must not move the cursor or inject escapes.

/// A rectangular, clipped drawing area over a `CellBuffer`.
public struct Canvas {
    /// The buffer drawn into.
    public let buffer: CellBuffer
    /// The area, in buffer coordinates, already clipped to the buffer.
    public let rect: Rect

    /// A canvas over the whole buffer.
    public init(buffer: CellBuffer) {
        self.buffer = buffer
        rect = Rect(x: 0, y: 0, width: buffer.width, height: buffer.height)
    }

    init(buffer: CellBuffer, rect: Rect) {
        self.buffer = buffer
        self.rect = rect.intersection(Rect(x: 0, y: 0, width: buffer.width, height: buffer.height))
    }

    public var width: Int { rect.width }
    public var height: Int { rect.height }
    public var size: Size { rect.size }
    /// The canvas's own area in local coordinates.
    public var bounds: Rect { Rect(x: 0, y: 0, width: rect.width, height: rect.height) }

    /// A canvas over part of this one (local coordinates), clipped to it.
    public func sub(_ r: Rect) -> Canvas {
        Canvas(buffer: buffer, rect: Rect(x: rect.x + r.x, y: rect.y + r.y, width: r.width, height: r.height).intersection(rect))
    }

    /// Converts a screen position (a mouse event's) to local coordinates, nil when outside.
    public func localPoint(screenX: Int, screenY: Int) -> (x: Int, y: Int)? {
        rect.contains(x: screenX, y: screenY) ? (screenX - rect.x, screenY - rect.y) : nil
    }

    /// Sets one cell (a scalar of width 1, or 2 when wide). Clipped; a wide character that does
    /// not fit at the right edge is drawn as a space.
    @inline(__always)
    public func set(_ x: Int, _ y: Int, _ scalar: Unicode.Scalar, _ style: Style) {
        guard x >= 0, y >= 0, x < rect.width, y < rect.height else { return }
        var s = scalar
        var w = CharWidth.of(s)
        if w < 0 { s = "\u{FFFD}"; w = 1 } else if w == 0 { return }
        if w == 2 && x + 1 >= rect.width { s = " "; w = 1 }
        buffer.set(Cell(s, style: style, width: UInt8(w)), x: rect.x + x, y: rect.y + y)
    }

    /// Sets one narrow cell without width checks: for renderers writing block characters.
    @inline(__always)
    public func setNarrow(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < rect.width, y < rect.height else { return }
        buffer.set(cell, x: rect.x + x, y: rect.y + y)
    }

    /// Draws `text` from column `x` on row `y`, at most `maxWidth` columns (default: to the right
    /// edge). Zero-width scalars (combining marks) are dropped. Returns the columns used.
    @discardableResult
    public func put<S: StringProtocol>(_ text: S, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < rect.height else { return 0 }
        let limit = min(rect.width, maxWidth.map { x + max(0, $0) } ?? rect.width)
        var cx = x
        for s in text.unicodeScalars {
            if cx >= limit { break }
            var w = CharWidth.of(s)
            if w == 0 { continue }
            if w < 0 { w = 1 }
            if cx + w > limit { if cx >= 0 { set(cx, y, " ", style) }; cx += 1; break }
            if cx >= 0 { set(cx, y, s, style) }
            cx += w
        }
        return max(0, cx - x)
    }

    /// Draws `text` with an ellipsis when it is wider than `width` columns, padding the rest with
    /// spaces in `style`, so the row is always `width` cells.
    public func putPadded<S: StringProtocol>(_ text: S, x: Int, y: Int, width: Int, style: Style, alignRight: Bool = false) {
        guard width > 0 else { return }
        let w = CharWidth.columns(text)
        if w <= width {
            let start = alignRight ? x + width - w : x
            fill(Rect(x: x, y: y, width: width, height: 1), style: style)
            put(text, x: start, y: y, style: style, maxWidth: w)
        } else {
            fill(Rect(x: x, y: y, width: width, height: 1), style: style)
            put(text, x: x, y: y, style: style, maxWidth: width - 1)
            set(x + width - 1, y, "…", style)
        }
    }

    /// Fills `area` (local coordinates; default the whole canvas) with `scalar` in `style`.
    public func fill(_ area: Rect? = nil, with scalar: Unicode.Scalar = " ", style: Style) {
        let r = (area ?? bounds).intersection(bounds)
        guard !r.isEmpty else { return }
        let w = CharWidth.of(scalar)
        if w == 1 {
            let cell = Cell(scalar, style: style)
            for y in r.y..<r.maxY { for x in r.x..<r.maxX { buffer.set(cell, x: rect.x + x, y: rect.y + y) } }
        } else {
            for y in r.y..<r.maxY { var x = r.x; while x < r.maxX { set(x, y, scalar, style); x += max(1, w) } }
        }
    }
}
