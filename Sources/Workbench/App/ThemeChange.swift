// A request, posted to the mailbox, to switch the app's theme; the app applies it itself.

/// Switches the running app to `theme`.
public struct ThemeChange: @unchecked Sendable {
    public var theme: Theme
    public init(_ theme: Theme) { self.theme = theme }
}
