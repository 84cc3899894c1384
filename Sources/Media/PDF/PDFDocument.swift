// An open PDF, through poppler-glib: page count, page sizes, text and rasterised pages. The
// metadata, fonts, attachments, forms and actions live in the `PDFDocument+*.swift` extensions.
// A PDFDocument owns its `PopplerDocument` and is not thread-safe (poppler documents are not);
// open one per task. What poppler cannot open, `PDFStructure` can still describe from the bytes.
import CPoppler
import Foundation

/// A PDF opened with poppler. Pages are numbered from 1.
public final class PDFDocument {
    /// `PopplerDocument*`, released with `g_object_unref` in `deinit`.
    let handle: OpaquePointer
    /// The path it was opened from.
    public let path: String
    /// Largest page raster, in pixels, that `render` will allocate.
    public let pixelLimit: Int

    /// Opens the PDF at `path` (`poppler_document_new_from_file`, given a `g_filename_to_uri` URI).
    ///
    /// Throws `MediaError.passwordRequired` for an encrypted file opened without a password,
    /// `.wrongPassword` when the password does not open it, `.truncated` / `.corrupt` (with
    /// poppler's message) when the file is damaged, and the `EvidenceFile.preflight` errors.
    public init(path: String, password: String? = nil, pixelLimit: Int = MediaOptions.default.pixelLimit) throws {
        try EvidenceFile.preflight(path)
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var err: UnsafeMutablePointer<GError>?
        guard let uri = g_filename_to_uri(absolute, nil, &err) else {
            let message = err.flatMap { $0.pointee.message }.map { String(cString: $0) } ?? "bad file name"
            if let err { g_error_free(err) }
            throw MediaError.io(path: path, detail: message)
        }
        defer { g_free(uri) }
        // poppler treats nil and "" differently only for owner passwords; pass nil when absent.
        let doc: OpaquePointer? = password.flatMap { $0.isEmpty ? nil : $0 }.map {
            poppler_document_new_from_file(uri, $0, &err)
        } ?? poppler_document_new_from_file(uri, nil, &err)
        guard let doc else { throw Poppler.openError(err, path: path, password: password) }
        if let err { g_error_free(err) }
        self.handle = doc
        self.path = path
        self.pixelLimit = pixelLimit
    }

    /// Opens with the password and pixel limit of `options`.
    public convenience init(path: String, options: MediaOptions) throws {
        try self.init(path: path, password: options.password, pixelLimit: options.pixelLimit)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// Number of pages (`poppler_document_get_n_pages`).
    public var pageCount: Int { max(0, Int(poppler_document_get_n_pages(handle))) }

    /// Calls `body` with page `page` (1-based) and releases it afterwards.
    func withPage<T>(_ page: Int, _ body: (OpaquePointer) throws -> T) throws -> T {
        let count = pageCount
        guard page >= 1 && page <= count else { throw MediaError.pageOutOfRange(page: page, count: count) }
        guard let p = poppler_document_get_page(handle, Int32(page - 1)) else {
            throw MediaError.corrupt(path: path, detail: "page \(page) cannot be read")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(p)) }
        return try body(p)
    }

    /// Width and height of page `page` in points (1/72 inch), before any /Rotate
    /// (`poppler_page_get_size`).
    public func pageSize(page: Int) throws -> (width: Double, height: Double) {
        try withPage(page) { p in
            var w = 0.0, h = 0.0
            poppler_page_get_size(p, &w, &h)
            return (w, h)
        }
    }

    /// The text of page `page` in reading order (`poppler_page_get_text`); "" when it has none.
    public func text(page: Int) throws -> String {
        try withPage(page) { p in Poppler.take(poppler_page_get_text(p)) ?? "" }
    }

    /// Rasterises page `page` at `dpi` on a white background (`poppler_page_render` into a cairo
    /// RGB24 surface). The pixel count is checked against `pixelLimit` before any allocation.
    public func render(page: Int, dpi: Double = 72) throws -> RGBImage {
        precondition(dpi > 0 && dpi.isFinite, "render: dpi must be positive")
        return try withPage(page) { p in
            var w = 0.0, h = 0.0
            poppler_page_get_size(p, &w, &h)
            guard w.isFinite, h.isFinite, w > 0, h > 0 else {
                throw MediaError.corrupt(path: path, detail: "page \(page) has no usable size (\(w)×\(h) pt)")
            }
            let scale = dpi / 72
            // Round up, less a hair so that 612 pt at 72 dpi is 612 pixels, not 613.
            let fw = (w * scale - 1e-6).rounded(.up), fh = (h * scale - 1e-6).rounded(.up)
            let limit = Double(pixelLimit)
            guard fw * fh <= limit, fw <= 32_767, fh <= 32_767 else {
                // Clamp so that width × height still fits an Int in MediaError's message.
                let iw = Int(min(fw, 1e9)), ih = Int(min(fh, 1e9))
                throw MediaError.tooManyPixels(path: path, width: iw, height: ih, limit: pixelLimit)
            }
            let width = max(1, Int(fw)), height = max(1, Int(fh))
            return try rasterise(p, width: width, height: height, scale: scale)
        }
    }

    /// Draws `page` into a new cairo RGB24 surface and converts B,G,R,x to RGB.
    private func rasterise(_ page: OpaquePointer, width: Int, height: Int, scale: Double) throws -> RGBImage {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw MediaError.library(name: "cairo", code: -1, message: "cannot create a \(width)×\(height) surface")
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw MediaError.library(name: "cairo", code: Int32(status.rawValue), message: String(cString: cairo_status_to_string(status)))
        }
        guard let cr = cairo_create(surface) else {
            throw MediaError.library(name: "cairo", code: -1, message: "cannot create a drawing context")
        }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)

        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            throw MediaError.library(name: "cairo", code: -1, message: "surface has no pixel data")
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = data + y * stride
                var o = y * width * 3
                for x in 0..<width {
                    // RGB24 is a native-endian 0x00RRGGBB word: B,G,R,x in memory on little-endian.
                    out[o] = row[4 * x + 2]; out[o + 1] = row[4 * x + 1]; out[o + 2] = row[4 * x]
                    o += 3
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}
