// The selection and scroll position shared by lists, trees and tables: which row is selected,
// which row is at the top, and how many rows fit. Keeping it in one value makes every list-like
// widget move the same way on the same keys (StandardKeys.navigation).

/// A selected row among `count`, scrolled so it stays visible in `visibleRows`.
public struct SelectionModel: Hashable, Sendable {
    /// Number of rows.
    public private(set) var count: Int = 0
    /// The selected row, 0..<count (0 when empty).
    public private(set) var selected: Int = 0
    /// The first visible row.
    public private(set) var offset: Int = 0
    /// Rows that fit in the view (set by the widget when it draws).
    public var visibleRows: Int = 1 { didSet { visibleRows = max(1, visibleRows); reveal() } }

    public init(count: Int = 0) { setCount(count) }

    /// Changes the number of rows, keeping the selection in range.
    public mutating func setCount(_ n: Int) {
        count = max(0, n)
        selected = min(selected, max(0, count - 1))
        reveal()
    }

    /// Selects row `i` (clamped) and scrolls it into view.
    public mutating func select(_ i: Int) {
        selected = count == 0 ? 0 : min(max(0, i), count - 1)
        reveal()
    }

    /// Moves the selection by `delta` rows.
    public mutating func move(_ delta: Int) { select(selected + delta) }

    /// Scrolls the view by `delta` rows without moving the selection past the view.
    public mutating func scroll(_ delta: Int) {
        offset = min(max(0, offset + delta), max(0, count - visibleRows))
        if selected < offset { selected = offset }
        if selected >= offset + visibleRows { selected = min(count - 1, offset + visibleRows - 1) }
    }

    /// Applies a navigation action; false when it is not one.
    public mutating func apply(_ action: KeyAction) -> Bool {
        switch action {
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-max(1, visibleRows - 1))
        case .pageDown: move(max(1, visibleRows - 1))
        case .top: select(0)
        case .bottom: select(count - 1)
        default: return false
        }
        return true
    }

    /// Applies the mouse wheel; false for other mouse events.
    public mutating func applyWheel(_ m: MouseEvent) -> Bool {
        switch m.kind {
        case .wheelUp: scroll(-3); return true
        case .wheelDown: scroll(3); return true
        default: return false
        }
    }

    private mutating func reveal() {
        if selected < offset { offset = selected }
        if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        offset = min(max(0, offset), max(0, count - visibleRows))
    }
}
