// Report layout lives in template files (`templates/report.html`, `templates/report.md`) so an
// organisation can brand its reports without rebuilding DeepScan. A template is text with
// `{{name}}` fields; each value is either text (escaped for the output format by the
// renderer) or markup the renderer built itself from escaped parts. There are no loops or
// conditionals: repeated sections (evidence rows, per-file sections) are built by the renderer.
import Foundation

/// A value for a template field.
public enum TemplateValue: Sendable {
    /// Untrusted text: escaped before substitution.
    case text(String)
    /// Markup built by a renderer from escaped parts: substituted as is.
    case markup(String)
}

/// A template with `{{field}}`s.
public struct ReportTemplate: Sendable, Equatable {
    public var source: String
    public init(_ source: String) { self.source = source }

    /// The field names used, in order of first appearance.
    public var fields: [String] {
        var seen: [String] = []
        var rest = source[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !seen.contains(name) { seen.append(name) }
            rest = rest[close.upperBound...]
        }
        return seen
    }

    /// Substitutes every field; `escape` is applied to `.text` values. A field with no
    /// value becomes empty (so an older template still renders after a field is added).
    public func render(_ values: [String: TemplateValue], escape: (String) -> String) -> String {
        var out = ""
        var rest = source[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            out += rest[..<open.lowerBound]
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            switch values[name] {
            case .text(let t): out += escape(t)
            case .markup(let m): out += m
            case nil: break
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// Loads `name` from `directory` when given and present, else the built-in template.
    public static func load(_ name: String, directory: URL?) throws -> ReportTemplate {
        if let directory {
            let url = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) {
                do { return ReportTemplate(try String(contentsOf: url, encoding: .utf8)) } catch {
                    throw CaseStoreError.io(path: url.path, detail: "cannot read the report template: \(error.localizedDescription)")
                }
            }
        }
        guard let builtIn = BuiltInTemplates.all[name] else {
            throw CaseStoreError.io(path: name, detail: "no such report template")
        }
        return ReportTemplate(builtIn)
    }
}
