// A grid of cells in one flat array, row-major. The canvas writes into it, the frame buffer keeps
// two of them (what is on screen and what is being drawn) and sends the difference. Writes keep one
// invariant: a wide character's continuation cell always follows it, so overwriting either half of
// a wide character blanks the other half rather than leaving half a glyph.

/// A width x height grid of cells.
public final class CellBuffer {
    public private(set) var width: Int
    public private(set) var height: Int
    /// Row-major cells, `width * height` of them.
    public internal(set) var cells: [Cell]

    /// A grid filled with `fill`.
    public init(width: Int, height: Int, fill: Cell = Cell(" ", fg: .white, bg: .black)) {
        self.width = max(0, width); self.height = max(0, height)
        cells = [Cell](repeating: fill, count: self.width * self.height)
    }

    /// Changes the size; the content is reset to `fill`.
    public func resize(width: Int, height: Int, fill: Cell) {
        self.width = max(0, width); self.height = max(0, height)
        cells = [Cell](repeating: fill, count: self.width * self.height)
    }

    /// Sets every cell to `fill`.
    public func clear(_ fill: Cell) {
        cells.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = fill }
        }
    }

    /// The cell at column `x`, row `y`.
    @inline(__always)
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes one cell (of width 1 or 2) at `x`, `y`, keeping wide characters whole. The caller
    /// has clipped: `x + cell.width <= width`.
    @inline(__always)
    public func set(_ cell: Cell, x: Int, y: Int) {
        let i = y * width + x
        cells.withUnsafeMutableBufferPointer { p in
            // Breaking a wide character that started one cell to the left.
            if p[i].width == 0 && x > 0 { p[i - 1].scalar = " "; p[i - 1].width = 1 }
            if cell.width == 2 {
                if x + 2 < width && p[i + 1].width == 2 { p[i + 2].scalar = " "; p[i + 2].width = 1 }
                p[i] = cell
                var cont = cell; cont.width = 0; cont.scalar = " "
                p[i + 1] = cont
            } else {
                // Breaking a wide character that started here.
                if p[i].width == 2 && x + 1 < width { p[i + 1].scalar = " "; p[i + 1].width = 1 }
                p[i] = cell
            }
        }
    }

    /// The grid as text, one string per row; continuation cells are skipped, so a row of wide
    /// characters has fewer characters than `width`. Trailing spaces are kept.
    public func lines() -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        for y in 0..<height {
            var s = String.UnicodeScalarView()
            for x in 0..<width where cells[y * width + x].width != 0 { s.append(cells[y * width + x].scalar) }
            out.append(String(s))
        }
        return out
    }
}
