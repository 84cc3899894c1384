// The one place a case report becomes bytes in a format: `deepscan report` and the workbench's
// export both call `CaseReportExporter.render`, so a report exported from either says the same
// thing in the same layout. `ReportFormat` lives here too (not in a file of its own) because this
// file is the single point where the PDF renderer is plugged in.
import Foundation

/// The formats a case report is exported to.
public enum ReportFormat: String, CaseIterable, Sendable {
    case json, md, html, pdf

    /// The format a file name's extension asks for (`report.HTML`, `r.markdown`), or nil.
    public init?(pathExtension ext: String) {
        switch ext.lowercased() {
        case "json": self = .json
        case "md", "markdown": self = .md
        case "html", "htm": self = .html
        case "pdf": self = .pdf
        default: return nil
        }
    }

    /// The usual file extension.
    public var fileExtension: String { rawValue }
}

/// Renders a `CaseReport` in a chosen format.
public enum CaseReportExporter {
    /// The report in `format`. `templates` is a folder with `report.html` / `report.md` (nil: the
    /// built-in layouts). Throws `CaseStoreError.reportFormatUnavailable` for a format this build
    /// cannot write, and the template loader's error for a bad template folder.
    public static func render(_ report: CaseReport, format: ReportFormat, templates: URL?) throws -> Data {
        switch format {
        case .json: return try report.json()
        case .md: return Data(try MarkdownReportRenderer(templates: templates).render(report).utf8)
        case .html: return Data(try HTMLReportRenderer(templates: templates).render(report).utf8)
        case .pdf: throw CaseStoreError.reportFormatUnavailable(format.rawValue)
        }
    }

    /// `./templates` when it holds a report layout (an organisation's branded copy), else nil (the
    /// built-in layouts).
    public static var defaultTemplates: URL? {
        FileManager.default.fileExists(atPath: "templates/report.html") ? URL(fileURLWithPath: "templates") : nil
    }
}
