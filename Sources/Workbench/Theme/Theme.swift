// Named colours and the styles derived from them. Screens ask the theme for roles ("dim text",
// "selection", "a score of 0.83") rather than colours, so a theme file or NO_COLOR changes the
// whole workbench at once. In monochrome mode (NO_COLOR, or a terminal without colour) every role
// is told apart by attributes alone: reverse for selection and bars, bold for accents, dim for
// secondary text.
import Evidence

/// A named colour of a theme; `rawValue` is its key in a theme file.
public enum ThemeColor: String, CaseIterable, Sendable {
    case background, text
    case dimText = "dim-text"
    case accent, border, selection
    case selectionText = "selection-text"
    case statusBar = "status-bar"
    case statusText = "status-text"
    case scoreLow = "score-low"
    case scoreMid = "score-mid"
    case scoreHigh = "score-high"
    case info, notice, warning, critical
}

/// Colours, heatmap palettes and the styles of the workbench.
public struct Theme: Sendable {
    public var name: String
    /// When true, styles use attributes only (colours are left to the terminal's defaults).
    public var monochrome: Bool
    private var colors: [ThemeColor: RGB]
    /// Heatmap palettes by name.
    public var palettes: [String: Palette]
    /// The palette heatmaps use unless the analyst picks another.
    public var defaultPaletteName: String
    /// Problems met while loading (unknown keys, missing colours filled from the built-in theme).
    public var warnings: [String] = []

    /// A theme from explicit colours (missing ones from `fallback`).
    public init(name: String, colors: [ThemeColor: RGB], palettes: [Palette] = Palette.builtIn,
                defaultPalette: String = "inferno", monochrome: Bool = false, fallback: Theme? = nil) {
        self.name = name
        self.monochrome = monochrome
        var all: [ThemeColor: RGB] = [:]
        for c in ThemeColor.allCases { all[c] = colors[c] ?? fallback?[c] ?? .white }
        self.colors = all
        var byName: [String: Palette] = [:]
        for p in Palette.builtIn { byName[p.name] = p }
        for p in palettes { byName[p.name] = p }
        self.palettes = byName
        defaultPaletteName = byName[defaultPalette] == nil ? "inferno" : defaultPalette
    }

    /// A colour by role.
    public subscript(_ c: ThemeColor) -> RGB {
        get { colors[c] ?? .white }
        set { colors[c] = newValue }
    }

    /// The palette called `name`, or the default one.
    public func palette(_ name: String? = nil) -> Palette {
        palettes[name ?? defaultPaletteName] ?? palettes[defaultPaletteName] ?? .inferno
    }

    /// The same theme with colours dropped in favour of attributes.
    public func asMonochrome() -> Theme { var t = self; t.monochrome = true; return t }

    // MARK: styles

    private func style(_ fg: ThemeColor, _ bg: ThemeColor = .background, mono: CellAttributes = []) -> Style {
        monochrome ? Style(fg: .white, bg: .black, attributes: mono) : Style(fg: self[fg], bg: self[bg])
    }

    /// Plain text on the background.
    public var text: Style { style(.text) }
    /// Secondary text: labels, hints, units.
    public var dim: Style { style(.dimText, mono: .dim) }
    /// Titles, keys in the footer, the focused pane's border.
    public var accent: Style { style(.accent, mono: .bold) }
    /// Pane borders.
    public var border: Style { style(.border) }
    /// The selected row of a list, tree or table.
    public var selection: Style { style(.selectionText, .selection, mono: .reverse) }
    /// The status and title bars.
    public var statusBar: Style { style(.statusText, .statusBar, mono: .reverse) }
    /// Accent text on the status bar (the key names of the footer).
    public var statusAccent: Style {
        monochrome ? Style(fg: .white, bg: .black, attributes: [.reverse, .bold]) : Style(fg: self[.accent], bg: self[.statusBar], attributes: .bold)
    }

    /// The colour role of a detection score in 0...1: low below `mid`, high from `high` on.
    public func scoreColor(_ score: Double, mid: Double = 0.4, high: Double = 0.7) -> ThemeColor {
        score >= high ? .scoreHigh : score >= mid ? .scoreMid : .scoreLow
    }

    /// Text style for a score.
    public func scoreStyle(_ score: Double, mid: Double = 0.4, high: Double = 0.7) -> Style {
        let role = scoreColor(score, mid: mid, high: high)
        return style(role, mono: role == .scoreHigh ? .bold : role == .scoreLow ? .dim : [])
    }

    /// Text style for a finding's severity.
    public func severityStyle(_ s: Severity) -> Style {
        switch s {
        case .info: return style(.info, mono: .dim)
        case .notice: return style(.notice)
        case .warning: return style(.warning, mono: .bold)
        case .critical: return style(.critical, mono: [.bold, .reverse])
        }
    }
}
