// Input events as the workbench sees them: keys, mouse clicks and wheel in cell coordinates, and
// terminal resizes. Terminals translate their own codes (ncurses KEY_*, a test's queue) into these,
// so screens and keymaps never see a terminal-specific number.

/// A mouse event at a cell (column `x`, row `y`, from the top-left of the screen).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, wheelUp, wheelDown }
    public enum Button: Hashable, Sendable { case left, middle, right, none }
    public var kind: Kind
    public var button: Button
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, button: Button = .left, x: Int, y: Int) {
        self.kind = kind; self.button = button; self.x = x; self.y = y
    }
}

/// One input event: a key, a mouse event or a resize.
public enum Key: Hashable, Sendable {
    /// A printable character (including space).
    case char(Character)
    /// Ctrl plus a letter, lower-case: `.ctrl("l")`.
    case ctrl(Character)
    /// F1...F12.
    case function(Int)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete, insert
    case mouse(MouseEvent)
    /// The terminal changed size; read the new size from the terminal.
    case resize

    /// Short display name for footers and the help screen: `q`, `Space`, `C-l`, `S-Tab`, `PgDn`, `F1`.
    public var displayName: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .function(let n): return "F\(n)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "BS"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .mouse: return "mouse"
        case .resize: return "resize"
        }
    }

    /// The printable character, if this is one.
    public var character: Character? {
        if case .char(let c) = self { return c }
        return nil
    }
}
