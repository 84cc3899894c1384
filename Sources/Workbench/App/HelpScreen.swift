// The help screen, generated from a screen's key bindings plus the app's global ones and grouped
// by section, so it cannot disagree with what the keys do.

/// Lists every key of a screen.
public final class HelpScreen: Screen {
    public let title: String
    private var table: TableView

    public var keyBindings: [KeyBinding] {
        [KeyBinding([.char("q"), .escape, .char("?"), .function(1)], "close", "Close the help", action: .back)] + TableView.keyBindings
    }

    /// Help for `screen`, followed by the `global` keys.
    public init(for screen: any Screen, global: [KeyBinding]) {
        title = "Help: \(screen.title)"
        table = TableView(columns: [TableColumn("Key", width: .fixed(16)), TableColumn("Action")], rows: Self.rows(screen.keyBindings + global, defaultSection: screen.title))
    }

    /// Table rows: a header per section, then `keys  description` lines; repeated bindings once.
    static func rows(_ bindings: [KeyBinding], defaultSection: String) -> [TableRow] {
        var sections: [String] = []
        var bySection: [String: [KeyBinding]] = [:]
        var seen = Set<String>()
        for b in bindings {
            let key = b.keyLabel + "\u{0}" + b.action.id
            guard seen.insert(key).inserted else { continue }
            let s = b.section.isEmpty ? defaultSection : b.section
            if bySection[s] == nil { sections.append(s) }
            bySection[s, default: []].append(b)
        }
        var rows: [TableRow] = []
        for s in sections {
            if !rows.isEmpty { rows.append(TableRow([""])) }
            rows.append(TableRow([s], roles: [.accent]))
            for b in bySection[s] ?? [] { rows.append(TableRow([b.keyLabel, b.description])) }
        }
        return rows
    }

    public func draw(into canvas: Canvas, theme: Theme) {
        table.draw(into: canvas.box(.rounded, style: theme.border, title: title, titleStyle: theme.accent), theme: theme)
    }

    public func handle(_ key: Key) -> ScreenResult {
        switch key {
        case .char("q"), .escape, .char("?"), .function(1): return .pop
        default: return table.handle(key) ? .handled : .ignored
        }
    }
}
