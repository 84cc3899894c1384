// The theme used when no theme file can be found or read: the same colours as themes/dark.toml
// (a test keeps the two equal), so a broken install still looks like DeepScan.

extension Theme {
    /// The built-in dark theme.
    public static let builtIn = Theme(name: "dark", colors: [
        .background: RGB(hex: 0x1E1E2E), .text: RGB(hex: 0xCDD6F4), .dimText: RGB(hex: 0x7F849C),
        .accent: RGB(hex: 0x89B4FA), .border: RGB(hex: 0x45475A),
        .selection: RGB(hex: 0x45475A), .selectionText: RGB(hex: 0xF5E0DC),
        .statusBar: RGB(hex: 0x181825), .statusText: RGB(hex: 0xBAC2DE),
        .scoreLow: RGB(hex: 0xA6E3A1), .scoreMid: RGB(hex: 0xF9E2AF), .scoreHigh: RGB(hex: 0xF38BA8),
        .info: RGB(hex: 0x89DCEB), .notice: RGB(hex: 0x94E2D5), .warning: RGB(hex: 0xFAB387), .critical: RGB(hex: 0xF38BA8),
    ], defaultPalette: "inferno")

    /// Monochrome: attributes only.
    public static let monochrome = builtIn.asMonochrome()
}
