// A one-line question over the current screen: go to a frame, write a note, open a path.
// Enter answers (the closure says what happens next), Esc cancels.

/// A text prompt drawn as a box over the screen below.
public final class PromptScreen: Screen {
    public let title: String
    private let hint: String
    private var text: String
    private let onSubmit: (String) -> ScreenResult
    public var isOverlay: Bool { true }

    public init(title: String, hint: String = "", initial: String = "", onSubmit: @escaping (String) -> ScreenResult) {
        self.title = title; self.hint = hint; self.text = initial; self.onSubmit = onSubmit
    }

    public var keyBindings: [KeyBinding] {
        [KeyBinding(.enter, "ok", "Accept", action: "accept"), KeyBinding(.escape, "cancel", "Cancel", action: .back)]
    }

    public var currentText: String { text }

    public func draw(into canvas: Canvas, theme: Theme) {
        let w = min(canvas.width, max(40, min(80, canvas.width * 2 / 3)))
        let h = min(canvas.height, 5)
        let area = canvas.sub(Rect(x: (canvas.width - w) / 2, y: max(0, (canvas.height - h) / 2), width: w, height: h))
        area.fill(style: theme.text)
        let inner = area.box(.rounded, style: theme.accent, title: title, titleStyle: theme.accent.with(.bold))
        let field = String(text.suffix(max(1, inner.width - 4)))
        let x = inner.put("› ", x: 1, y: 0, style: theme.accent)
        let end = inner.put(field, x: 1 + x, y: 0, style: theme.text)
        inner.set(1 + x + end, 0, "▏", theme.accent)
        if !hint.isEmpty { inner.put(hint, x: 1, y: 1, style: theme.dim, maxWidth: inner.width - 2) }
    }

    public func handle(_ key: Key) -> ScreenResult {
        switch key {
        case .enter:
            // The answer replaces this prompt: pop it first, then apply what the closure says.
            let r = onSubmit(text)
            switch r {
            case .push(let s), .replace(let s): return .replace(s)
            case .status(let s): pendingStatus = s; return .pop
            default: return .pop
            }
        case .escape: return .pop
        case .backspace, .delete: if !text.isEmpty { text.removeLast() }; return .handled
        case .char(let c): text.append(c); return .handled
        default: return .handled
        }
    }

    /// A status line message left by the answer, shown by the app after the pop.
    private var pendingStatus: String?
    public var exitStatus: String? { pendingStatus }
}
