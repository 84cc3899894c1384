// Reading themes/*.toml (TOMLKit). A theme file has `name`, `heatmap` (the default palette),
// a `[colors]` table keyed by `ThemeColor` raw values with "#rrggbb" strings, and a `[palettes]`
// table of colour-stop arrays. Missing colours come from the built-in theme and are listed in
// `warnings`; a malformed file is an error naming the file and the key. `resolve` never fails:
// it falls back to the built-in theme, and NO_COLOR turns any theme monochrome.
import Foundation
import TOMLKit

/// Why a theme file could not be used.
public struct ThemeError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Theme {
    /// Parses theme TOML. `source` names the file in errors.
    public static func parse(toml: String, source: String = "theme") throws -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: toml) } catch let e as TOMLParseError {
            throw ThemeError(message: "\(source): \(e.description) at line \(e.source.begin.line)")
        }
        var warnings: [String] = []
        let name = table["name"]?.string ?? URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        var colors: [ThemeColor: RGB] = [:]
        if let c = table["colors"]?.table {
            for key in c.keys {
                guard let role = ThemeColor(rawValue: key) else { warnings.append("\(source): unknown colour '\(key)'"); continue }
                guard let text = c[key]?.string, let rgb = RGB(parsing: text) else {
                    throw ThemeError(message: "\(source): colors.\(key) must be a \"#rrggbb\" string")
                }
                colors[role] = rgb
            }
        }
        for role in ThemeColor.allCases where colors[role] == nil { warnings.append("\(source): colors.\(role.rawValue) missing, using the built-in one") }
        var palettes: [Palette] = []
        if let p = table["palettes"]?.table {
            for key in p.keys.sorted() {
                guard let array = p[key]?.array else { throw ThemeError(message: "\(source): palettes.\(key) must be an array of colours") }
                var stops: [RGB] = []
                for item in array {
                    guard let text = item.string, let rgb = RGB(parsing: text) else {
                        throw ThemeError(message: "\(source): palettes.\(key) has an entry that is not a \"#rrggbb\" string")
                    }
                    stops.append(rgb)
                }
                guard !stops.isEmpty else { throw ThemeError(message: "\(source): palettes.\(key) is empty") }
                palettes.append(Palette(name: key, stops: stops))
            }
        }
        let heatmap = table["heatmap"]?.string ?? "inferno"
        var theme = Theme(name: name, colors: colors, palettes: palettes, defaultPalette: heatmap, fallback: .builtIn)
        if theme.defaultPaletteName != heatmap { warnings.append("\(source): heatmap palette '\(heatmap)' is not defined") }
        theme.warnings = warnings
        return theme
    }

    /// Loads a theme file.
    public static func load(contentsOf url: URL) throws -> Theme {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ThemeError(message: "\(url.path): cannot read theme file (\(error.localizedDescription))")
        }
        return try parse(toml: text, source: url.path)
    }

    /// Where theme files are looked for, in order: $DEEPSCAN_THEMES, ./themes, and `themes` or
    /// `../share/deepscan/themes` beside the executable.
    public static func searchPaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var out: [URL] = []
        if let d = environment["DEEPSCAN_THEMES"], !d.isEmpty { out.append(URL(fileURLWithPath: d)) }
        out.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("themes"))
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        out.append(exe.appendingPathComponent("themes"))
        out.append(exe.deletingLastPathComponent().appendingPathComponent("share/deepscan/themes"))
        return out
    }

    /// Names of the theme files found in `searchPaths` (without `.toml`), sorted, without repeats.
    public static func available(in searchPaths: [URL]) -> [String] {
        var names = Set<String>()
        for dir in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for f in files where f.hasSuffix(".toml") { names.insert(String(f.dropLast(5))) }
        }
        return names.sorted()
    }

    /// The theme called `name` (default "dark") from the first search path that has it, made
    /// monochrome when NO_COLOR is set. Never fails: a missing or broken file gives the built-in
    /// theme, with the reason in `warnings`.
    public static func resolve(name: String? = nil, searchPaths: [URL]? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Theme {
        let wanted = name ?? environment["DEEPSCAN_THEME"] ?? "dark"
        var theme = Theme.builtIn
        var found = false
        for dir in searchPaths ?? Self.searchPaths(environment: environment) {
            let url = dir.appendingPathComponent(wanted + ".toml")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            found = true
            do { theme = try load(contentsOf: url) } catch { theme.warnings.append("\(error)") }
            break
        }
        if !found { theme.warnings.append("theme '\(wanted)' not found; using the built-in theme") }
        if !(environment["NO_COLOR"] ?? "").isEmpty { theme = theme.asMonochrome() }
        return theme
    }
}
