// Splitting a canvas into panes: rows or columns sized by fixed cells, ratios or "the rest", the
// way htop and btop lay out meters. Pure arithmetic on rectangles, so a resize re-lays out by
// simply drawing again.

/// How big one pane of a split is along the split axis.
public enum Length: Hashable, Sendable {
    /// Exactly this many cells (less if there is not room).
    case fixed(Int)
    /// This fraction of the whole (0...1), rounded down.
    case ratio(Double)
    /// A share of what fixed and ratio panes leave; several `fill`s share equally.
    case fill
}

/// The axis along which a canvas is cut.
public enum SplitAxis: Sendable {
    /// Panes side by side, left to right.
    case columns
    /// Panes stacked, top to bottom.
    case rows
}

extension Canvas {
    /// Cuts the canvas into panes along `axis`, with `gap` cells between them.
    public func split(_ axis: SplitAxis, _ lengths: [Length], gap: Int = 0) -> [Canvas] {
        let total = axis == .columns ? width : height
        let sizes = Self.distribute(total: total, lengths: lengths, gap: gap)
        var out: [Canvas] = []
        var pos = 0
        for s in sizes {
            let r = axis == .columns ? Rect(x: pos, y: 0, width: s, height: height) : Rect(x: 0, y: pos, width: width, height: s)
            out.append(sub(r))
            pos += s + gap
        }
        return out
    }

    /// Left pane `width` cells wide (fixed or ratio) and the rest.
    public func splitLeft(_ length: Length, gap: Int = 0) -> (Canvas, Canvas) {
        let p = split(.columns, [length, .fill], gap: gap); return (p[0], p[1])
    }

    /// Top pane and the rest.
    public func splitTop(_ length: Length, gap: Int = 0) -> (Canvas, Canvas) {
        let p = split(.rows, [length, .fill], gap: gap); return (p[0], p[1])
    }

    /// The rest and a bottom pane.
    public func splitBottom(_ length: Length, gap: Int = 0) -> (Canvas, Canvas) {
        let p = split(.rows, [.fill, length], gap: gap); return (p[0], p[1])
    }

    /// Sizes of the panes along an axis of `total` cells. Fixed panes first, then ratios, then
    /// fills share what is left; the sum never exceeds `total` minus gaps.
    public static func distribute(total: Int, lengths: [Length], gap: Int = 0) -> [Int] {
        guard !lengths.isEmpty else { return [] }
        var left = max(0, total - gap * (lengths.count - 1))
        var sizes = [Int](repeating: 0, count: lengths.count)
        let base = left
        for (i, l) in lengths.enumerated() {
            if case .fixed(let n) = l { sizes[i] = min(max(0, n), left); left -= sizes[i] }
        }
        for (i, l) in lengths.enumerated() {
            if case .ratio(let r) = l { sizes[i] = min(Int(Double(base) * max(0, min(1, r))), left); left -= sizes[i] }
        }
        let fills = lengths.indices.filter { lengths[$0] == .fill }
        if !fills.isEmpty {
            let each = left / fills.count
            var extra = left - each * fills.count
            for i in fills { sizes[i] = each + (extra > 0 ? 1 : 0); if extra > 0 { extra -= 1 } }
        }
        return sizes
    }
}
