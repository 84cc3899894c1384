// Fonts and embedded files of an open PDF. Both are what an analyst checks first for editing
// traces: a font that is not embedded, or embedded whole where the rest are subsets, often marks
// text added after the fact; an attachment is a payload.
import CPoppler
import Foundation

extension PDFDocument {
    /// A font used by the document, as `pdffonts` lists it.
    public struct Font: Sendable, Equatable {
        /// Base font name, e.g. `ABCDEF+CMR10` (subset tag included), or nil for an unnamed Type 3 font.
        public var name: String?
        /// `Type 1`, `Type 1C`, `Type 3`, `TrueType`, `CID Type 0C`, `CID TrueType`, ... (pdffonts' names).
        public var type: String
        public var embedded: Bool
        public var subset: Bool
        /// The font's encoding as poppler names it (`Custom`, `WinAnsi`, `Identity-H`, ...).
        public var encoding: String?
    }

    /// The fonts of all pages, each once (`poppler_font_info_scan` over the whole document).
    /// Stops after `limit` fonts so a hostile file cannot make this unbounded.
    public func fonts(limit: Int = 10_000) -> [Font] {
        guard let info = poppler_font_info_new(handle) else { return [] }
        defer { poppler_font_info_free(info) }
        var out: [Font] = []
        var more = true
        // Scan in chunks of pages; poppler remembers which fonts it has already reported.
        while more && out.count < limit {
            var iter: OpaquePointer?
            more = poppler_font_info_scan(info, 32, &iter) != 0
            guard let it = iter else { continue }
            defer { poppler_fonts_iter_free(it) }
            repeat {
                out.append(Font(name: Poppler.borrow(poppler_fonts_iter_get_name(it)),
                                type: Self.fontTypeName(poppler_fonts_iter_get_font_type(it)),
                                embedded: poppler_fonts_iter_is_embedded(it) != 0,
                                subset: poppler_fonts_iter_is_subset(it) != 0,
                                encoding: Poppler.borrow(poppler_fonts_iter_get_encoding(it))))
            } while out.count < limit && poppler_fonts_iter_next(it) != 0
        }
        return out
    }

    static func fontTypeName(_ t: PopplerFontType) -> String {
        switch t {
        case POPPLER_FONT_TYPE_TYPE1: return "Type 1"
        case POPPLER_FONT_TYPE_TYPE1C: return "Type 1C"
        case POPPLER_FONT_TYPE_TYPE1COT: return "Type 1C (OT)"
        case POPPLER_FONT_TYPE_TYPE3: return "Type 3"
        case POPPLER_FONT_TYPE_TRUETYPE: return "TrueType"
        case POPPLER_FONT_TYPE_TRUETYPEOT: return "TrueType (OT)"
        case POPPLER_FONT_TYPE_CID_TYPE0: return "CID Type 0"
        case POPPLER_FONT_TYPE_CID_TYPE0C: return "CID Type 0C"
        case POPPLER_FONT_TYPE_CID_TYPE0COT: return "CID Type 0C (OT)"
        case POPPLER_FONT_TYPE_CID_TYPE2: return "CID TrueType"
        case POPPLER_FONT_TYPE_CID_TYPE2OT: return "CID TrueType (OT)"
        default: return "unknown"
        }
    }

    /// A file embedded in the document (the /EmbeddedFiles name tree).
    public struct Attachment: Sendable, Equatable {
        public var name: String?
        /// Uncompressed size in bytes as the file's /Params /Size states it; nil when not stated
        /// (poppler then reports -1 as an unsigned gsize).
        public var size: Int?
        public var description: String?
        /// ISO-8601, UTC.
        public var created: String?
        /// ISO-8601, UTC.
        public var modified: String?
    }

    /// The embedded files (`poppler_document_get_attachments`), at most `limit` of them.
    public func attachments(limit: Int = 10_000) -> [Attachment] {
        guard poppler_document_has_attachments(handle) != 0 else { return [] }
        var out: [Attachment] = []
        // The list and each PopplerAttachment are ours (transfer full).
        Poppler.forEach(poppler_document_get_attachments(handle)) { raw in
            defer { g_object_unref(raw) }
            guard out.count < limit else { return }
            let a = raw.assumingMemoryBound(to: PopplerAttachment.self)
            out.append(Attachment(name: Poppler.borrow(poppler_attachment_get_name(a)),
                                  size: Int(exactly: poppler_attachment_get_size(a)).flatMap { $0 >= 0 ? $0 : nil },
                                  description: Poppler.borrow(poppler_attachment_get_description(a)),
                                  created: Poppler.borrow(poppler_attachment_get_ctime(a)),
                                  modified: Poppler.borrow(poppler_attachment_get_mtime(a))))
        }
        return out
    }
}
