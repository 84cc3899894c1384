// The look of the PDF case report, read from `report-pdf.toml` so an organisation can brand it
// (page size, margins, fonts, colours, the header line, the note on what scores mean). Every key
// is optional; the defaults below are the values of templates/report-pdf.toml (a test checks).
import Foundation
import TOMLKit

/// Page geometry, fonts, colours and fixed text of the PDF report.
public struct PDFLayout: Sendable, Equatable {
    /// Page size in points (1/72 in).
    public var pageWidth = 595.28, pageHeight = 841.89
    public var marginTop = 18 * mm, marginBottom = 18 * mm, marginLeft = 18 * mm, marginRight = 18 * mm
    public var organisation = ""
    public var title = "DeepScan case report"
    public var bodyFont = "DejaVu Sans 9"
    public var smallFont = "DejaVu Sans 7.5"
    public var monoFont = "DejaVu Sans Mono 7.5"
    public var titleFont = "DejaVu Sans Bold 18"
    public var headingFont = "DejaVu Sans Bold 13"
    public var subheadingFont = "DejaVu Sans Bold 10.5"
    var text = Colour(hex: "#1b1f24")!
    var muted = Colour(hex: "#5b6570")!
    var accent = Colour(hex: "#1f4e79")!
    var rule = Colour(hex: "#c8ccd8")!
    var tableHeader = Colour(hex: "#eef2f7")!
    var fake = Colour(hex: "#8a1111")!
    var real = Colour(hex: "#145a24")!
    var inconclusive = Colour(hex: "#6b4e00")!
    var alert = Colour(hex: "#8a1111")!
    var alertBackground = Colour(hex: "#fbe3e3")!
    public var scoresNote = [
        "Each branch estimates the probability that the file was manipulated in the way that branch looks for (face synthesis, audio synthesis, editing traces in pixels, metadata or PDF structure). The fused score combines the branches that could answer, weighted and calibrated on the data the models were trained and tested on. A score inside the inconclusive band is reported as inconclusive, never as real or fake.",
        "A score is evidence, not proof. A high score says the file resembles manipulated material the models have seen; a low score says no branch found such traces, not that the file is authentic: an unseen manipulation method, heavy recompression or a very small file can hide them. Branches marked not applicable did not look (no face, no audio track) and add nothing either way. Findings describe observable facts (an editing program in the metadata, an incremental update in a PDF) that an examiner should weigh and confirm.",
        "Chain of custody: each file was hashed (SHA-256) when taken into the case and again when this report was made; a file marked changed or missing is no longer the file that was analysed.",
    ].joined(separator: "\n\n")

    public init() {}

    static let mm = 72.0 / 25.4

    /// `report-pdf.toml` from `directory` when present there, else the built-in layout.
    public static func load(directory: URL?) throws -> PDFLayout {
        guard let directory else { return PDFLayout() }
        let url = directory.appendingPathComponent("report-pdf.toml")
        guard FileManager.default.fileExists(atPath: url.path) else { return PDFLayout() }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ExportError("\(url.path): cannot read the PDF layout: \(error.localizedDescription)")
        }
        return try parse(toml: text, source: url.path)
    }

    /// Parses layout TOML; `source` names the file in errors.
    public static func parse(toml: String, source: String = "report-pdf.toml") throws -> PDFLayout {
        let t: TOMLTable
        do { t = try TOMLTable(string: toml) } catch let e as TOMLParseError {
            throw ExportError("\(source): \(e.description) at line \(e.source.begin.line)")
        }
        var l = PDFLayout()
        func number(_ table: TOMLTable?, _ key: String) throws -> Double? {
            guard let v = table?[key] else { return nil }
            if let d = v.double { return d }
            if let i = v.int { return Double(i) }
            throw ExportError("\(source): \(key) must be a number")
        }
        func string(_ table: TOMLTable?, _ key: String) throws -> String? {
            guard let v = table?[key] else { return nil }
            guard let s = v.string else { throw ExportError("\(source): \(key) must be a string") }
            return s
        }
        let page = t["page"]?.table
        if let size = try string(page, "size") {
            switch size.lowercased() {
            case "a4": (l.pageWidth, l.pageHeight) = (595.28, 841.89)
            case "letter": (l.pageWidth, l.pageHeight) = (612, 792)
            default: throw ExportError("\(source): page size \"\(size)\" is not known; use A4, Letter, or width_mm and height_mm")
            }
        }
        if let w = try number(page, "width_mm") { l.pageWidth = w * mm }
        if let h = try number(page, "height_mm") { l.pageHeight = h * mm }
        if let m = try number(page, "margin_mm") { (l.marginTop, l.marginBottom, l.marginLeft, l.marginRight) = (m * mm, m * mm, m * mm, m * mm) }
        if let m = try number(page, "margin_top_mm") { l.marginTop = m * mm }
        if let m = try number(page, "margin_bottom_mm") { l.marginBottom = m * mm }
        if let m = try number(page, "margin_left_mm") { l.marginLeft = m * mm }
        if let m = try number(page, "margin_right_mm") { l.marginRight = m * mm }
        guard l.pageWidth - l.marginLeft - l.marginRight >= 200, l.pageHeight - l.marginTop - l.marginBottom >= 200 else {
            throw ExportError("\(source): the page leaves less than 200 × 200 points inside the margins")
        }
        let header = t["header"]?.table
        if let s = try string(header, "organisation") { l.organisation = s }
        if let s = try string(header, "title") { l.title = s }
        let fonts = t["fonts"]?.table
        for (key, path) in [("body", \PDFLayout.bodyFont), ("small", \.smallFont), ("mono", \.monoFont), ("title", \.titleFont),
                            ("heading", \.headingFont), ("subheading", \.subheadingFont)] as [(String, WritableKeyPath<PDFLayout, String>)] {
            if let s = try string(fonts, key) { l[keyPath: path] = s }
        }
        let colours = t["colours"]?.table
        for (key, path) in [("text", \PDFLayout.text), ("muted", \.muted), ("accent", \.accent), ("rule", \.rule), ("table_header", \.tableHeader),
                            ("fake", \.fake), ("real", \.real), ("inconclusive", \.inconclusive), ("alert", \.alert),
                            ("alert_background", \.alertBackground)] as [(String, WritableKeyPath<PDFLayout, Colour>)] {
            if let s = try string(colours, key) {
                guard let c = Colour(hex: s) else { throw ExportError("\(source): colours.\(key) \"\(s)\" is not a #rrggbb colour") }
                l[keyPath: path] = c
            }
        }
        if let s = try string(t["text"]?.table, "scores_note") { l.scoresNote = s.trimmingCharacters(in: .whitespacesAndNewlines) }
        return l
    }

    /// Width inside the margins.
    var contentWidth: Double { pageWidth - marginLeft - marginRight }
}
