// What the workbench needs from a terminal: its size, cells drawn at positions, a flush, input
// events with a timeout, and how many colours it shows. `NCursesTerminal` is the real one;
// `GridTerminal` keeps cells in memory for tests. Diffing lives above this, in `FrameBuffer`, so a
// terminal only ever receives the cells that changed.

/// The width and height of something, in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// How many colours a terminal can show.
public enum ColorCapability: String, Sendable, CaseIterable {
    /// 24-bit colour: every RGB value as is.
    case trueColor
    /// The xterm 256-colour palette: RGB is mapped to the nearest entry.
    case palette256
    /// The 8 ANSI colours.
    case palette8
    /// No colour (NO_COLOR, or a terminal without colour): attributes only.
    case none
}

/// A display and keyboard the workbench draws on.
public protocol Terminal: AnyObject {
    /// Current size in cells.
    var size: Size { get }
    /// What colours `draw` can show; RGB values are reduced to fit.
    var colorCapability: ColorCapability { get }
    /// Draws one cell. A wide cell (`width == 2`) covers `x` and `x + 1`; continuation cells
    /// (`width == 0`) are never passed. Nothing shows until `flush()`.
    func draw(_ cell: Cell, x: Int, y: Int)
    /// Shows what was drawn since the last flush.
    func flush()
    /// The next input event, waiting at most `timeout` milliseconds (0: do not wait); nil on timeout.
    func readKey(timeout: Int) -> Key?
    /// True once if the terminal lost track of what is on screen (its colour pairs were recycled,
    /// say) and the next frame must be drawn in full.
    func takeFullRedrawRequest() -> Bool
}

/// Errors from setting up or using a terminal.
public struct TerminalError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
