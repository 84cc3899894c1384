// A cairo image surface (RGB24) owned by Swift: made from decoded pixels or from PNG bytes, drawn
// on by `Drawing`, and encoded as PNG (`cairo_surface_write_to_png_stream`). Cairo's RGB24 is one
// 32-bit word per pixel in native byte order, so on little-endian machines B, G, R, x bytes.
import CCairo
import Foundation
import Media

/// An RGB image surface.
final class CairoImage {
    let surface: OpaquePointer
    let width: Int
    let height: Int

    /// A black surface (`cairo_image_surface_create`).
    init(width: Int, height: Int) throws {
        guard width > 0, height > 0, width <= 32767, height <= 32767 else {
            throw ExportError("cannot make a \(width)×\(height) figure")
        }
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        self.width = width; self.height = height
        try Cairo.check(cairo_surface_status(surface), "creating a \(width)×\(height) image")
    }

    /// The pixels of `image`.
    convenience init(_ image: RGBImage) throws {
        try self.init(width: image.width, height: image.height)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<image.width {
                    let i = (y * image.width + x) * 3
                    row[x] = UInt32(p[i]) << 16 | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2])
                }
            }
        }
        cairo_surface_mark_dirty(surface)
    }

    /// Decodes PNG bytes (`cairo_image_surface_create_from_png_stream`).
    init(png: Data) throws {
        let source = ByteSource([UInt8](png))
        let s = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(ByteSource.read, Unmanaged.passUnretained(source).toOpaque())!
        }
        surface = s
        width = Int(cairo_image_surface_get_width(s)); height = Int(cairo_image_surface_get_height(s))
        try Cairo.check(cairo_surface_status(s), "decoding a figure's PNG")
    }

    deinit { cairo_surface_destroy(surface) }

    /// PNG bytes (`cairo_surface_write_to_png_stream`).
    func png() throws -> Data {
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        }
        try Cairo.check(status, "encoding a figure as PNG")
        return Data(sink.bytes)
    }
}
