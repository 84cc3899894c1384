// The content of the PDF report as a flow of blocks, before pagination: headings (which also make
// the bookmarks pane), paragraphs, alerts, tables and figures. Text is pango markup built by
// `PDFReportRenderer` from escaped parts (`Markup.text`).
import Foundation

/// One block of the report's flow.
enum PDFBlock {
    /// A heading; `level` 1 is a section, 2 a file, 3 a part of a file. Each becomes a bookmark
    /// (levels 1 and 2) and is kept on a page with what follows.
    case heading(level: Int, markup: String, bookmark: String)
    /// Running text in the body font (or `font`), split between lines across pages.
    case paragraph(markup: String, font: Font = .body, colour: Tone = .text)
    /// A framed warning (broken custody).
    case alert(markup: String)
    /// A table whose rows break across pages, with the header row repeated.
    case table(PDFTable)
    /// A PNG figure with its caption, kept on one page.
    case figure(png: Data, width: Int, height: Int, caption: String)
    /// Vertical space in points.
    case space(Double)

    enum Font { case body, small, mono }
    enum Tone { case text, muted }
}

/// A table: column titles with relative widths, and rows of markup cells.
struct PDFTable {
    var columns: [(title: String, weight: Double)]
    var rows: [[String]]
    var font: PDFBlock.Font = .small
}
