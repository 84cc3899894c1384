// A node of a collapsible tree: a label, an optional value, children, and whether it is open.
// A class, because the tree view toggles nodes in place while it shows a flattened list of them.
// `TreeNode.nodes(from:)` builds the metadata tree (Evidence.MetadataGroup) an analyst browses.
import Evidence

/// One node of a `TreeView`.
public final class TreeNode {
    public var label: String
    /// Shown after the label, dim: a metadata value.
    public var value: String?
    public var children: [TreeNode]
    public var isExpanded: Bool
    /// Colour for the label (a finding's severity, say).
    public var role: ThemeColor?

    public init(_ label: String, value: String? = nil, children: [TreeNode] = [], isExpanded: Bool = false, role: ThemeColor? = nil) {
        self.label = label; self.value = value; self.children = children; self.isExpanded = isExpanded; self.role = role
    }

    public var isLeaf: Bool { children.isEmpty }

    /// The metadata tree as nodes: groups and lists of groups become branches, everything else a
    /// leaf with its display text. The first `expandedDepth` levels start open.
    public static func nodes(from group: MetadataGroup, expandedDepth: Int = 1) -> [TreeNode] {
        nodes(group, depth: 0, expandedDepth: expandedDepth)
    }

    private static func nodes(_ group: MetadataGroup, depth: Int, expandedDepth: Int) -> [TreeNode] {
        group.entries.map { node(key: $0.key, value: $0.value, depth: depth, expandedDepth: expandedDepth) }
    }

    private static func node(key: String, value: MetadataValue, depth: Int, expandedDepth: Int) -> TreeNode {
        let open = depth < expandedDepth
        switch value {
        case .group(let g):
            return TreeNode(key, children: nodes(g, depth: depth + 1, expandedDepth: expandedDepth), isExpanded: open)
        case .list(let items) where items.contains(where: { if case .group = $0 { return true } else { return false } }):
            let children = items.enumerated().map { node(key: "[\($0.offset)]", value: $0.element, depth: depth + 1, expandedDepth: expandedDepth) }
            return TreeNode(key, value: "\(items.count) items", children: children, isExpanded: open)
        default:
            return TreeNode(key, value: value.displayText)
        }
    }
}
