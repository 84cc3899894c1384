// A cairo PDF surface writing into memory (`cairo_pdf_surface_create_for_stream`), with the
// document outline (bookmarks pane) and metadata a reader shows.
import CCairo
import Foundation

/// A PDF being drawn, page by page.
final class PDFSurface {
    let surface: OpaquePointer
    private let sink = ByteSink()
    private var finished = false

    /// A document whose pages are `width` x `height` points.
    init(width: Double, height: Double) throws {
        surface = cairo_pdf_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        try Cairo.check(cairo_surface_status(surface), "creating the PDF")
    }

    deinit { cairo_surface_destroy(surface) }

    /// Title, author, creator (`cairo_pdf_surface_set_metadata`); text from evidence is cleaned first.
    func setMetadata(title: String, author: String, creator: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, Markup.plain(Markup.text(title)))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, Markup.plain(Markup.text(author)))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, Markup.plain(Markup.text(creator)))
    }

    /// Adds an outline entry pointing at `page` (1-based) at `y` points from the top; returns its id
    /// for children (`cairo_pdf_surface_add_outline`). 0 is the root.
    @discardableResult
    func addOutline(parent: Int32 = 0, _ title: String, page: Int, y: Double) -> Int32 {
        let name = Markup.plain(Markup.text(title)).replacingOccurrences(of: "\n", with: " ")
        return cairo_pdf_surface_add_outline(surface, parent, name, String(format: "page=%d pos=[0 %.1f]", page, y), cairo_pdf_outline_flags_t(rawValue: 0))
    }

    /// The finished document's bytes (`cairo_surface_finish`).
    func finish() throws -> Data {
        if !finished { cairo_surface_finish(surface); finished = true }
        try Cairo.check(cairo_surface_status(surface), "writing the PDF")
        return Data(sink.bytes)
    }
}
