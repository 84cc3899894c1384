// The bindings shared by every list-like widget (vi keys and arrows, like htop, tig and ranger)
// and the app's global keys. Widgets dispatch through these lists, so a screen that shows a
// list can put the same bindings in its help screen.

/// Binding lists used by the standard widgets and the app.
public enum StandardKeys {
    /// Moving a selection or scrolling.
    public static let navigation: [KeyBinding] = [
        KeyBinding([.up, .char("k")], "up", "Move up one line", action: .up, inFooter: false, section: "Navigation"),
        KeyBinding([.down, .char("j")], "down", "Move down one line", action: .down, inFooter: false, section: "Navigation"),
        KeyBinding([.pageUp, .ctrl("b")], "page up", "Move up one page", action: .pageUp, inFooter: false, section: "Navigation"),
        KeyBinding([.pageDown, .ctrl("f")], "page down", "Move down one page", action: .pageDown, inFooter: false, section: "Navigation"),
        KeyBinding([.home, .char("g")], "top", "Go to the first line", action: .top, inFooter: false, section: "Navigation"),
        KeyBinding([.end, .char("G")], "bottom", "Go to the last line", action: .bottom, inFooter: false, section: "Navigation"),
    ]

    /// Tree nodes.
    public static let tree: [KeyBinding] = navigation + [
        KeyBinding([.right, .char("l")], "expand", "Expand the node, or go to its first child", action: .expand, inFooter: false, section: "Tree"),
        KeyBinding([.left, .char("h")], "collapse", "Collapse the node, or go to its parent", action: .collapse, inFooter: false, section: "Tree"),
        KeyBinding([.enter, .char(" ")], "toggle", "Expand or collapse the node", action: .toggle, section: "Tree"),
    ]

    /// Lists that can be filtered by typing.
    public static let filterableList: [KeyBinding] = navigation + [
        KeyBinding(.char("/"), "filter", "Filter the list by text (Enter keeps, Esc clears)", action: .filter, section: "List"),
    ]
}
