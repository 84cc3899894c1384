// Double buffering with diffing. Screens draw the whole frame into `back` each time; `present`
// compares it cell by cell with `front` (what the terminal already shows), sends only the cells
// that differ, and swaps. A resize or a terminal's full-redraw request makes the next present send
// everything.

/// Two cell grids and the diff between them.
public final class FrameBuffer {
    /// What the terminal shows (as far as we know).
    public private(set) var front: CellBuffer
    /// What is being drawn for the next frame.
    public private(set) var back: CellBuffer
    private var fullRedraw = true
    /// Cells sent to the terminal by the last `present`.
    public private(set) var lastChangedCells = 0

    public init(size: Size) {
        front = CellBuffer(width: size.width, height: size.height)
        back = CellBuffer(width: size.width, height: size.height)
    }

    public var size: Size { Size(width: back.width, height: back.height) }

    /// Resizes both grids; the next present redraws everything.
    public func resize(_ size: Size) {
        guard size != self.size else { return }
        let blank = Cell(" ", fg: .white, bg: .black)
        front.resize(width: size.width, height: size.height, fill: blank)
        back.resize(width: size.width, height: size.height, fill: blank)
        fullRedraw = true
    }

    /// Forces the next present to send every cell.
    public func invalidate() { fullRedraw = true }

    /// A canvas over the whole back grid, cleared to `style`.
    @discardableResult
    public func beginFrame(clearingTo style: Style) -> Canvas {
        back.clear(.blank(style))
        return Canvas(buffer: back)
    }

    /// Sends the cells of `back` that differ from `front` to `terminal`, flushes and swaps.
    public func present(to terminal: any Terminal) {
        if terminal.takeFullRedrawRequest() { fullRedraw = true }
        let w = back.width, h = back.height
        var changed = 0
        let full = fullRedraw
        back.cells.withUnsafeBufferPointer { b in
            front.cells.withUnsafeBufferPointer { f in
                for y in 0..<h {
                    let row = y * w
                    for x in 0..<w {
                        let c = b[row + x]
                        // A continuation is drawn with its wide character, which differs whenever it does
                        // (the buffer keeps the pair together).
                        if c.width == 0 { continue }
                        if full || c != f[row + x] {
                            terminal.draw(c, x: x, y: y)
                            changed += 1
                        }
                    }
                }
            }
        }
        terminal.flush()
        lastChangedCells = changed
        fullRedraw = false
        swap(&front, &back)
    }
}
