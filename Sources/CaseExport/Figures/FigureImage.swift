// Pixel work for figures: scaling a decoded frame down to the report's width, and laying an
// analysis map over it the way the workbench does (HeatmapOverlay: nearest map cell per pixel,
// raw values 0...1 through inferno, blended at 50%).
import Evidence
import Media

enum FigureImage {
    /// `image` shrunk (area average) so it is at most `maxWidth` wide; unchanged when it already fits.
    static func fit(_ image: RGBImage, maxWidth: Int) -> RGBImage {
        guard image.width > maxWidth, image.width > 0, image.height > 0 else { return image }
        let w = maxWidth, h = max(1, Int((Double(image.height) * Double(maxWidth) / Double(image.width)).rounded()))
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            let y0 = y * image.height / h, y1 = max(y0 + 1, (y + 1) * image.height / h)
            for x in 0..<w {
                let x0 = x * image.width / w, x1 = max(x0 + 1, (x + 1) * image.width / w)
                var s = (0, 0, 0)
                for yy in y0..<y1 {
                    for xx in x0..<x1 {
                        let i = (yy * image.width + xx) * 3
                        s.0 += Int(image.pixels[i]); s.1 += Int(image.pixels[i + 1]); s.2 += Int(image.pixels[i + 2])
                    }
                }
                let n = (y1 - y0) * (x1 - x0), o = (y * w + x) * 3
                out[o] = UInt8(s.0 / n); out[o + 1] = UInt8(s.1 / n); out[o + 2] = UInt8(s.2 / n)
            }
        }
        return RGBImage(width: w, height: h, pixels: out)
    }

    /// `map` stretched over `image` and blended at `opacity` (0...1).
    static func overlay(_ map: Heatmap, on image: RGBImage, opacity: Double = 0.5) -> RGBImage {
        guard map.width > 0, map.height > 0 else { return image }
        var px = image.pixels
        let a = max(0, min(1, opacity))
        for y in 0..<image.height {
            let gy = min(map.height - 1, y * map.height / max(1, image.height))
            for x in 0..<image.width {
                let gx = min(map.width - 1, x * map.width / max(1, image.width))
                let v = map[gx, gy]
                if v.isNaN { continue }
                let c = Inferno.colour(v), o = (y * image.width + x) * 3
                px[o] = mix(px[o], c.0, a); px[o + 1] = mix(px[o + 1], c.1, a); px[o + 2] = mix(px[o + 2], c.2, a)
            }
        }
        return RGBImage(width: image.width, height: image.height, pixels: px)
    }

    private static func mix(_ a: UInt8, _ b: UInt8, _ t: Double) -> UInt8 { UInt8((Double(a) * (1 - t) + Double(b) * t).rounded()) }
}
