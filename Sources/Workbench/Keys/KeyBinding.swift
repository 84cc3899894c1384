// Keybindings are data (lazygit's GetKeybindings): each says which keys, a short name for the
// footer, a sentence for the help screen, and an action id. Screens declare their lists and
// dispatch on the action, so the footer, the help screen and (later) a user keymap file all come
// from the same list and cannot drift from what the keys actually do.

/// What a key does, as a stable id (`"next-frame"`). Screens add theirs as static constants:
/// `extension KeyAction { static let nextFrame = KeyAction("next-frame") }`.
public struct KeyAction: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let id: String
    public init(_ id: String) { self.id = id }
    public init(stringLiteral value: String) { id = value }
    public var description: String { id }
}

/// One binding: keys, names for people, and the action.
public struct KeyBinding: Sendable, Equatable {
    /// The keys that trigger it (the first is shown in the footer).
    public var keys: [Key]
    /// A word or two for the footer: "quit", "help", "next frame".
    public var name: String
    /// A sentence for the help screen.
    public var description: String
    public var action: KeyAction
    /// Shown in the footer (all bindings are on the help screen).
    public var inFooter: Bool
    /// Help screen section: "Navigation", "View", ...
    public var section: String

    public init(_ keys: [Key], _ name: String, _ description: String, action: KeyAction, inFooter: Bool = true, section: String = "") {
        precondition(!keys.isEmpty, "a key binding needs a key")
        self.keys = keys; self.name = name; self.description = description
        self.action = action; self.inFooter = inFooter; self.section = section
    }

    public init(_ key: Key, _ name: String, _ description: String, action: KeyAction, inFooter: Bool = true, section: String = "") {
        self.init([key], name, description, action: action, inFooter: inFooter, section: section)
    }

    /// "j/↓", the keys as shown to people.
    public var keyLabel: String { keys.map(\.displayName).joined(separator: "/") }
}

extension Array where Element == KeyBinding {
    /// The first binding that `key` triggers.
    public func binding(for key: Key) -> KeyBinding? { first { $0.keys.contains(key) } }
    /// The action `key` triggers, if any.
    public func action(for key: Key) -> KeyAction? { binding(for: key)?.action }
}

extension KeyAction {
    // Actions the app itself handles (App.globalBindings).
    public static let quit = KeyAction("quit")
    public static let help = KeyAction("help")
    public static let back = KeyAction("back")
    public static let nextPane = KeyAction("next-pane")
    public static let previousPane = KeyAction("previous-pane")
    public static let redraw = KeyAction("redraw")
    // Actions the standard widgets understand.
    public static let up = KeyAction("up")
    public static let down = KeyAction("down")
    public static let pageUp = KeyAction("page-up")
    public static let pageDown = KeyAction("page-down")
    public static let top = KeyAction("top")
    public static let bottom = KeyAction("bottom")
    public static let expand = KeyAction("expand")
    public static let collapse = KeyAction("collapse")
    public static let toggle = KeyAction("toggle")
    public static let filter = KeyAction("filter")
}
