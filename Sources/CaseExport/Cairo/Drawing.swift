// A cairo context owned by Swift: the few drawing operations figures and the PDF report need
// (fills, rules, scaled images, clipped text), over an image surface or a PDF surface.
import CCairo

/// An RGB colour with components in 0...1.
struct Colour: Sendable, Equatable {
    var r: Double, g: Double, b: Double
    init(r: Double, g: Double, b: Double) { self.r = r; self.g = g; self.b = b }
    init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.init(r: Double(r) / 255, g: Double(g) / 255, b: Double(b) / 255) }

    /// `#rrggbb` (the `#` optional); nil otherwise.
    init?(hex: String) {
        let s = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        self.init(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }

    /// `#rrggbb`, for pango markup.
    var hex: String {
        func c(_ x: Double) -> Int { Int((max(0, min(1, x)) * 255).rounded()) }
        return "#" + [c(r), c(g), c(b)].map { String(format: "%02x", $0) }.joined()
    }

    static let black = Colour(r: 0, g: 0, b: 0)
    static let white = Colour(r: 1, g: 1, b: 1)
}

/// Drawing on a cairo surface (`cairo_create`).
final class Drawing {
    let cr: OpaquePointer

    init(surface: OpaquePointer) throws {
        cr = cairo_create(surface)
        try Cairo.check(cairo_status(cr), "starting to draw")
    }

    convenience init(_ image: CairoImage) throws { try self.init(surface: image.surface) }

    deinit { cairo_destroy(cr) }

    func fill(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ c: Colour) {
        cairo_set_source_rgb(cr, c.r, c.g, c.b)
        cairo_rectangle(cr, x, y, w, h)
        cairo_fill(cr)
    }

    func stroke(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ c: Colour, width: Double) {
        cairo_set_source_rgb(cr, c.r, c.g, c.b)
        cairo_set_line_width(cr, width)
        cairo_rectangle(cr, x, y, w, h)
        cairo_stroke(cr)
    }

    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ c: Colour, width: Double) {
        cairo_set_source_rgb(cr, c.r, c.g, c.b)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
        cairo_stroke(cr)
    }

    /// `image` scaled into the rectangle: bilinear, or nearest-neighbour with `pixelated` (a tiny
    /// frame enlarged keeps its real pixels, and a map its real cells).
    func image(_ image: CairoImage, _ x: Double, _ y: Double, _ w: Double, _ h: Double, pixelated: Bool = false) {
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, w / Double(image.width), h / Double(image.height))
        cairo_set_source_surface(cr, image.surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), pixelated ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// Ends the current PDF page (`cairo_show_page`).
    func showPage() { cairo_show_page(cr) }

    /// `block` drawn at (x, y) in `colour`; with `clip`, only its rows `clip.lowerBound..<clip.upperBound`
    /// (points from the block's top) are drawn, placed at y (a block split across pages).
    func text(_ block: TextBlock, _ x: Double, _ y: Double, _ colour: Colour, clip: Range<Double>? = nil) {
        cairo_save(cr)
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
        if let clip {
            cairo_rectangle(cr, x - 2, y, block.width + 4, clip.upperBound - clip.lowerBound)
            cairo_clip(cr)
            cairo_move_to(cr, x, y - clip.lowerBound)
        } else {
            cairo_move_to(cr, x, y)
        }
        pango_cairo_show_layout(cr, block.layout)
        cairo_restore(cr)
    }

    /// Checks the context after drawing.
    func check(_ what: String) throws { try Cairo.check(cairo_status(cr), what) }
}
