// A screen is one type (ncdu's X_draw / X_key, tig's view_ops): it draws into a canvas, handles a
// key, and returns what happened; the app keeps a stack of them. Screens never talk to the
// terminal, never block, and get background results as messages.

/// What handling an event did.
public enum ScreenResult {
    /// Used; redraw.
    case handled
    /// Not used; the app tries its global keys.
    case ignored
    /// Open another screen on top of this one.
    case push(any Screen)
    /// Close this screen (closing the last one quits).
    case pop
    /// Close this screen and open another in its place (a prompt's answer).
    case replace(any Screen)
    /// Leave the app.
    case quit
    /// Used; show this message in the status line.
    case status(String)
}

/// One screen of the workbench.
public protocol Screen: AnyObject {
    /// Shown in the title bar: "photo.jpg", "Help".
    var title: String { get }
    /// This screen's keys, for the footer and the help screen (the app adds its global keys).
    var keyBindings: [KeyBinding] { get }
    /// True for a screen drawn over the one below it (a message box), which is drawn first.
    var isOverlay: Bool { get }
    /// Draws the whole screen into `canvas` (the area between the title bar and the footer).
    func draw(into canvas: Canvas, theme: Theme)
    /// Handles a key, mouse event or resize.
    func handle(_ key: Key) -> ScreenResult
    /// Handles a message posted to the app's mailbox from background work.
    func receive(_ message: any Sendable) -> ScreenResult
    /// Called on every loop iteration without input (about every tick); `.handled` redraws. For
    /// playback and animation.
    func tick() -> ScreenResult
    /// Moves focus to the next (or previous) pane; false when the screen has one pane.
    func focusNextPane(forward: Bool) -> Bool
    /// A status-line message to show once this screen has closed (a prompt's outcome).
    var exitStatus: String? { get }
}

extension Screen {
    public var isOverlay: Bool { false }
    public func receive(_ message: any Sendable) -> ScreenResult { .ignored }
    public func tick() -> ScreenResult { .ignored }
    public func focusNextPane(forward: Bool) -> Bool { false }
    public var exitStatus: String? { nil }
}
