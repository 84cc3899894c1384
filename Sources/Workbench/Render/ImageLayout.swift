// Where an image lands in a rectangle of cells. Half-block rendering shows two image samples per
// cell, one above the other (quadrant rendering 2x2); a terminal cell is about twice as tall as
// wide (`cellAspect`, height over width), so a half-block sample is square and the picture keeps
// its proportions. The viewport is fitted inside the rectangle and centred; the rest is background.

/// The placement of a viewport's pixels in a canvas: the fitted size in samples and cells.
public struct ImageLayout: Hashable, Sendable {
    /// Image samples across and down.
    public var samplesWide: Int
    public var samplesHigh: Int
    /// Samples per cell across (1 for half blocks, 2 for quadrants) and down (2).
    public var samplesPerCellX: Int
    public var samplesPerCellY: Int
    /// The cells the picture covers, in canvas coordinates.
    public var cells: Rect
    /// The image rectangle shown.
    public var viewport: Viewport

    /// Fits `viewport` into `size` cells of `perCellX` x `perCellY` samples each. `cellAspect` is
    /// a cell's height over its width.
    public static func fit(_ viewport: Viewport, in size: Size, cellAspect: Double = 2, perCellX: Int = 1, perCellY: Int = 2) -> ImageLayout {
        guard size.width > 0, size.height > 0, viewport.width > 0, viewport.height > 0 else {
            return ImageLayout(samplesWide: 0, samplesHigh: 0, samplesPerCellX: perCellX, samplesPerCellY: perCellY,
                               cells: Rect(x: 0, y: 0, width: 0, height: 0), viewport: viewport)
        }
        // A sample's height over its width.
        let sampleAspect = cellAspect * Double(perCellX) / Double(perCellY)
        let maxW = size.width * perCellX, maxH = size.height * perCellY
        let scale = min(Double(maxW) / viewport.width, Double(maxH) * sampleAspect / viewport.height)
        let w = min(maxW, max(1, Int((viewport.width * scale).rounded())))
        let h = min(maxH, max(1, Int((viewport.height * scale / sampleAspect).rounded())))
        let cols = (w + perCellX - 1) / perCellX, rows = (h + perCellY - 1) / perCellY
        let cells = Rect(x: (size.width - cols) / 2, y: (size.height - rows) / 2, width: cols, height: rows)
        return ImageLayout(samplesWide: w, samplesHigh: h, samplesPerCellX: perCellX, samplesPerCellY: perCellY, cells: cells, viewport: viewport)
    }

    /// The image point under the cell at canvas column `x`, row `y` (its top-left sample's
    /// centre), or nil outside the picture: for mouse clicks and zooming about the pointer.
    public func imagePoint(cellX x: Int, cellY y: Int) -> (x: Double, y: Double)? {
        guard cells.contains(x: x, y: y), samplesWide > 0, samplesHigh > 0 else { return nil }
        let sx = Double((x - cells.x) * samplesPerCellX) + 0.5, sy = Double((y - cells.y) * samplesPerCellY) + 0.5
        return (viewport.x + sx * viewport.width / Double(samplesWide), viewport.y + sy * viewport.height / Double(samplesHigh))
    }
}
