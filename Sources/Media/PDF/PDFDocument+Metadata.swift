// Document-level facts from poppler: the Info dictionary, PDF version, XMP packet, linearisation
// and permissions. Dates are ISO-8601 in UTC; absent or empty fields are nil.
import CPoppler
import Foundation

extension PDFDocument {
    /// The Info dictionary as poppler decodes it (PDFDocEncoding / UTF-16 to UTF-8).
    public struct Info: Sendable, Equatable {
        public var title: String?
        public var author: String?
        public var subject: String?
        public var keywords: String?
        public var creator: String?
        public var producer: String?
        /// ISO-8601, UTC.
        public var creationDate: String?
        /// ISO-8601, UTC.
        public var modificationDate: String?

        public init(title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
                    creator: String? = nil, producer: String? = nil, creationDate: String? = nil, modificationDate: String? = nil) {
            self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
            self.creator = creator; self.producer = producer; self.creationDate = creationDate; self.modificationDate = modificationDate
        }

        /// Field name and value pairs in Info-dictionary order, absent fields left out.
        public var fields: [(key: String, value: String)] {
            let all: [(String, String?)] = [("Title", title), ("Author", author), ("Subject", subject), ("Keywords", keywords),
                                            ("Creator", creator), ("Producer", producer),
                                            ("CreationDate", creationDate), ("ModDate", modificationDate)]
            return all.compactMap { k, v in v.map { (k, $0) } }
        }
    }

    /// The Info dictionary (`poppler_document_get_title`, `_author`, ..., `_creation_date_time`).
    public var info: Info {
        Info(title: Poppler.take(poppler_document_get_title(handle)),
             author: Poppler.take(poppler_document_get_author(handle)),
             subject: Poppler.take(poppler_document_get_subject(handle)),
             keywords: Poppler.take(poppler_document_get_keywords(handle)),
             creator: Poppler.take(poppler_document_get_creator(handle)),
             producer: Poppler.take(poppler_document_get_producer(handle)),
             creationDate: Poppler.take(poppler_document_get_creation_date_time(handle)),
             modificationDate: Poppler.take(poppler_document_get_modification_date_time(handle)))
    }

    /// The version the document declares, e.g. `1.5` (`poppler_document_get_pdf_version`; a
    /// catalog /Version overrides the header).
    public var version: String {
        var major: guint = 0, minor: guint = 0
        poppler_document_get_pdf_version(handle, &major, &minor)
        return "\(major).\(minor)"
    }

    /// The raw XMP packet of the catalog's /Metadata stream, if any (`poppler_document_get_metadata`).
    public var xmp: String? { Poppler.take(poppler_document_get_metadata(handle)) }

    /// True when the file is linearised ("fast web view", `poppler_document_is_linearized`).
    public var isLinearized: Bool { poppler_document_is_linearized(handle) != 0 }

    /// True when the document has JavaScript in its name tree (`poppler_document_has_javascript`).
    /// poppler-glib 22.12 says whether, not what; `links` and `formFields` give the scripts of
    /// link and field actions, and `PDFStructure` counts every /JS in the file.
    public var hasJavaScript: Bool { poppler_document_has_javascript(handle) != 0 }

    /// Names of what the document allows (`poppler_document_get_permissions`): `print`, `modify`,
    /// `copy`, `annotate`, `fill-forms`, `extract`, `assemble`, `print-high-resolution`.
    /// All eight for an unencrypted file.
    public var permissions: [String] {
        let bits = poppler_document_get_permissions(handle).rawValue
        let names: [(PopplerPermissions, String)] = [
            (POPPLER_PERMISSIONS_OK_TO_PRINT, "print"), (POPPLER_PERMISSIONS_OK_TO_MODIFY, "modify"),
            (POPPLER_PERMISSIONS_OK_TO_COPY, "copy"), (POPPLER_PERMISSIONS_OK_TO_ADD_NOTES, "annotate"),
            (POPPLER_PERMISSIONS_OK_TO_FILL_FORM, "fill-forms"), (POPPLER_PERMISSIONS_OK_TO_EXTRACT_CONTENTS, "extract"),
            (POPPLER_PERMISSIONS_OK_TO_ASSEMBLE, "assemble"), (POPPLER_PERMISSIONS_OK_TO_PRINT_HIGH_RESOLUTION, "print-high-resolution"),
        ]
        return names.filter { bits & $0.0.rawValue != 0 }.map(\.1)
    }

    /// The two halves of the trailer /ID (`poppler_document_get_id`), as hex: the permanent ID
    /// and the one that changes with each update. nil when the file has no /ID.
    public var fileID: (permanent: String, update: String)? {
        var a: UnsafeMutablePointer<gchar>?, b: UnsafeMutablePointer<gchar>?
        guard poppler_document_get_id(handle, &a, &b) != 0 else { return nil }
        // Each is 32 hex characters, not NUL-terminated, caller-owned (poppler hex-encodes the
        // 16-byte /ID strings itself).
        func hex(_ p: UnsafeMutablePointer<gchar>?) -> String {
            guard let p else { return "" }
            defer { g_free(p) }
            return String(decoding: (0..<32).map { UInt8(bitPattern: p[$0]) }, as: UTF8.self).lowercased()
        }
        return (hex(a), hex(b))
    }
}
