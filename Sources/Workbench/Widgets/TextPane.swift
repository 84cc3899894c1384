// A pane of text with word wrapping and scrolling: finding details, a model card, an error's
// explanation. Wrapping is by display width (CJK counts two), breaks at spaces where it can and
// inside a word when it must, and is cached per width so scrolling does not re-wrap.

/// Scrollable, wrapped text.
public struct TextPane {
    /// The text; paragraphs are separated by newlines.
    public var text: String { didSet { cache = nil } }
    /// The first visible wrapped line.
    public private(set) var offset = 0
    private var cache: (width: Int, lines: [String])?
    private var visibleRows = 1
    private var screenRect = Rect(x: 0, y: 0, width: 0, height: 0)
    /// Bindings, for the help screen.
    public static let keyBindings = StandardKeys.navigation

    public init(text: String = "") { self.text = text }

    /// `text` wrapped to `width` columns.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // A paragraph's indentation (a nested list, "  key: value") is kept on every line.
            let indent = String(repeating: " ", count: min(paragraph.prefix { $0 == " " }.count, width / 2))
            var line = indent, lineWidth = indent.count
            var word = "", wordWidth = 0
            func flushWord() {
                if wordWidth == 0 { return }
                if lineWidth > indent.count && lineWidth + 1 + wordWidth > width { out.append(line); line = indent; lineWidth = indent.count }
                if lineWidth > indent.count { line.append(" "); lineWidth += 1 }
                line += word; lineWidth += wordWidth
                word = ""; wordWidth = 0
            }
            for ch in paragraph.replacingTabs() {
                if ch == " " { flushWord(); continue }
                let w = CharWidth.columns(String(ch))
                if wordWidth + w > width - indent.count {
                    // A word longer than the line: emit what fits.
                    flushWord()
                    if lineWidth > indent.count { out.append(line); line = indent; lineWidth = indent.count }
                }
                word.append(ch); wordWidth += w
            }
            flushWord()
            out.append(line)
        }
        return out
    }

    /// The wrapped lines for `width`.
    public mutating func lines(width: Int) -> [String] {
        if let c = cache, c.width == width { return c.lines }
        let l = Self.wrap(text, width: width)
        cache = (width, l)
        return l
    }

    /// Scrolls by `delta` lines (clamped when drawn).
    public mutating func scroll(_ delta: Int) { offset = max(0, offset + delta) }

    /// Handles a key; false when the pane does not use it.
    public mutating func handle(_ key: Key) -> Bool {
        if case .mouse(let m) = key {
            guard screenRect.contains(x: m.x, y: m.y) else { return false }
            switch m.kind { case .wheelUp: scroll(-3); case .wheelDown: scroll(3); default: return false }
            return true
        }
        guard let action = Self.keyBindings.action(for: key) else { return false }
        let page = max(1, visibleRows - 1)
        switch action {
        case .up: scroll(-1)
        case .down: scroll(1)
        case .pageUp: scroll(-page)
        case .pageDown: scroll(page)
        case .top: offset = 0
        case .bottom: offset = Int.max / 2
        default: return false
        }
        return true
    }

    /// Draws the visible lines, with a scroll indicator in the last column when there is more.
    public mutating func draw(into canvas: Canvas, theme: Theme) {
        screenRect = canvas.rect
        visibleRows = canvas.height
        let all = lines(width: max(1, canvas.width - 1))
        offset = min(offset, max(0, all.count - canvas.height))
        for r in 0..<canvas.height where offset + r < all.count {
            canvas.put(all[offset + r], x: 0, y: r, style: theme.text, maxWidth: canvas.width - 1)
        }
        if all.count > canvas.height, canvas.height > 0 {
            let thumb = min(canvas.height - 1, offset * canvas.height / max(1, all.count - canvas.height + 1))
            for r in 0..<canvas.height { canvas.set(canvas.width - 1, r, r == thumb ? "┃" : "│", r == thumb ? theme.accent : theme.border) }
        }
    }
}

extension Substring {
    /// Tabs as spaces to the next multiple of four (cells cannot hold a tab).
    func replacingTabs() -> String {
        guard contains("\t") else { return String(self) }
        var out = "", col = 0
        for ch in self {
            if ch == "\t" { let n = 4 - col % 4; out += String(repeating: " ", count: n); col += n } else { out.append(ch); col += 1 }
        }
        return out
    }
}
