// Theme files in themes/, the built-in fallback, and NO_COLOR.
import Foundation
import TestSupport
import Testing
@testable import Workbench

@Suite struct ThemeTests {
    let themes = Samples.root.appendingPathComponent("themes")

    @Test(arguments: ["dark", "light", "high-contrast"])
    func shippedThemesLoadCompletely(name: String) throws {
        let t = try Theme.load(contentsOf: themes.appendingPathComponent("\(name).toml"))
        #expect(t.name == name)
        #expect(t.warnings.isEmpty, "\(t.warnings)")
        #expect(Set(t.palettes.keys).isSuperset(of: ["inferno", "viridis", "grey"]))
        #expect(t[.background] != t[.text])
    }

    @Test func darkFileMatchesTheBuiltInTheme() throws {
        let t = try Theme.load(contentsOf: themes.appendingPathComponent("dark.toml"))
        for c in ThemeColor.allCases { #expect(t[c] == Theme.builtIn[c], "\(c.rawValue)") }
        #expect(t.palette("inferno") == Palette.inferno && t.palette("viridis") == Palette.viridis)
    }

    @Test func resolveFindsThemesAndFallsBack() {
        let light = Theme.resolve(name: "light", searchPaths: [themes], environment: [:])
        #expect(light.name == "light" && !light.monochrome)
        let missing = Theme.resolve(name: "solarized", searchPaths: [themes], environment: [:])
        #expect(missing.name == "dark" && missing.warnings.contains { $0.contains("not found") })
        #expect(Theme.available(in: [themes]) == ["dark", "high-contrast", "light"])
    }

    @Test func noColorMakesAnyThemeMonochrome() {
        let t = Theme.resolve(name: "high-contrast", searchPaths: [themes], environment: ["NO_COLOR": "1"])
        #expect(t.monochrome)
        #expect(t.selection.attributes.contains(.reverse))
        #expect(t.dim.attributes.contains(.dim))
        #expect(t.text.fg == .white && t.text.bg == .black)
        // NO_COLOR set but empty does not count (no-color.org).
        #expect(!Theme.resolve(name: "dark", searchPaths: [themes], environment: ["NO_COLOR": ""]).monochrome)
    }

    @Test func partialAndBrokenFiles() throws {
        let partial = try Theme.parse(toml: "name = \"mine\"\nheatmap = \"viridis\"\n[colors]\naccent = \"#ff0000\"\nshiny = \"#000000\"\n")
        #expect(partial[.accent] == RGB(255, 0, 0))
        #expect(partial[.text] == Theme.builtIn[.text])
        #expect(partial.defaultPaletteName == "viridis")
        #expect(partial.warnings.contains { $0.contains("shiny") })
        #expect(throws: ThemeError.self) { try Theme.parse(toml: "[colors]\ntext = \"red\"\n", source: "bad.toml") }
        #expect(throws: ThemeError.self) { try Theme.parse(toml: "[colors\n", source: "broken.toml") }
        #expect(throws: ThemeError.self) { try Theme.parse(toml: "[palettes]\nhot = []\n") }
    }

    @Test func scoresAndSeverities() {
        let t = Theme.builtIn
        #expect(t.scoreColor(0.1) == .scoreLow && t.scoreColor(0.5) == .scoreMid && t.scoreColor(0.9) == .scoreHigh)
        #expect(t.scoreStyle(0.9).fg == t[.scoreHigh])
        #expect(t.severityStyle(.critical).fg == t[.critical])
    }
}
