// The one entry point that renders a case report in any format, for the CLI (`deepscan report`)
// and the workbench's export: JSON (the `deepscan.case-report/1` value), Markdown (figures as PNG
// files in a folder beside it), self-contained HTML (figures inlined) and PDF (cairo + pango).
import CaseStore
import Foundation

/// Formats a case report can be exported to.
public enum CaseReportFormat: String, CaseIterable, Sendable {
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
}

/// A rendered report: the main file's bytes and, for Markdown, the figure files to write beside it.
public struct RenderedReport: Sendable {
    public var data: Data
    /// Paths relative to the report's folder, and their bytes.
    public var sideFiles: [(path: String, data: Data)]
}

/// Renders case reports.
public struct CaseReportExporter: Sendable {
    /// Folder with report.html / report.md / report-pdf.toml; nil for the built-in layouts.
    public var templates: URL?
    /// Figures to make; nil leaves them out (faster, and needs no access to the evidence files).
    public var figures: FigureBuilder?

    public init(templates: URL? = nil, figures: FigureBuilder? = FigureBuilder()) {
        self.templates = templates; self.figures = figures
    }

    /// `report` in `format`. For Markdown, figures are linked under `figureFolder` (relative to the
    /// report) and returned as side files; `figureFolder` nil leaves them out of the Markdown.
    public func render(_ report: CaseReport, format: CaseReportFormat, figureFolder: String? = nil) throws -> RenderedReport {
        switch format {
        case .json:
            return RenderedReport(data: try report.json(), sideFiles: [])
        case .html:
            let figs = figures?.figures(for: report)
            return RenderedReport(data: Data(try HTMLReportRenderer(templates: templates).render(report, figures: figs).utf8), sideFiles: [])
        case .md:
            let figs = figureFolder == nil ? nil : figures?.figures(for: report)
            let folder = figureFolder ?? "figures"
            let md = try MarkdownReportRenderer(templates: templates).render(report, figures: figs, figureFolder: folder)
            let side = (figs ?? []).flatMap(\.figures).map { (path: "\(folder)/\($0.name).png", data: $0.png) }
            return RenderedReport(data: Data(md.utf8), sideFiles: side)
        case .pdf:
            let layout = try PDFLayout.load(directory: templates)
            return RenderedReport(data: try PDFReportRenderer(layout: layout).render(report, figures: figures?.figures(for: report)), sideFiles: [])
        }
    }

    /// Renders `report` and writes it to `url` (figure files of Markdown into `<name>-figures/`
    /// beside it). Returns every file written.
    @discardableResult
    public func write(_ report: CaseReport, format: CaseReportFormat, to url: URL) throws -> [URL] {
        let folder = format == .md ? Self.figureFolder(for: url) : nil
        let rendered = try render(report, format: format, figureFolder: folder)
        var written: [URL] = []
        do {
            let dir = url.deletingLastPathComponent()
            for f in rendered.sideFiles {
                let target = dir.appendingPathComponent(f.path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try f.data.write(to: target, options: .atomic)
                written.append(target)
            }
            try rendered.data.write(to: url, options: .atomic)
        } catch {
            throw ExportError("\(url.path): cannot write the report: \(error.localizedDescription)")
        }
        return [url] + written
    }

    /// `./templates` when it holds a report layout (an organisation's branded copy), else nil (the
    /// built-in layouts).
    public static var defaultTemplates: URL? {
        FileManager.default.fileExists(atPath: "templates/report.html") ? URL(fileURLWithPath: "templates") : nil
    }

    /// `<report name>-figures`, with anything but letters, digits, `.`, `-`, `_` replaced, so the
    /// Markdown link needs no escaping.
    static func figureFolder(for url: URL) -> String {
        let stem = url.deletingPathExtension().lastPathComponent
        let safe = String(stem.unicodeScalars.map { s -> Character in
            (s.isASCII && (CharacterSet.alphanumerics.contains(s) || "._-".unicodeScalars.contains(s))) ? Character(s) : "_"
        })
        return (safe.isEmpty ? "report" : safe) + "-figures"
    }
}
