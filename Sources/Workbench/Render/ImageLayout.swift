// Where an image lands in a rectangle of cells. Half-block rendering shows two image samples per
// cell, one above the other; a terminal cell is about twice as tall as wide (`cellAspect`, height
// over width), so each sample is then square and the picture keeps its proportions. The viewport
// is fitted inside the rectangle and centred; the rest is background.

/// The placement of a viewport's pixels in a canvas: the fitted size in samples and cells.
public struct ImageLayout: Hashable, Sendable {
    /// Image samples across and down (down = two per cell row).
    public var samplesWide: Int
    public var samplesHigh: Int
    /// The cells the picture covers, in canvas coordinates.
    public var cells: Rect
    /// The image rectangle shown.
    public var viewport: Viewport

    /// Fits `viewport` into `size` cells. `cellAspect` is a cell's height over its width.
    public static func fit(_ viewport: Viewport, in size: Size, cellAspect: Double = 2) -> ImageLayout {
        guard size.width > 0, size.height > 0, viewport.width > 0, viewport.height > 0 else {
            return ImageLayout(samplesWide: 0, samplesHigh: 0, cells: Rect(x: 0, y: 0, width: 0, height: 0), viewport: viewport)
        }
        // A sample is one cell wide and half a cell high: (cellAspect / 2) times as tall as wide.
        let sampleAspect = cellAspect / 2
        let maxW = Double(size.width), maxH = Double(size.height * 2)
        let scale = min(maxW / viewport.width, maxH * sampleAspect / viewport.height)
        let w = min(size.width, max(1, Int((viewport.width * scale).rounded())))
        let h = min(size.height * 2, max(1, Int((viewport.height * scale / sampleAspect).rounded())))
        let rows = (h + 1) / 2
        let cells = Rect(x: (size.width - w) / 2, y: (size.height - rows) / 2, width: w, height: rows)
        return ImageLayout(samplesWide: w, samplesHigh: h, cells: cells, viewport: viewport)
    }

    /// The image point under the cell at canvas column `x`, row `y` (its centre, upper half), or
    /// nil outside the picture: for mouse clicks and zooming about the pointer.
    public func imagePoint(cellX x: Int, cellY y: Int) -> (x: Double, y: Double)? {
        guard cells.contains(x: x, y: y), samplesWide > 0, samplesHigh > 0 else { return nil }
        let sx = Double(x - cells.x) + 0.5, sy = Double((y - cells.y) * 2) + 0.5
        return (viewport.x + sx * viewport.width / Double(samplesWide), viewport.y + sy * viewport.height / Double(samplesHigh))
    }
}
