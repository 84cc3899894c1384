// Paints a figure into a PNG with cairo: the picture (a frame with its map, or a spectrogram),
// optional axis labels, and below it the colour bar that says what the colours mean. Labels are
// laid out with pango; none of them comes from evidence.
import Foundation
import Media

/// A picture with its colour bar, encoded as PNG.
struct FigurePainter {
    /// The colour bar: what the scale measures and the values at its ends.
    struct Legend {
        var title: String
        var low: String
        var high: String
    }

    /// Axis labels around the picture (spectrograms): left side top to bottom, bottom left to right.
    struct Axes {
        var top: String, bottom: String
        var start: String, end: String
    }

    static let font = "DejaVu Sans 8"

    /// PNG bytes and pixel size of `picture` (drawn at `scale`, nearest-neighbour for upscaling a
    /// tiny frame) with `legend` below and `axes` around it.
    static func paint(_ picture: RGBImage, scale: Int = 1, legend: Legend, axes: Axes? = nil) throws -> (png: Data, width: Int, height: Int) {
        let left = axes == nil ? 0 : 46, bottom = axes == nil ? 0 : 16
        let pw = picture.width * scale, ph = picture.height * scale
        let width = max(left + pw, 240)
        // The legend's title may wrap on a narrow figure; the legend grows to fit it. A scratch
        // surface measures it before the real one is made.
        let titleHeight = try Self.measure(legend.title, width: Double(width - 8))
        let legendHeight = Int(titleHeight.rounded(.up)) + 22
        let height = ph + bottom + legendHeight
        let canvas = try CairoImage(width: width, height: height)
        let d = try Drawing(canvas)
        d.fill(0, 0, Double(width), Double(height), .white)
        let image = try CairoImage(picture)
        d.image(image, Double(left), 0, Double(pw), Double(ph), pixelated: true)
        let grey = Colour(r: 0.25, g: 0.28, b: 0.32)
        if let axes {
            func label(_ s: String, _ x: Double, _ y: Double, width: Double, align: TextAlignment) {
                d.text(TextBlock(d, markup: Markup.text(s), font: font, width: width, alignment: align), x, y, grey)
            }
            label(axes.top, 0, 0, width: Double(left - 4), align: .right)
            label(axes.bottom, 0, Double(ph) - 12, width: Double(left - 4), align: .right)
            label(axes.start, Double(left), Double(ph) + 1, width: 80, align: .left)
            label(axes.end, Double(width) - 84, Double(ph) + 1, width: 80, align: .right)
        }
        // Colour bar: title, then low ▮▮▮ high.
        let y0 = Double(ph + bottom) + 3
        d.text(TextBlock(d, markup: Markup.text(legend.title), font: font, width: Double(width - 8)), 4, y0, grey)
        let lowBlock = TextBlock(d, markup: Markup.text(legend.low), font: font, width: 70)
        let highBlock = TextBlock(d, markup: Markup.text(legend.high), font: font, width: 70)
        let barX = 8 + lowBlock.usedWidth, barW = Double(width) - barX - highBlock.usedWidth - 12
        let barY = y0 + titleHeight + 2
        d.text(lowBlock, 4, barY - 2, grey)
        d.text(highBlock, barX + barW + 4, barY - 2, grey)
        if barW > 2 {
            let steps = Int(barW)
            for i in 0..<steps {
                let c = Inferno.colour(Float(i) / Float(max(1, steps - 1)))
                d.fill(barX + Double(i), barY, 1.2, 9, Colour(c.0, c.1, c.2))
            }
        }
        try d.check("drawing a figure")
        return (try canvas.png(), width, height)
    }

    /// Height in pixels of `text` in the figure font wrapped at `width`.
    static func measure(_ text: String, width: Double) throws -> Double {
        let scratch = try CairoImage(width: 1, height: 1)
        return TextBlock(try Drawing(scratch), markup: Markup.text(text), font: font, width: width).height
    }
}
