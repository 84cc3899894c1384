// An in-memory terminal for tests and scripted replays, like tig's `:save-display`: it records the
// cells drawn, gives the screen back as text lines, and plays a queue of input events. Resizing it
// queues a `.resize` event, as SIGWINCH does for a real terminal.

/// A terminal that keeps its screen in memory.
public final class GridTerminal: Terminal {
    public private(set) var size: Size
    public var colorCapability: ColorCapability
    private var screen: CellBuffer
    private var input: [Key] = []
    private var inputHead = 0
    private var redrawRequested = false
    /// Number of `draw` calls so far (cells sent), to check that diffing sends only changes.
    public private(set) var cellsDrawn = 0
    /// Number of `flush` calls so far.
    public private(set) var flushes = 0

    /// A blank `width` x `height` screen.
    public init(width: Int, height: Int, colorCapability: ColorCapability = .trueColor) {
        size = Size(width: width, height: height)
        self.colorCapability = colorCapability
        screen = CellBuffer(width: width, height: height)
    }

    public func draw(_ cell: Cell, x: Int, y: Int) {
        precondition(x >= 0 && y >= 0 && x < size.width && y < size.height, "draw outside the screen at \(x),\(y)")
        precondition(cell.width != 0, "continuation cells are not drawn")
        if cell.width == 2 && x + 1 >= size.width { return }
        screen.set(cell, x: x, y: y)
        cellsDrawn += 1
    }

    public func flush() { flushes += 1 }

    public func readKey(timeout: Int) -> Key? {
        guard inputHead < input.count else { return nil }
        defer { inputHead += 1 }
        return input[inputHead]
    }

    public func takeFullRedrawRequest() -> Bool {
        defer { redrawRequested = false }
        return redrawRequested
    }

    // MARK: test controls

    /// Queues input events, read in order by `readKey`.
    public func feed(_ keys: [Key]) { input.append(contentsOf: keys) }
    /// Queues the characters of `text` as `.char` keys.
    public func type(_ text: String) { feed(text.map { Key.char($0) }) }
    /// Input events not yet read.
    public var pendingInput: Int { input.count - inputHead }

    /// Changes the size (the screen is cleared) and queues a `.resize` event.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        screen = CellBuffer(width: width, height: height)
        feed([.resize])
    }

    /// Makes the next frame a full redraw, as a terminal that lost its colour pairs would.
    public func requestFullRedraw() { redrawRequested = true }

    /// The screen as text lines (wide characters once; trailing spaces trimmed when `trim`).
    public func snapshot(trim: Bool = true) -> [String] {
        screen.lines().map { trim ? String($0.reversed().drop(while: { $0 == " " }).reversed()) : $0 }
    }

    /// The whole screen as one string, rows joined by newlines.
    public var text: String { snapshot().joined(separator: "\n") }

    /// The cell at `x`, `y` as last drawn.
    public func cell(_ x: Int, _ y: Int) -> Cell { screen[x, y] }
}
