// A message box over the current screen: an error a user can act on, a warning, a note. Closed
// with Enter, Esc or q.
import Evidence

/// A boxed message drawn over the screen below.
public final class MessageScreen: Screen {
    public let title: String
    public let severity: Severity
    private var pane: TextPane
    public var isOverlay: Bool { true }

    public var keyBindings: [KeyBinding] {
        [KeyBinding([.enter, .escape, .char("q")], "close", "Close the message", action: .back)] + TextPane.keyBindings
    }

    public init(title: String, message: String, severity: Severity = .warning) {
        self.title = title; self.severity = severity
        pane = TextPane(text: message)
    }

    public func draw(into canvas: Canvas, theme: Theme) {
        let w = min(canvas.width, max(30, min(72, canvas.width * 2 / 3)))
        let lines = pane.lines(width: max(1, w - 5)).count
        let h = min(canvas.height, lines + 4)
        let area = canvas.sub(Rect(x: (canvas.width - w) / 2, y: (canvas.height - h) / 2, width: w, height: h))
        area.fill(style: theme.text)
        let border = theme.severityStyle(severity)
        let inner = area.box(.double, style: border, title: title, titleStyle: border.with(.bold))
        pane.draw(into: inner.sub(Rect(x: 1, y: 1, width: inner.width - 2, height: inner.height - 1)), theme: theme)
    }

    public func handle(_ key: Key) -> ScreenResult {
        switch key {
        case .enter, .escape, .char("q"): return .pop
        default: return pane.handle(key) ? .handled : .ignored
        }
    }
}
