// Lays the report's blocks out on pages and draws them: text is measured with pango on the PDF
// surface itself (so measured and drawn metrics agree), blocks are placed top to bottom, paragraphs
// split between lines, table rows move whole to the next page with the header repeated, figures
// and headings never sit alone at a page bottom. Page numbers need the page count, so pages are
// collected first and drawn after, each with the running header and footer.
import Foundation

/// Paginates `PDFBlock`s onto a `PDFSurface`.
final class PDFPaginator {
    private enum Op {
        case text(TextBlock, x: Double, y: Double, Colour, clip: Range<Double>?)
        case fill(x: Double, y: Double, w: Double, h: Double, Colour)
        case rule(x0: Double, y0: Double, x1: Double, y1: Double, Colour, width: Double)
        case frame(x: Double, y: Double, w: Double, h: Double, Colour, width: Double)
        case image(CairoImage, x: Double, y: Double, w: Double, h: Double)
        case bookmark(level: Int, title: String, y: Double)
    }

    let layout: PDFLayout
    let pdf: PDFSurface
    let d: Drawing
    private var pages: [[Op]] = [[]]
    private var y: Double
    private var top: Double { layout.marginTop }
    private var bottom: Double { layout.pageHeight - layout.marginBottom }
    private var left: Double { layout.marginLeft }
    private var width: Double { layout.contentWidth }

    init(layout: PDFLayout) throws {
        self.layout = layout
        pdf = try PDFSurface(width: layout.pageWidth, height: layout.pageHeight)
        d = try Drawing(surface: pdf.surface)
        y = layout.marginTop
    }

    func font(_ f: PDFBlock.Font) -> String {
        switch f { case .body: layout.bodyFont; case .small: layout.smallFont; case .mono: layout.monoFont }
    }

    func block(_ markup: String, _ font: String, width: Double) -> TextBlock { TextBlock(d, markup: markup, font: font, width: width) }

    private func emit(_ op: Op) { pages[pages.count - 1].append(op) }
    private func newPage() { pages.append([]); y = top }
    /// Starts a new page unless `h` points still fit (or the page is empty).
    private func need(_ h: Double) { if y + h > bottom && y > top { newPage() } }

    func add(_ b: PDFBlock) {
        switch b {
        case .space(let h):
            y += h
        case .heading(let level, let markup, let bookmark):
            let f = level == 1 ? layout.headingFont : (level == 2 ? layout.subheadingFont : layout.bodyFont)
            let t = block(level == 3 ? "<b>\(markup)</b>" : markup, f, width: width)
            y += level == 1 ? 10 : 6
            need(t.height + 60)
            if level <= 2 { emit(.bookmark(level: level, title: bookmark, y: y)) }
            emit(.text(t, x: left, y: y, level == 1 ? layout.accent : layout.text, clip: nil))
            y += t.height + 3
            if level == 1 { emit(.rule(x0: left, y0: y, x1: left + width, y1: y, layout.rule, width: 0.8)); y += 4 }
        case .paragraph(let markup, let f, let tone):
            flow(block(markup, font(f), width: width), x: left, colour: tone == .muted ? layout.muted : layout.text)
            y += 4
        case .alert(let markup):
            let t = block(markup, layout.bodyFont, width: width - 12)
            let h = min(t.height + 10, bottom - top)
            need(h)
            emit(.fill(x: left, y: y, w: width, h: h, layout.alertBackground))
            emit(.frame(x: left, y: y, w: width, h: h, layout.alert, width: 1.2))
            emit(.text(t, x: left + 6, y: y + 5, layout.text, clip: 0..<(h - 10)))
            y += h + 6
        case .table(let table):
            self.table(table)
        case .figure(let png, let pw, let ph, let caption):
            guard let image = try? CairoImage(png: png) else {
                add(.paragraph(markup: "<i>A figure could not be decoded.</i>", colour: .muted)); return
            }
            // 96 px per inch, as a browser shows the HTML report, shrunk to fit the page.
            var w = Double(pw) * 0.75, h = Double(ph) * 0.75
            let s = min(1, width / w, (bottom - top) * 0.7 / h)
            w *= s; h *= s
            let c = block(caption, layout.smallFont, width: width)
            need(h + c.height + 8)
            emit(.image(image, x: left, y: y, w: w, h: h))
            emit(.frame(x: left, y: y, w: w, h: h, layout.rule, width: 0.5))
            y += h + 3
            emit(.text(c, x: left, y: y, layout.muted, clip: nil))
            y += c.height + 8
        }
    }

    /// Places `t`, splitting it between lines where it crosses the page bottom.
    private func flow(_ t: TextBlock, x: Double, colour: Colour) {
        let lines = t.lineBottoms
        var from = 0.0
        while from < t.height - 0.01 {
            let room = bottom - y
            // The last line bottom that fits in the room left.
            let fits = lines.last { $0 - from <= room + 0.01 && $0 > from }
            guard let cut = fits else {
                if y > top { newPage(); continue }
                // A single line taller than a page: draw what fits.
                emit(.text(t, x: x, y: y, colour, clip: from..<(from + room))); y = bottom; return
            }
            let whole = from == 0 && cut >= t.height - 0.01
            emit(.text(t, x: x, y: y, colour, clip: whole ? nil : from..<cut))
            y += cut - from
            from = cut
            if from < t.height - 0.01 { newPage() }
        }
    }

    private func table(_ table: PDFTable) {
        let pad = 3.0, f = font(table.font)
        let widths = columnWidths(table, font: f, pad: pad)
        let xs = widths.indices.map { i in left + widths[..<i].reduce(0, +) }
        func cells(_ texts: [String], bold: Bool) -> (blocks: [TextBlock], height: Double) {
            let blocks = texts.enumerated().map { i, s in block(bold ? "<b>\(s)</b>" : s, f, width: widths[i] - 2 * pad) }
            return (blocks, (blocks.map(\.height).max() ?? 0) + 2 * pad)
        }
        let header = cells(table.columns.map { Markup.text($0.title) }, bold: true)
        func drawHeader() {
            emit(.fill(x: left, y: y, w: width, h: header.height, layout.tableHeader))
            for (i, b) in header.blocks.enumerated() { emit(.text(b, x: xs[i] + pad, y: y + pad, layout.text, clip: nil)) }
            y += header.height
            emit(.rule(x0: left, y0: y, x1: left + width, y1: y, layout.rule, width: 0.6))
        }
        let firstRow = table.rows.first.map { cells($0, bold: false).height } ?? 0
        need(header.height + firstRow)
        drawHeader()
        for row in table.rows {
            let r = cells(row, bold: false)
            if y + r.height > bottom {
                newPage(); drawHeader()
            }
            // A row taller than a whole page is cut at the page bottom (metadata values are capped,
            // so this needs a pathological cell).
            let h = min(r.height, bottom - y)
            for (i, b) in r.blocks.enumerated() {
                emit(.text(b, x: xs[i] + pad, y: y + pad, layout.text, clip: h < r.height ? 0..<(h - 2 * pad) : nil))
            }
            y += h
            emit(.rule(x0: left, y0: y, x1: left + width, y1: y, layout.rule, width: 0.4))
        }
        y += 6
    }

    /// Column widths: a column whose longest cell is short (under 28% of the page width) keeps
    /// its natural width, so statuses, scores and codes never wrap; the rest of the width goes to
    /// the other columns by their weights. When everything fits, the slack is shared by weight.
    private func columnWidths(_ table: PDFTable, font f: String, pad: Double) -> [Double] {
        let natural = table.columns.indices.map { i -> Double in
            let cells = ["<b>\(Markup.text(table.columns[i].title))</b>"] + table.rows.map { i < $0.count ? $0[i] : "" }
            return cells.map { TextBlock(d, markup: $0, font: f, width: nil).usedWidth }.max()! + 2 * pad + 1
        }
        let weights = table.columns.map(\.weight)
        if natural.reduce(0, +) <= width {
            let slack = width - natural.reduce(0, +), total = weights.reduce(0, +)
            return natural.indices.map { natural[$0] + slack * weights[$0] / total }
        }
        var fixed = natural.indices.filter { natural[$0] <= width * 0.28 }
        if fixed.count == natural.count || fixed.reduce(0, { $0 + natural[$1] }) > width * 0.7 { fixed = [] }
        let free = width - fixed.reduce(0) { $0 + natural[$1] }
        let weight = natural.indices.filter { !fixed.contains($0) }.reduce(0) { $0 + weights[$1] }
        return natural.indices.map { fixed.contains($0) ? natural[$0] : free * weights[$0] / weight }
    }

    /// Draws every page with its running header (`header`) and footer, and returns the PDF bytes.
    func finish(header: String, footer: String) throws -> Data {
        var parents: [Int: Int32] = [:]
        let count = pages.count
        for (n, ops) in pages.enumerated() {
            let headBlock = block(header, layout.smallFont, width: width - 60)
            d.text(headBlock, left, top - 24, layout.muted, clip: 0..<min(headBlock.height, 20))
            d.line(left, top - 8, left + width, top - 8, layout.accent, width: 0.8)
            let foot = block(footer, layout.smallFont, width: width - 80)
            d.text(foot, left, bottom + 10, layout.muted, clip: 0..<min(foot.height, 24))
            let number = TextBlock(d, markup: "page \(n + 1) of \(count)", font: layout.smallFont, width: 80, alignment: .right)
            d.text(number, left + width - 80, bottom + 10, layout.muted)
            for op in ops {
                switch op {
                case .text(let t, let x, let y, let c, let clip): d.text(t, x, y, c, clip: clip)
                case .fill(let x, let y, let w, let h, let c): d.fill(x, y, w, h, c)
                case .rule(let x0, let y0, let x1, let y1, let c, let w): d.line(x0, y0, x1, y1, c, width: w)
                case .frame(let x, let y, let w, let h, let c, let lw): d.stroke(x, y, w, h, c, width: lw)
                case .image(let img, let x, let y, let w, let h): d.image(img, x, y, w, h)
                case .bookmark(let level, let title, let y):
                    let id = pdf.addOutline(parent: level == 1 ? 0 : (parents[1] ?? 0), title, page: n + 1, y: y)
                    parents[level] = id
                }
            }
            d.showPage()
            try d.check("drawing page \(n + 1)")
        }
        return try pdf.finish()
    }
}
