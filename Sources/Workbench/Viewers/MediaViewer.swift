// The part of the evidence screen that shows the media itself. One type per kind (image, video,
// audio, PDF); the evidence screen around it draws the verdict, branches and findings the same
// way for all of them.
import Evidence
import Media

/// Shows one kind of media and handles the keys that move through it.
public protocol MediaViewer: AnyObject {
    /// Keys this viewer handles when it has focus.
    var keyBindings: [KeyBinding] { get }
    /// Rows of the strip under the picture (timeline, waveform, page list); 0 for none.
    var stripHeight: Int { get }
    /// Draws the picture.
    func draw(into canvas: Canvas, theme: Theme, file: OpenedFile, overlay: HeatmapLayer?)
    /// Draws the strip under the picture.
    func drawStrip(into canvas: Canvas, theme: Theme, file: OpenedFile)
    /// Handles a key; nil when the key is not the viewer's.
    func handle(_ key: Key, file: OpenedFile) -> ScreenResult?
    /// Where the analyst is ("frame 12/280 · 00:00:00.600", "page 2/7"), for the status and bookmarks.
    var positionLabel: String { get }
    /// The frame or page on screen, for bookmarks and per-frame scores.
    var frameIndex: Int? { get }
    var pageNumber: Int? { get }
    /// The map ids that belong to what is on screen (a frame's attention map, the image's ELA).
    func mapIDs(in file: OpenedFile) -> [String]
}

/// An evidence map drawn over the picture.
public struct HeatmapLayer {
    public var id: String
    public var map: Heatmap
    public var opacity: Double
    public var palette: Palette
}

extension MediaViewer {
    public var frameIndex: Int? { nil }
    public var pageNumber: Int? { nil }
    public func mapIDs(in file: OpenedFile) -> [String] { file.maps.keys.filter { !$0.contains("@frame") }.sorted() }
}

/// Draws `image` fitted into `canvas`, with an optional heatmap over it.
func drawPicture(_ image: RGBImage, into canvas: Canvas, theme: Theme, overlay: HeatmapLayer?, viewport: Viewport? = nil) -> ImageLayout {
    var r = HalfBlockRenderer(viewport: viewport, background: theme[.background], mode: HalfBlockRenderer.mode(for: theme))
    if let o = overlay {
        r.overlay = HeatmapOverlay(width: o.map.width, height: o.map.height, values: o.map.values, opacity: o.opacity, palette: o.palette)
    }
    return r.render(image, into: canvas)
}
