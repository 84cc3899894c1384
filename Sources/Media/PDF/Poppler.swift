// The raw edge of poppler-glib: every GError, owned `gchar*` and `GDateTime*` that comes back
// from a poppler call is turned into Swift values here, so the PDFDocument files above read as
// Swift. Ownership follows poppler-glib's docs: `gchar*` returns are caller-owned (`g_free`),
// `const char*` returns are borrowed, `GDateTime*` returns are caller-owned (`g_date_time_unref`).
import CPoppler
import Foundation

/// Conversions from poppler-glib's C values. Internal: nothing above Media sees a C type.
enum Poppler {
    /// Takes ownership of a `gchar*` returned by poppler: copies it into a String and frees it.
    /// Empty strings become nil (poppler returns "" for absent Info fields in some versions).
    static func take(_ p: UnsafeMutablePointer<gchar>?) -> String? {
        guard let p else { return nil }
        defer { g_free(p) }
        let s = String(cString: p)
        return s.isEmpty ? nil : s
    }

    /// Copies a borrowed `const char*`; nil and "" become nil.
    static func borrow(_ p: UnsafePointer<CChar>?) -> String? {
        guard let p else { return nil }
        let s = String(cString: p)
        return s.isEmpty ? nil : s
    }

    /// Takes ownership of a `GDateTime*` and returns it as an ISO-8601 UTC string.
    static func take(_ dt: OpaquePointer?) -> String? {
        guard let dt else { return nil }
        defer { g_date_time_unref(dt) }
        return iso8601(unix: Int64(g_date_time_to_unix(dt)))
    }

    /// `time_t` from the poppler API; poppler uses -1 for "no date".
    static func iso8601(unix t: Int64) -> String? {
        guard t > 0 else { return nil }
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
    }

    /// Turns a GError from `poppler_document_new_from_file` into a MediaError and frees it.
    /// poppler reports both a missing and a wrong password as `POPPLER_ERROR_ENCRYPTED`; which one
    /// it was is decided by whether a password was given. For other errors the file's tail tells
    /// a truncated file (a PDF header but no `%%EOF` in its last KiB) from a damaged one.
    static func openError(_ err: UnsafeMutablePointer<GError>?, path: String, password: String?) -> MediaError {
        guard let err else { return .corrupt(path: path, detail: "poppler could not open the document") }
        defer { g_error_free(err) }
        let message = err.pointee.message.map { String(cString: $0) } ?? "unknown error"
        if err.pointee.domain == poppler_error_quark() {
            switch Int(err.pointee.code) {
            case Int(POPPLER_ERROR_ENCRYPTED.rawValue):
                return (password ?? "").isEmpty ? .passwordRequired(path: path) : .wrongPassword(path: path)
            case Int(POPPLER_ERROR_OPEN_FILE.rawValue):
                return .io(path: path, detail: message)
            default: break
            }
        }
        let head = (try? EvidenceFile.head(path, count: 1024)) ?? []
        guard Sniffer.find(Array("%PDF-".utf8), in: head, limit: 1024) != nil else {
            return .corrupt(path: path, detail: "\(message); there is no %PDF- header in the first 1024 bytes")
        }
        let tail = (try? EvidenceFile.tail(path, count: 1024)) ?? []
        if !contains(Array("%%EOF".utf8), in: tail) { return .truncated(path: path, detail: "\(message); no %%EOF marker at the end of the file") }
        return .corrupt(path: path, detail: message)
    }

    static func contains(_ m: [UInt8], in bytes: [UInt8]) -> Bool {
        guard bytes.count >= m.count else { return false }
        for i in 0...(bytes.count - m.count) where bytes[i] == m[0] && Array(bytes[i..<i + m.count]) == m { return true }
        return false
    }

    /// Calls `body` with each element of a GList, then frees the list (not the elements).
    static func forEach(_ list: UnsafeMutablePointer<GList>?, _ body: (UnsafeMutableRawPointer) -> Void) {
        var node = list
        while let n = node {
            if let data = n.pointee.data { body(data) }
            node = n.pointee.next
        }
        g_list_free(list)
    }
}

extension Poppler {
    /// A borrowed `GDateTime*` (transfer none, e.g. `poppler_attachment_get_mtime`) as ISO-8601.
    static func borrow(_ dt: OpaquePointer?) -> String? {
        guard let dt else { return nil }
        return iso8601(unix: Int64(g_date_time_to_unix(dt)))
    }
}
