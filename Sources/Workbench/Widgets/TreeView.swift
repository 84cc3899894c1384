// A collapsible tree (the metadata tree, a PDF's object structure), drawn as an indented list
// with ▸/▾ markers. Navigation is the list's; →/l opens a node or steps into it, ←/h closes it or
// steps out to its parent, Enter/Space toggles (ranger's and tig's tree keys).

/// A tree with a selection, expanding and collapsing nodes.
public struct TreeView {
    /// The top-level nodes.
    public var roots: [TreeNode] { didSet { rebuild() } }
    public private(set) var selection = SelectionModel()
    /// The rows shown: each visible node and its depth.
    public private(set) var rows: [(node: TreeNode, depth: Int)] = []
    /// Bindings, for the help screen.
    public static let keyBindings = StandardKeys.tree
    private var screenRect = Rect(x: 0, y: 0, width: 0, height: 0)

    public init(roots: [TreeNode] = []) {
        self.roots = roots
        rebuild()
    }

    /// The selected node.
    public var selectedNode: TreeNode? { rows.isEmpty ? nil : rows[selection.selected].node }

    /// Labels from the root to the selected node: `["exif", "Make"]`.
    public var selectedPath: [String] {
        guard !rows.isEmpty else { return [] }
        var path: [String] = []
        var depth = rows[selection.selected].depth + 1
        for i in stride(from: selection.selected, through: 0, by: -1) where rows[i].depth < depth {
            path.insert(rows[i].node.label, at: 0)
            depth = rows[i].depth
        }
        return path
    }

    /// Recomputes the visible rows after nodes were opened or closed from outside.
    public mutating func rebuild() {
        let selected = selectedNode
        rows.removeAll(keepingCapacity: true)
        func walk(_ nodes: [TreeNode], _ depth: Int) {
            for n in nodes {
                rows.append((n, depth))
                if n.isExpanded { walk(n.children, depth + 1) }
            }
        }
        walk(roots, 0)
        selection.setCount(rows.count)
        if let selected, let i = rows.firstIndex(where: { $0.node === selected }) { selection.select(i) }
    }

    /// Opens or closes every node.
    public mutating func setAllExpanded(_ open: Bool) {
        func walk(_ nodes: [TreeNode]) { for n in nodes { if !n.isLeaf { n.isExpanded = open }; walk(n.children) } }
        walk(roots)
        rebuild()
    }

    /// Handles a key; false when the tree does not use it.
    public mutating func handle(_ key: Key) -> Bool {
        if case .mouse(let m) = key {
            guard screenRect.contains(x: m.x, y: m.y) else { return false }
            if selection.applyWheel(m) { return true }
            guard m.kind == .press else { return false }
            let row = selection.offset + m.y - screenRect.y
            if row < rows.count {
                if row == selection.selected, !rows[row].node.isLeaf { rows[row].node.isExpanded.toggle(); rebuild() }
                else { selection.select(row) }
            }
            return true
        }
        guard let action = Self.keyBindings.action(for: key) else { return false }
        guard let node = selectedNode else { return selection.apply(action) }
        let i = selection.selected
        switch action {
        case .expand:
            if node.isLeaf { return true }
            if node.isExpanded { selection.move(1) } else { node.isExpanded = true; rebuild() }
        case .collapse:
            if node.isExpanded && !node.isLeaf { node.isExpanded = false; rebuild() }
            else if let parent = (0..<i).last(where: { rows[$0].depth < rows[i].depth }) { selection.select(parent) }
        case .toggle:
            if !node.isLeaf { node.isExpanded.toggle(); rebuild() }
        default:
            return selection.apply(action)
        }
        return true
    }

    /// Draws the visible rows.
    public mutating func draw(into canvas: Canvas, theme: Theme, focused: Bool = true) {
        screenRect = canvas.rect
        selection.visibleRows = canvas.height
        for r in 0..<canvas.height {
            let i = selection.offset + r
            guard i < rows.count else { break }
            let (node, depth) = rows[i]
            let isSelected = i == selection.selected
            var style = node.role.flatMap { theme.monochrome ? nil : theme.text.with(fg: theme[$0]) } ?? theme.text
            if isSelected { style = focused ? theme.selection : theme.text.with(.underline) }
            let valueStyle = isSelected ? style : theme.dim
            canvas.fill(Rect(x: 0, y: r, width: canvas.width, height: 1), style: style)
            var x = 1 + depth * 2
            let marker: String = node.isLeaf ? "  " : node.isExpanded ? "▾ " : "▸ "
            x += canvas.put(marker, x: x, y: r, style: isSelected ? style : theme.accent)
            x += canvas.put(node.label, x: x, y: r, style: style, maxWidth: canvas.width - x - 1)
            if let v = node.value, x < canvas.width - 3 {
                x += canvas.put(node.isLeaf ? ": " : "  ", x: x, y: r, style: valueStyle)
                canvas.putPadded(v, x: x, y: r, width: canvas.width - x - 1, style: valueStyle)
            }
        }
    }
}
