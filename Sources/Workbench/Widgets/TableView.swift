// A table: a header row and rows of cells in columns sized like canvas splits (fixed, ratio,
// fill), with a selected row. For per-branch scores, findings, streams, PDF objects.

/// A column of a `TableView`.
public struct TableColumn: Sendable {
    public var title: String
    public var width: Length
    public var alignRight: Bool
    public init(_ title: String, width: Length = .fill, alignRight: Bool = false) {
        self.title = title; self.width = width; self.alignRight = alignRight
    }
}

/// One row: cell texts and an optional colour role per cell.
public struct TableRow: Sendable {
    public var cells: [String]
    /// Colour for each cell (nil: plain text); shorter than `cells` is fine.
    public var roles: [ThemeColor?]
    public init(_ cells: [String], roles: [ThemeColor?] = []) { self.cells = cells; self.roles = roles }
}

/// A table with a header and row selection.
public struct TableView {
    public var columns: [TableColumn]
    public var rows: [TableRow] { didSet { selection.setCount(rows.count) } }
    public private(set) var selection = SelectionModel()
    /// Bindings, for the help screen.
    public static let keyBindings = StandardKeys.navigation
    private var screenRect = Rect(x: 0, y: 0, width: 0, height: 0)

    public init(columns: [TableColumn], rows: [TableRow] = []) {
        self.columns = columns
        self.rows = rows
        selection.setCount(rows.count)
    }

    /// Selects row `i` (clamped).
    public mutating func select(row i: Int) { selection.select(i) }

    /// The selected row index, nil when empty.
    public var selectedRow: Int? { rows.isEmpty ? nil : selection.selected }

    /// Handles a key; false when the table does not use it.
    public mutating func handle(_ key: Key) -> Bool {
        if case .mouse(let m) = key {
            guard screenRect.contains(x: m.x, y: m.y) else { return false }
            if selection.applyWheel(m) { return true }
            let row = selection.offset + m.y - screenRect.y - 1
            if m.kind == .press, row >= 0, row < rows.count { selection.select(row) }
            return m.kind == .press
        }
        guard let action = Self.keyBindings.action(for: key) else { return false }
        return selection.apply(action)
    }

    /// Draws the header and the visible rows.
    public mutating func draw(into canvas: Canvas, theme: Theme, focused: Bool = true) {
        screenRect = canvas.rect
        guard canvas.height > 0 else { return }
        let widths = Canvas.distribute(total: max(0, canvas.width - 2), lengths: columns.map(\.width), gap: 1)
        func drawRow(_ y: Int, _ texts: [String], style: (Int) -> Style, rowStyle: Style) {
            canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), style: rowStyle)
            var x = 1
            for (c, w) in widths.enumerated() {
                let t = c < texts.count ? texts[c] : ""
                canvas.putPadded(t, x: x, y: y, width: w, style: style(c), alignRight: columns[c].alignRight)
                x += w + 1
            }
        }
        drawRow(0, columns.map(\.title), style: { _ in theme.accent.with(.underline) }, rowStyle: theme.text)
        selection.visibleRows = max(1, canvas.height - 1)
        for r in 0..<(canvas.height - 1) {
            let i = selection.offset + r
            guard i < rows.count else { break }
            let row = rows[i]
            let isSelected = i == selection.selected
            let base = isSelected ? (focused ? theme.selection : theme.text.with(.underline)) : theme.text
            drawRow(r + 1, row.cells, style: { c in
                guard !isSelected, !theme.monochrome, c < row.roles.count, let role = row.roles[c] else { return base }
                return base.with(fg: theme[role])
            }, rowStyle: base)
        }
    }
}
