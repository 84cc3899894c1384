// The part of an image on screen, in image pixel coordinates. Zoom and pan change the viewport;
// the renderer fits whatever the viewport covers into the canvas rectangle. Pure value arithmetic,
// clamped so the viewport never leaves the image or shrinks below a few pixels.

/// A rectangle of an image, in pixels (fractional), that a renderer shows.
public struct Viewport: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// The whole image.
    public static func full(width: Int, height: Int) -> Viewport {
        Viewport(x: 0, y: 0, width: Double(width), height: Double(height))
    }

    /// How many times the image is magnified relative to the full view (1 = whole image).
    public func zoom(imageWidth: Int) -> Double { width > 0 ? Double(imageWidth) / width : 1 }

    /// Zoomed in by `factor` (> 1 in, < 1 out) about the image point `cx`, `cy` (default: the
    /// centre), which stays where it was on screen; clamped to the image.
    public func zoomed(by factor: Double, aboutX cx: Double? = nil, aboutY cy: Double? = nil,
                       imageWidth: Int, imageHeight: Int, minimumSize: Double = 4) -> Viewport {
        let px = cx ?? x + width / 2, py = cy ?? y + height / 2
        let f = max(factor, 1e-6)
        let aspect = height / max(width, 1e-9)
        var nw = min(Double(imageWidth), max(minimumSize, width / f))
        var nh = nw * aspect
        if nh > Double(imageHeight) { nh = Double(imageHeight); nw = nh / max(aspect, 1e-9) }
        // Keep (px, py) at the same relative position inside the viewport.
        let rx = width > 0 ? (px - x) / width : 0.5, ry = height > 0 ? (py - y) / height : 0.5
        return Viewport(x: px - rx * nw, y: py - ry * nh, width: nw, height: nh)
            .clamped(imageWidth: imageWidth, imageHeight: imageHeight)
    }

    /// Moved by `dx`, `dy` pixels, clamped to the image.
    public func panned(dx: Double, dy: Double, imageWidth: Int, imageHeight: Int) -> Viewport {
        Viewport(x: x + dx, y: y + dy, width: width, height: height).clamped(imageWidth: imageWidth, imageHeight: imageHeight)
    }

    /// Inside the image: no larger than it, and shifted back in when it sticks out.
    public func clamped(imageWidth: Int, imageHeight: Int) -> Viewport {
        let iw = Double(imageWidth), ih = Double(imageHeight)
        let w = min(max(width, 1e-6), iw), h = min(max(height, 1e-6), ih)
        return Viewport(x: min(max(0, x), iw - w), y: min(max(0, y), ih - h), width: w, height: h)
    }
}
