// A scrollable list with a selection and filtering by typing ('/' then text, like less and htop's
// search). Items carry an optional right-aligned detail (a score, a size) and a colour role. The
// widget owns its state; a screen keeps it in a `var`, forwards keys, and draws it.

/// One row of a list.
public struct ListItem: Sendable, Equatable {
    public var text: String
    /// Right-aligned, dim: a size, a score, a count.
    public var detail: String?
    /// Colour for the text instead of the theme's plain text.
    public var role: ThemeColor?
    public init(_ text: String, detail: String? = nil, role: ThemeColor? = nil) {
        self.text = text; self.detail = detail; self.role = role
    }
}

/// A list with selection, scrolling and filtering.
public struct ListView {
    /// All items; assigning re-applies the filter.
    public var items: [ListItem] { didSet { refilter() } }
    public private(set) var selection = SelectionModel()
    /// Case-insensitive text the visible items contain.
    public private(set) var filter = ""
    /// True while the analyst is typing a filter.
    public private(set) var isEditingFilter = false
    /// Indices into `items` of the rows shown.
    public private(set) var visible: [Int] = []
    /// Bindings, for the help screen.
    public static let keyBindings = StandardKeys.filterableList
    private var screenRect = Rect(x: 0, y: 0, width: 0, height: 0)

    public init(items: [ListItem] = []) {
        self.items = items
        refilter()
    }

    /// The index into `items` of the selected row, nil when nothing is shown.
    public var selectedIndex: Int? { visible.isEmpty ? nil : visible[selection.selected] }

    /// Selects the row showing `items[index]`, if it is visible.
    public mutating func select(itemIndex index: Int) {
        if let row = visible.firstIndex(of: index) { selection.select(row) }
    }

    /// Sets the filter text.
    public mutating func setFilter(_ text: String) { filter = text; refilter() }

    private mutating func refilter() {
        let previous: Int? = visible.indices.contains(selection.selected) ? visible[selection.selected] : nil
        if filter.isEmpty { visible = Array(items.indices) } else {
            let needle = filter.lowercased()
            visible = items.indices.filter { items[$0].text.lowercased().contains(needle) }
        }
        selection.setCount(visible.count)
        if let previous, let row = visible.firstIndex(of: previous) { selection.select(row) }
    }

    /// Handles a key; false when the list does not use it.
    public mutating func handle(_ key: Key) -> Bool {
        if isEditingFilter {
            switch key {
            case .char(let c): setFilter(filter + String(c)); return true
            case .backspace: if !filter.isEmpty { setFilter(String(filter.dropLast())) }; return true
            case .enter: isEditingFilter = false; return true
            case .escape: isEditingFilter = false; setFilter(""); return true
            default: break
            }
        }
        if case .mouse(let m) = key { return handleMouse(m) }
        if key == .escape && !filter.isEmpty { setFilter(""); return true }
        guard let action = Self.keyBindings.action(for: key) else { return false }
        if action == .filter { isEditingFilter = true; return true }
        return selection.apply(action)
    }

    private mutating func handleMouse(_ m: MouseEvent) -> Bool {
        guard screenRect.contains(x: m.x, y: m.y) else { return false }
        if selection.applyWheel(m) { return true }
        if m.kind == .press {
            let row = selection.offset + (m.y - screenRect.y)
            if row < visible.count { selection.select(row) }
            return true
        }
        return false
    }

    /// Draws the visible rows (and the filter line while filtering or filtered).
    public mutating func draw(into canvas: Canvas, theme: Theme, focused: Bool = true) {
        screenRect = canvas.rect
        var body = canvas
        if isEditingFilter || !filter.isEmpty {
            let parts = canvas.splitBottom(.fixed(1))
            body = parts.0
            let line = parts.1
            line.fill(style: theme.statusBar)
            let used = line.put("/", x: 0, y: 0, style: theme.statusAccent)
            let w = line.put(filter, x: used, y: 0, style: theme.statusBar)
            if isEditingFilter { line.put("▏", x: used + w, y: 0, style: theme.statusAccent) }
            line.putPadded("\(visible.count)/\(items.count)", x: line.width - 12, y: 0, width: 12, style: theme.statusBar, alignRight: true)
        }
        selection.visibleRows = body.height
        for row in 0..<body.height {
            let i = selection.offset + row
            guard i < visible.count else { break }
            let item = items[visible[i]]
            let isSelected = i == selection.selected
            var style = item.role.map { theme.text.with(fg: theme[$0]) } ?? theme.text
            if theme.monochrome { style = theme.text }
            if isSelected { style = focused ? theme.selection : theme.text.with(.underline) }
            body.fill(Rect(x: 0, y: row, width: body.width, height: 1), style: style)
            var detailWidth = 0
            if let d = item.detail {
                detailWidth = min(body.width / 2, CharWidth.columns(d))
                body.putPadded(d, x: body.width - detailWidth, y: row, width: detailWidth, style: isSelected ? style : theme.dim, alignRight: true)
            }
            body.putPadded(item.text, x: 1, y: row, width: max(0, body.width - detailWidth - 2), style: style)
        }
    }
}
