// The footer of key hints generated from the bindings (lazygit's options bar): "q quit  ? help".
// Bindings that do not fit are left out whole, never cut in the middle.

/// A footer listing keys and their short names.
public struct KeyHints: Sendable {
    public var bindings: [KeyBinding]
    public init(_ bindings: [KeyBinding]) { self.bindings = bindings.filter(\.inFooter) }

    /// Draws on row 0 of the canvas.
    public func draw(into canvas: Canvas, theme: Theme) {
        guard canvas.height > 0 else { return }
        canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1), style: theme.statusBar)
        var x = 1
        for b in bindings {
            let key = b.keys[0].displayName
            let need = CharWidth.columns(key) + 1 + CharWidth.columns(b.name)
            if x + need > canvas.width - 1 { break }
            x += canvas.put(key, x: x, y: 0, style: theme.statusAccent) + 1
            x += canvas.put(b.name, x: x, y: 0, style: theme.statusBar) + 2
        }
    }
}
