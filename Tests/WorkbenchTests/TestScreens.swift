// Small screens for driving the App loop in tests.
import Workbench

extension KeyAction {
    static let say = KeyAction("say")
}

/// A screen with a list, a key that sets the status and a message receiver.
final class ListScreen: Screen {
    var list: ListView
    var received: [String] = []
    var focusedPane = 0
    let title = "Evidence"

    init(items: [String]) { list = ListView(items: items.map { ListItem($0) }) }

    var keyBindings: [KeyBinding] {
        [KeyBinding(.char("s"), "say", "Show a status message", action: .say)] + ListView.keyBindings
    }

    func draw(into canvas: Canvas, theme: Theme) {
        let (left, right) = canvas.splitLeft(.ratio(0.5))
        list.draw(into: left, theme: theme, focused: focusedPane == 0)
        right.put("pane \(focusedPane) w\(canvas.width)", x: 0, y: 0, style: theme.text)
        for (i, r) in received.enumerated() { right.put(r, x: 0, y: 1 + i, style: theme.text) }
    }

    func handle(_ key: Key) -> ScreenResult {
        if keyBindings.action(for: key) == .say { return .status("hello") }
        return list.handle(key) ? .handled : .ignored
    }

    func receive(_ message: any Sendable) -> ScreenResult {
        guard let s = message as? String else { return .ignored }
        received.append(s)
        return .handled
    }

    func focusNextPane(forward: Bool) -> Bool { focusedPane = (focusedPane + 1) % 2; return true }
}
