// The main loop: a stack of screens, a frame buffer, a terminal and a mailbox. Each iteration
// waits for a key (at most one tick), gives it to the top screen and then to the global keys,
// delivers background messages, lets screens tick, and redraws only if something changed; the
// frame buffer then sends only the cells that differ. The screen is laid out as a title bar, the
// screen's area, a status line and a footer of key hints generated from the bindings.

/// The workbench application loop.
public final class App {
    public let terminal: any Terminal
    public var theme: Theme
    /// Where background work posts results.
    public let mailbox: Mailbox
    /// The screens, bottom first.
    public private(set) var screens: [any Screen]
    /// The status line text (cleared by the next key).
    public private(set) var status: String?
    /// False once the app quit.
    public private(set) var isRunning = true
    /// Frames drawn so far.
    public private(set) var framesDrawn = 0
    /// Milliseconds to wait for a key before delivering messages and ticking.
    public var tickMilliseconds = 50
    private let frame: FrameBuffer
    private var needsRedraw = true

    /// Keys the app handles when the top screen does not.
    public static let globalBindings: [KeyBinding] = [
        KeyBinding(.char("q"), "quit", "Quit DeepScan", action: .quit, section: "General"),
        KeyBinding([.char("?"), .function(1)], "help", "Show the keys of this screen", action: .help, section: "General"),
        KeyBinding(.tab, "pane", "Focus the next pane", action: .nextPane, section: "General"),
        KeyBinding(.backTab, "previous pane", "Focus the previous pane", action: .previousPane, inFooter: false, section: "General"),
        KeyBinding(.escape, "back", "Close this screen", action: .back, inFooter: false, section: "General"),
        KeyBinding(.ctrl("l"), "redraw", "Redraw the whole screen", action: .redraw, inFooter: false, section: "General"),
    ]

    /// The global bindings left once `screen`'s own keys shadow theirs (the screen sees keys first).
    public static func globalBindings(under screen: any Screen) -> [KeyBinding] {
        let own = screen.keyBindings
        return globalBindings.compactMap { g in
            var b = g
            b.keys = g.keys.filter { own.binding(for: $0) == nil }
            return b.keys.isEmpty ? nil : b
        }
    }

    public init(terminal: any Terminal, theme: Theme, root: any Screen, mailbox: Mailbox = Mailbox()) {
        self.mailbox = mailbox
        self.terminal = terminal
        self.theme = terminal.colorCapability == .none ? theme.asMonochrome() : theme
        screens = [root]
        frame = FrameBuffer(size: terminal.size)
    }

    /// The screen on top.
    public var top: (any Screen)? { screens.last }

    /// Runs until a screen or key quits.
    public func run() {
        while step(timeout: tickMilliseconds) {}
    }

    /// Runs until no input arrives within `timeout` and no messages are queued (for scripted
    /// replays on a `GridTerminal`, whose input ends when its queue does). Returns `isRunning`.
    @discardableResult
    public func runUntilIdle(timeout: Int = 0) -> Bool {
        if needsRedraw { render() }
        while isRunning {
            guard let key = terminal.readKey(timeout: timeout) else { _ = pump(); if needsRedraw { render() }; break }
            process(key)
            _ = pump()
            if needsRedraw && isRunning { render() }
        }
        return isRunning
    }

    /// One loop iteration: draw if needed, wait for a key, handle it, deliver messages, tick.
    /// Returns false once the app has quit.
    @discardableResult
    public func step(timeout: Int) -> Bool {
        if needsRedraw { render() }
        if let key = terminal.readKey(timeout: timeout) { process(key) } else { for s in screens.reversed() { apply(s.tick(), from: s) } }
        _ = pump()
        if needsRedraw && isRunning { render() }
        return isRunning
    }

    /// Opens a screen on top.
    public func push(_ screen: any Screen) { screens.append(screen); needsRedraw = true }

    private func process(_ key: Key) {
        if key == .resize { frame.resize(terminal.size); needsRedraw = true }
        guard let top else { isRunning = false; return }
        let result = top.handle(key)
        if case .ignored = result { handleGlobal(key, top) } else {
            if case .status = result {} else { status = nil }
            apply(result, from: top)
        }
    }

    private func handleGlobal(_ key: Key, _ top: any Screen) {
        guard let action = Self.globalBindings.action(for: key) else { return }
        status = nil
        needsRedraw = true
        switch action {
        case .quit: isRunning = false
        case .help: push(HelpScreen(for: top, global: Self.globalBindings(under: top)))
        case .back: if screens.count > 1 { screens.removeLast() }
        case .nextPane: _ = top.focusNextPane(forward: true)
        case .previousPane: _ = top.focusNextPane(forward: false)
        case .redraw: frame.invalidate()
        default: break
        }
    }

    /// Delivers queued messages, top screen first, until one uses each. True if any was used.
    private func pump() -> Bool {
        let (messages, redraw) = mailbox.drain()
        if redraw { needsRedraw = true }
        var used = false
        for m in messages {
            if let change = m as? ThemeChange { theme = terminal.colorCapability == .none ? change.theme.asMonochrome() : change.theme; needsRedraw = true; continue }
            for s in screens.reversed() {
                let r = s.receive(m)
                if case .ignored = r { continue }
                apply(r, from: s); used = true; break
            }
        }
        return used
    }

    private func apply(_ result: ScreenResult, from screen: any Screen) {
        switch result {
        case .ignored: return
        case .handled: break
        case .push(let s): screens.append(s)
        case .pop:
            if let i = screens.lastIndex(where: { $0 === screen }) { screens.remove(at: i) }
            if let s = screen.exitStatus { status = s }
            if screens.isEmpty { isRunning = false }
        case .replace(let s):
            if let i = screens.lastIndex(where: { $0 === screen }) { screens[i] = s } else { screens.append(s) }
        case .quit: isRunning = false
        case .status(let text): status = text
        }
        needsRedraw = true
    }

    /// Draws the frame: title bar, screens, status line, footer.
    private func render() {
        needsRedraw = false
        frame.resize(terminal.size)
        let canvas = frame.beginFrame(clearingTo: theme.text)
        defer { frame.present(to: terminal); framesDrawn += 1 }
        guard canvas.width >= 20, canvas.height >= 5 else {
            canvas.put("window too small", x: 0, y: 0, style: theme.text); return
        }
        let parts = canvas.split(.rows, [.fixed(1), .fill, .fixed(1), .fixed(1)])
        let crumbs = (["DeepScan"] + screens.filter { !$0.isOverlay }.map(\.title)).joined(separator: " › ")
        StatusLine(left: crumbs, right: "? help").draw(into: parts[0], theme: theme)
        let firstDrawn = screens.lastIndex(where: { !$0.isOverlay }) ?? 0
        for s in screens[firstDrawn...] { s.draw(into: parts[1], theme: theme) }
        StatusLine(left: status ?? "").draw(into: parts[2], theme: theme, style: status == nil ? theme.text : theme.accent)
        KeyHints(top.map { $0.keyBindings + Self.globalBindings(under: $0) } ?? Self.globalBindings).draw(into: parts[3], theme: theme)
    }
}
