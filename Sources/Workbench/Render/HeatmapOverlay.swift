// A heatmap drawn over an image: a grid of values in 0...1 of any size (an ELA map at full
// resolution, an attention map of 7x7) stretched over the whole image, coloured by a palette and
// blended with the image at an opacity. Blending is done on the renderer's samples with integer
// arithmetic that is exact at both ends: opacity 0 leaves the image, opacity 1 is the palette.

/// Values over an image, drawn as colour.
public struct HeatmapOverlay: Sendable {
    /// Grid columns and rows; the grid covers the whole image.
    public let width: Int
    public let height: Int
    /// Row-major values, nominally 0...1 (clamped when drawn).
    public let values: [Float]
    /// 0 (invisible) ... 1 (opaque).
    public var opacity: Double
    public var palette: Palette
    /// Values below this are not drawn at all, so only suspicious regions are tinted.
    public var threshold: Float

    public init(width: Int, height: Int, values: [Float], opacity: Double = 0.5, palette: Palette = .inferno, threshold: Float = 0) {
        precondition(width > 0 && height > 0 && values.count == width * height, "heatmap: \(values.count) values for \(width)x\(height)")
        self.width = width; self.height = height; self.values = values
        self.opacity = opacity; self.palette = palette; self.threshold = threshold
    }

    /// The value at grid cell `gx`, `gy`.
    public func value(_ gx: Int, _ gy: Int) -> Float { values[gy * width + gx] }

    /// Blends the overlay into `samples` (RGB bytes, `layout.samplesWide` x `layout.samplesHigh`)
    /// of an image `imageWidth` x `imageHeight` shown through `layout.viewport`. Nearest grid cell
    /// per sample: the heatmap's own resolution stays visible, which is honest about what an
    /// analysis measured.
    public func blend(into samples: inout [UInt8], layout: ImageLayout, imageWidth: Int, imageHeight: Int) {
        let sw = layout.samplesWide, sh = layout.samplesHigh
        guard sw > 0, sh > 0, imageWidth > 0, imageHeight > 0 else { return }
        precondition(samples.count == sw * sh * 3)
        let a = Int((max(0, min(1, opacity)) * 256).rounded())
        if a == 0 { return }
        let vp = layout.viewport
        // Grid column per sample column, grid row per sample row.
        let gxs = (0..<sw).map { i -> Int in
            let px = vp.x + (Double(i) + 0.5) * vp.width / Double(sw)
            return min(width - 1, max(0, Int(px / Double(imageWidth) * Double(width))))
        }
        let lut = palette.table
        let th = threshold
        samples.withUnsafeMutableBufferPointer { s in
            values.withUnsafeBufferPointer { v in
                lut.withUnsafeBufferPointer { pal in
                    for j in 0..<sh {
                        let py = vp.y + (Double(j) + 0.5) * vp.height / Double(sh)
                        let gy = min(height - 1, max(0, Int(py / Double(imageHeight) * Double(height))))
                        let rowBase = gy * width
                        for i in 0..<sw {
                            let value = v[rowBase + gxs[i]]
                            if value < th || value.isNaN { continue }
                            let c = pal[Palette.index(value)]
                            let o = (j * sw + i) * 3
                            s[o] = RGB.mix(s[o], c.r, a)
                            s[o + 1] = RGB.mix(s[o + 1], c.g, a)
                            s[o + 2] = RGB.mix(s[o + 2], c.b, a)
                        }
                    }
                }
            }
        }
    }
}
