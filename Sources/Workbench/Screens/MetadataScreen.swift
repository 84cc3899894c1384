// The metadata tree of the open file (container, streams, EXIF, XMP, JPEG tables, PDF Info and
// structure), collapsible and searchable, with the metadata and ingest findings beside it.
import Evidence

extension KeyAction {
    static let search = KeyAction("search")
    static let expandAll = KeyAction("expand-all")
    static let collapseAll = KeyAction("collapse-all")
}

/// Browses a file's metadata tree.
public final class MetadataScreen: Screen {
    let file: OpenedFile
    var tree: TreeView
    var notes = TextPane()
    var query = ""

    public init(file: OpenedFile) {
        self.file = file
        let roots = TreeNode.nodes(from: file.summary.metadata, expandedDepth: 1)
        marked = Self.markFindings(roots, findings: Self.relevantFindings(file))
        tree = TreeView(roots: roots)
    }

    /// Fields a finding names (by its location), coloured by severity with the tree opened to them.
    private(set) var marked = 0

    static func relevantFindings(_ file: OpenedFile) -> [Finding] {
        (file.summary.findings + file.branchResults.filter { $0.id == "metadata" || $0.id == "pdf" }.flatMap(\.findings))
            .sorted { $0.severity > $1.severity }
    }

    /// Colours each leaf whose key a finding's location names ("EXIF Software", "XMP
    /// exif:PixelXDimension/..."), and opens the tree down to it, so a finding stands next to
    /// the field it concerns. Returns how many fields were marked.
    static func markFindings(_ roots: [TreeNode], findings: [Finding]) -> Int {
        let located = findings.compactMap { f in f.location.map { (f.severity, $0.lowercased()) } }.filter { $0.0 >= .notice }
        guard !located.isEmpty else { return 0 }
        var count = 0
        func visit(_ n: TreeNode, _ path: [TreeNode]) -> Bool {
            if n.isLeaf {
                let key = n.label.lowercased()
                guard key.count >= 4, let hit = located.first(where: { $0.1.contains(key) }) else { return false }
                n.role = hit.0 == .critical ? .critical : hit.0 == .warning ? .warning : .notice
                count += 1
                return true
            }
            var any = false
            for c in n.children where visit(c, path + [n]) { any = true }
            if any { n.isExpanded = true }
            return any
        }
        for r in roots { _ = visit(r, []) }
        return count
    }

    public var title: String { "metadata" }

    public var keyBindings: [KeyBinding] {
        [
            KeyBinding(.char("/"), "search", "Find a key or value (expands the tree to the matches)", action: .search, section: "Metadata"),
            KeyBinding(.char("E"), "expand all", "Expand every node", action: .expandAll, section: "Metadata"),
            KeyBinding(.char("C"), "collapse all", "Collapse every node", action: .collapseAll, inFooter: false, section: "Metadata"),
        ] + TreeView.keyBindings
    }

    public func draw(into canvas: Canvas, theme: Theme) {
        let (left, right) = canvas.splitLeft(.ratio(0.62))
        let box = left.box(.rounded, style: theme.accent, title: "Metadata" + (marked > 0 ? " · \(marked) field\(marked == 1 ? "" : "s") named by findings, coloured" : "") + (query.isEmpty ? "" : " · /\(query)"))
        tree.draw(into: box, theme: theme, focused: true)
        let relevant = Self.relevantFindings(file)
        let side = right.box(.rounded, style: theme.border, title: "Metadata findings (\(relevant.count))")
        var y = 0
        for f in relevant {
            for (i, line) in TextPane.wrap("[\(f.severity.rawValue)] \(f.message)", width: max(1, side.width)).enumerated() {
                guard y < side.height else { return }
                side.put(line, x: 0, y: y, style: i == 0 ? theme.severityStyle(f.severity) : theme.text)
                y += 1
            }
        }
        if relevant.isEmpty { side.put("none", x: 0, y: 0, style: theme.dim) }
    }

    public func handle(_ key: Key) -> ScreenResult {
        guard let action = keyBindings.action(for: key) else { return tree.handle(key) ? .handled : .ignored }
        switch action {
        case .search:
            return .push(PromptScreen(title: "Find in metadata", initial: query) { [self] text in
                query = text
                let n = expand(matching: text.lowercased())
                return .status(n == 0 ? "no key or value contains \"\(text)\"" : "\(n) match\(n == 1 ? "" : "es") for \"\(text)\"")
            })
        case .expandAll: tree.setAllExpanded(true); return .handled
        case .collapseAll: tree.setAllExpanded(false); return .handled
        default: return tree.handle(key) ? .handled : .ignored
        }
    }

    /// Expands the paths to every node whose label or value contains `q`; returns the count.
    func expand(matching q: String) -> Int {
        guard !q.isEmpty else { return 0 }
        var count = 0
        func visit(_ n: TreeNode) -> Bool {
            var hit = n.label.lowercased().contains(q) || (n.value?.lowercased().contains(q) ?? false)
            if hit { count += 1 }
            for c in n.children where visit(c) { hit = true; n.isExpanded = true }
            return hit
        }
        for r in tree.roots { _ = visit(r) }
        tree.rebuild()
        return count
    }
}
