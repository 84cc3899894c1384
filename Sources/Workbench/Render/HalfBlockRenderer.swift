// Images in a terminal with '▀' (upper half block): the foreground colour paints the top half of
// a cell and the background colour the bottom half, so each cell shows two pixels stacked. The
// viewport is fitted into the canvas (`ImageLayout`), downscaled by area averaging (every source
// pixel counts once, so thin lines and noise are not aliased away: that matters for forensics),
// upscaled by nearest neighbour when zoomed in past 1:1, optionally blended with a heatmap, then
// written as cells. Without colour (NO_COLOR) it draws shades of ' ░▒▓█' instead. Quadrant mode
// ('▘▝▖▗▌▐▚▞▛▜▙▟') doubles the horizontal resolution: each cell shows 2x2 samples split into the
// two colours that fit them best, at the cost of colour accuracy where four differ.
//
// Pure: image and settings in, cells out. One scratch allocation per call, none per cell.
import Media

/// Draws an `RGBImage` into a canvas with half-block characters.
public struct HalfBlockRenderer: Sendable {
    public enum Mode: Sendable {
        /// '▀' with two colours per cell.
        case color
        /// Light shades by luminance, for monochrome terminals.
        case shades
        /// 2x2 samples per cell with quadrant characters and the best two colours.
        case quadrants
    }

    /// The image area to show; nil shows the whole image.
    public var viewport: Viewport?
    /// Drawn over the image, if set.
    public var overlay: HeatmapOverlay?
    /// Letterbox colour around the picture (and below an odd last sample row).
    public var background: RGB
    /// A cell's height over its width.
    public var cellAspect: Double
    public var mode: Mode

    public init(viewport: Viewport? = nil, overlay: HeatmapOverlay? = nil, background: RGB = .black, cellAspect: Double = 2, mode: Mode = .color) {
        self.viewport = viewport; self.overlay = overlay; self.background = background
        self.cellAspect = cellAspect; self.mode = mode
    }

    /// Colour half blocks, or shades when the theme is monochrome.
    public static func mode(for theme: Theme) -> Mode { theme.monochrome ? .shades : .color }

    /// Where `image` would land in a canvas of `size`.
    public func layout(for image: RGBImage, in size: Size) -> ImageLayout {
        let vp = (viewport ?? .full(width: image.width, height: image.height)).clamped(imageWidth: image.width, imageHeight: image.height)
        return ImageLayout.fit(vp, in: size, cellAspect: cellAspect, perCellX: mode == .quadrants ? 2 : 1, perCellY: 2)
    }

    /// Renders into the whole canvas (the letterbox filled with `background`) and returns the
    /// layout used, for mapping mouse positions back to the image.
    @discardableResult
    public func render(_ image: RGBImage, into canvas: Canvas) -> ImageLayout {
        let bgCell = Cell(" ", fg: background, bg: background)
        canvas.fill(style: bgCell.style)
        guard image.width > 0, image.height > 0 else { return ImageLayout.fit(.full(width: 0, height: 0), in: canvas.size) }
        let layout = self.layout(for: image, in: canvas.size)
        guard layout.samplesWide > 0 else { return layout }
        var samples = Self.sample(image, viewport: layout.viewport, width: layout.samplesWide, height: layout.samplesHigh)
        overlay?.blend(into: &samples, layout: layout, imageWidth: image.width, imageHeight: image.height)
        if mode == .quadrants { writeQuadrants(samples, layout: layout, into: canvas) } else { write(samples, layout: layout, into: canvas) }
        return layout
    }

    private func write(_ samples: [UInt8], layout: ImageLayout, into canvas: Canvas) {
        let sw = layout.samplesWide, sh = layout.samplesHigh
        let shades: [Unicode.Scalar] = [" ", "░", "▒", "▓", "█"]
        samples.withUnsafeBufferPointer { s in
            for row in 0..<layout.cells.height {
                let top = row * 2, bottom = top + 1
                for col in 0..<sw {
                    let t = (top * sw + col) * 3
                    let fg = RGB(s[t], s[t + 1], s[t + 2])
                    var bg = background
                    if bottom < sh { let b = (bottom * sw + col) * 3; bg = RGB(s[b], s[b + 1], s[b + 2]) }
                    let cell: Cell
                    switch mode {
                    case .color:
                        cell = Cell("▀", fg: fg, bg: bg)
                    case .shades, .quadrants:
                        let l = bottom < sh ? (fg.luma + bg.luma) / 2 : fg.luma
                        cell = Cell(shades[min(4, (l * 5) / 256)], fg: .white, bg: .black)
                    }
                    canvas.setNarrow(layout.cells.x + col, layout.cells.y + row, cell)
                }
            }
        }
    }

    /// Resamples the `viewport` of `image` to `width` x `height` RGB samples: each sample is the
    /// mean of the source pixels its box covers (at least the one pixel under its corner).
    public static func sample(_ image: RGBImage, viewport: Viewport, width: Int, height: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height * 3)
        guard width > 0, height > 0, image.width > 0, image.height > 0 else { return out }
        let xs = spans(start: viewport.x, length: viewport.width, count: width, limit: image.width)
        let ys = spans(start: viewport.y, length: viewport.height, count: height, limit: image.height)
        let stride = image.width * 3
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for j in 0..<height {
                    let (y0, y1) = ys[j]
                    for i in 0..<width {
                        let (x0, x1) = xs[i]
                        let o = (j * width + i) * 3
                        if y1 - y0 == 1 && x1 - x0 == 1 {
                            let p = y0 * stride + x0 * 3
                            dst[o] = src[p]; dst[o + 1] = src[p + 1]; dst[o + 2] = src[p + 2]
                            continue
                        }
                        var r = 0, g = 0, b = 0
                        for y in y0..<y1 {
                            var p = y * stride + x0 * 3
                            for _ in x0..<x1 {
                                r &+= Int(src[p]); g &+= Int(src[p + 1]); b &+= Int(src[p + 2])
                                p += 3
                            }
                        }
                        let n = (y1 - y0) * (x1 - x0), half = n / 2
                        dst[o] = UInt8((r + half) / n); dst[o + 1] = UInt8((g + half) / n); dst[o + 2] = UInt8((b + half) / n)
                    }
                }
            }
        }
        return out
    }

    /// Integer pixel ranges `[a, b)` for `count` equal parts of `[start, start + length)`,
    /// each at least one pixel, inside `0..<limit`.
    static func spans(start: Double, length: Double, count: Int, limit: Int) -> [(Int, Int)] {
        (0..<count).map { i in
            let a = start + Double(i) * length / Double(count)
            let b = start + Double(i + 1) * length / Double(count)
            let lo = min(limit - 1, max(0, Int(a.rounded(.down))))
            let hi = min(limit, max(lo + 1, Int(b.rounded(.down))))
            return (lo, hi)
        }
    }
}
