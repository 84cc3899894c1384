// Text laid out by pango (`pango_cairo_create_layout`): wrapping at a width, any Unicode the fonts
// cover, bidi. Text from evidence is hostile: it reaches pango only through `Markup.text`, which
// strips terminal escapes and escapes markup with `g_markup_escape_text`, and markup that pango
// still refuses is shown as plain text rather than dropped.
import CaseStore
import CCairo

/// Pango markup built from escaped parts.
enum Markup {
    /// Evidence or analyst text as markup: control characters and ANSI sequences removed (as in
    /// the HTML report), then `&`, `<`, `>`, quotes escaped (`g_markup_escape_text`).
    static func text(_ s: String) -> String {
        let clean = ReportEscaping.stripControls(s)
        guard let escaped = g_markup_escape_text(clean, -1) else { return "" }
        defer { g_free(escaped) }
        return String(cString: escaped)
    }

    /// True when pango accepts `markup` (`pango_parse_markup`).
    static func isValid(_ markup: String) -> Bool {
        var err: UnsafeMutablePointer<GError>?
        let ok = pango_parse_markup(markup, -1, 0, nil, nil, nil, &err) != 0
        if let err { g_error_free(err) }
        return ok
    }

    /// Markup with its tags removed (for the rare fallback when pango refuses it).
    static func plain(_ markup: String) -> String {
        var out = "", inTag = false
        for ch in markup {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Horizontal alignment of a text block.
enum TextAlignment {
    case left, right
    var pango: PangoAlignment { self == .left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT }
}

/// A laid-out paragraph (`PangoLayout`), in points.
final class TextBlock {
    let layout: OpaquePointer
    /// The wrapping width.
    let width: Double

    /// Lays out `markup` in `font` (a pango font description, "DejaVu Sans 9") wrapped at `width`
    /// points (nil: one line per paragraph, to measure natural width), breaking between words and,
    /// inside a word too long for the line (a hash, a hostile file name), between characters.
    /// Pango's hyphens at such breaks are turned off: a hyphen inside a hash or a finding code
    /// would change what the reader copies out.
    init(_ drawing: Drawing, markup: String, font: String, width: Double?, alignment: TextAlignment = .left) {
        layout = pango_cairo_create_layout(drawing.cr)
        self.width = width ?? 0
        let desc = pango_font_description_from_string(font)
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        pango_layout_set_width(layout, width.map { Int32($0 * Double(ccairo_pango_scale())) } ?? -1)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(layout, alignment.pango)
        let wrapped = "<span insert_hyphens=\"false\">\(markup)</span>"
        if Markup.isValid(wrapped) {
            pango_layout_set_markup(layout, wrapped, -1)
        } else {
            pango_layout_set_text(layout, Markup.plain(markup), -1)
        }
    }

    deinit { ccairo_unref(UnsafeMutableRawPointer(layout)) }

    /// Height of the laid-out text in points.
    var height: Double {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(h) / Double(ccairo_pango_scale())
    }

    /// Width actually used by the text in points.
    var usedWidth: Double {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(w) / Double(ccairo_pango_scale())
    }

    /// The bottom of each line in points from the top: where the block may be split across pages.
    var lineBottoms: [Double] {
        var out: [Double] = []
        guard let it = pango_layout_get_iter(layout) else { return [height] }
        defer { pango_layout_iter_free(it) }
        repeat {
            var y0: Int32 = 0, y1: Int32 = 0
            pango_layout_iter_get_line_yrange(it, &y0, &y1)
            out.append(Double(y1) / Double(ccairo_pango_scale()))
        } while pango_layout_iter_next_line(it) != 0
        return out
    }
}
