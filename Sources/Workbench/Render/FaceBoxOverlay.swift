// Face boxes over the picture: each face found by the detection engine (the report's
// `FrameRecord.faces` for a video frame, the `face` findings of a still) as a thin outline of
// box-drawing characters in the theme's accent colour, with its track id ("#1") in the top-left
// corner. Boxes are in pixels of the analysed image; the picture's `ImageLayout` maps them to cells
// (the viewer may show a downscaled frame: `scale` converts). Edges outside the picture are clipped.
import Evidence

extension KeyAction {
    static let toggleFaces = KeyAction("toggle-faces")
}

/// Draws face boxes over a picture drawn with `drawPicture`.
struct FaceBoxOverlay {
    /// Boxes in pixels of the analysed image.
    var faces: [FaceRecord]
    /// Pixels of the shown image per pixel of the analysed image.
    var scale: Double = 1

    /// The key binding that shows or hides the boxes.
    static func binding(section: String) -> KeyBinding {
        KeyBinding(.char("F"), "faces", "Show or hide the boxes of the faces the detector found", action: .toggleFaces, inFooter: false, section: section)
    }

    /// The cell column and row of image point (`x`, `y`), unclipped.
    static func cell(_ layout: ImageLayout, x: Double, y: Double) -> (Int, Int) {
        let v = layout.viewport
        let sx = (x - v.x) * Double(layout.samplesWide) / v.width / Double(layout.samplesPerCellX)
        let sy = (y - v.y) * Double(layout.samplesHigh) / v.height / Double(layout.samplesPerCellY)
        return (layout.cells.x + Int(sx.rounded(.down)), layout.cells.y + Int(sy.rounded(.down)))
    }

    func draw(into canvas: Canvas, layout: ImageLayout, theme: Theme) {
        let style = theme.accent
        let area = layout.cells
        guard area.width > 0, area.height > 0, layout.viewport.width > 0, layout.viewport.height > 0 else { return }
        func inside(_ x: Int, _ y: Int) -> Bool { x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height }
        for f in faces {
            let (x0, y0) = Self.cell(layout, x: f.x * scale, y: f.y * scale)
            var (x1, y1) = Self.cell(layout, x: (f.x + f.width) * scale, y: (f.y + f.height) * scale)
            // A box always spans at least 2x2 cells so that it reads as a box.
            if x1 <= x0 { x1 = x0 + 1 }
            if y1 <= y0 { y1 = y0 + 1 }
            guard x1 >= area.x, y1 >= area.y, x0 < area.x + area.width, y0 < area.y + area.height else { continue }
            for x in (x0 + 1)..<x1 {
                if inside(x, y0) { canvas.set(x, y0, "─", style) }
                if inside(x, y1) { canvas.set(x, y1, "─", style) }
            }
            for y in (y0 + 1)..<y1 {
                if inside(x0, y) { canvas.set(x0, y, "│", style) }
                if inside(x1, y) { canvas.set(x1, y, "│", style) }
            }
            for (x, y, g) in [(x0, y0, "┌"), (x1, y0, "┐"), (x0, y1, "└"), (x1, y1, "┘")] as [(Int, Int, Unicode.Scalar)] where inside(x, y) {
                canvas.set(x, y, g, style)
            }
            let label = "#\(f.track)"
            if inside(x0 + 1, y0) { canvas.put(label, x: x0 + 1, y: y0, style: style, maxWidth: max(0, min(x1, area.x + area.width) - x0 - 1)) }
        }
    }
}
