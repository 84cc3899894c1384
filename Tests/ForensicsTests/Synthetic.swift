// Synthetic evidence made from real photos at test time: re-saved, downscaled, resized, with a
// copied patch, double compressed. Each helper does what an editor would do, with nothing hidden.
import Foundation
import Forensics
import Media
import TestSupport

enum Synthetic {
    /// The decoded real camera photo (800x532).
    static let photo: RGBImage = try! JPEGCodec.decode(path: Samples.path("photo-exif.jpg"))

    /// 2x2 box downscale: removes the original JPEG grid, so later saves are first compressions.
    static func halved(_ img: RGBImage) -> RGBImage {
        let w = img.width / 2, h = img.height / 2
        var out = [UInt8](repeating: 0, count: w * h * 3)
        let p = img.pixels, stride = img.width * 3
        for y in 0..<h { for x in 0..<w { for c in 0..<3 {
            let i = 2 * y * stride + 2 * x * 3 + c
            let s: Int = Int(p[i]) + Int(p[i + 3]) + Int(p[i + stride]) + Int(p[i + stride + 3])
            out[(y * w + x) * 3 + c] = UInt8((s + 2) / 4)
        } } }
        return RGBImage(width: w, height: h, pixels: out)
    }

    /// Bilinear resize by `factor` (what an editor's "scale image" with linear interpolation does).
    static func resized(_ img: RGBImage, by factor: Double) -> RGBImage {
        let w = Int(Double(img.width) * factor), h = Int(Double(img.height) * factor)
        let channels = (0..<3).map { Plane(channel: $0, of: img).resized(width: w, height: h) }
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for i in 0..<(w * h) { for c in 0..<3 { out[3 * i + c] = UInt8(min(max(channels[c].values[i].rounded(), 0), 255)) } }
        return RGBImage(width: w, height: h, pixels: out)
    }

    /// A copy of `img` with the `size`x`size` patch at `from` pasted at `to`.
    static func copyMove(_ img: RGBImage, from: (x: Int, y: Int), to: (x: Int, y: Int), size: Int) -> RGBImage {
        var out = img
        for y in 0..<size { for x in 0..<size { for c in 0..<3 {
            out.pixels[((to.y + y) * img.width + to.x + x) * 3 + c] = img.pixels[((from.y + y) * img.width + from.x + x) * 3 + c]
        } } }
        return out
    }

    /// Saves as JPEG at each quality in turn and returns the last file as analysis input.
    static func saved(_ img: RGBImage, qualities: [Int]) throws -> ForensicInput {
        var current = img
        var bytes: [UInt8] = []
        for q in qualities {
            bytes = try JPEGCodec.encode(current, quality: q)
            current = try JPEGCodec.decode(data: bytes)
        }
        return try ForensicInput.jpeg(data: bytes)
    }
}
