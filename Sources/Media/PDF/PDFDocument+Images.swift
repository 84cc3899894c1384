// The raster images embedded in a PDF's pages, decoded by poppler (`poppler_page_get_image_mapping`,
// `poppler_page_get_image`), so the image analyses can look at a photo inside a document as they
// would at a JPEG on its own. Bounded: at most `limit` images, each checked against the pixel limit.
import CPoppler

extension PDFDocument {
    /// An image drawn on a page: where (in points, PDF coordinates) and its pixels.
    public struct EmbeddedImage: Sendable {
        public var page: Int
        /// poppler's id of the image on its page.
        public var id: Int
        /// Placement on the page in points: x1, y1, x2, y2.
        public var area: (x1: Double, y1: Double, x2: Double, y2: Double)
        public var image: RGBImage
    }

    /// Up to `limit` embedded images of at least `minSide` pixels on each side, page by page.
    /// Images over the pixel limit are skipped (counted in `skipped`).
    public func embeddedImages(limit: Int = 16, minSide: Int = 32) -> (images: [EmbeddedImage], skipped: Int) {
        var out: [EmbeddedImage] = []
        var skipped = 0
        guard pageCount > 0 else { return ([], 0) }
        for page in 1...pageCount where out.count < limit {
            _ = try? withPage(page) { p in
                guard let list = poppler_page_get_image_mapping(p) else { return }
                defer { poppler_page_free_image_mapping(list) }
                var node: UnsafeMutablePointer<GList>? = list
                while let n = node, out.count < limit {
                    node = n.pointee.next
                    guard let raw = n.pointee.data else { continue }
                    let m = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                    guard let surface = poppler_page_get_image(p, m.image_id) else { continue }
                    defer { cairo_surface_destroy(surface) }
                    let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
                    guard w >= minSide, h >= minSide else { continue }
                    guard w * h <= pixelLimit, let image = Self.rgb(from: surface, width: w, height: h) else { skipped += 1; continue }
                    out.append(EmbeddedImage(page: page, id: Int(m.image_id),
                                             area: (m.area.x1, m.area.y1, m.area.x2, m.area.y2), image: image))
                }
            }
        }
        return (out, skipped)
    }

    /// Pixels of an RGB24 or ARGB32 cairo surface; premultiplied alpha is composited over white.
    static func rgb(from surface: OpaquePointer, width: Int, height: Int) -> RGBImage? {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32, let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let alpha = format == CAIRO_FORMAT_ARGB32
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let row = data + y * stride
            for x in 0..<width {
                // Native-endian 0xAARRGGBB: B,G,R,A in memory on little-endian.
                let a = alpha ? Int(row[4 * x + 3]) : 255
                let o = (y * width + x) * 3
                pixels[o] = UInt8(min(255, Int(row[4 * x + 2]) + 255 - a))
                pixels[o + 1] = UInt8(min(255, Int(row[4 * x + 1]) + 255 - a))
                pixels[o + 2] = UInt8(min(255, Int(row[4 * x]) + 255 - a))
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}
