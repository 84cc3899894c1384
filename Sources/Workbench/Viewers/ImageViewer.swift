// The image viewer: the picture fitted to the pane, zoom and pan, and the evidence maps of the
// analyses (ELA, noise, JPEG ghost, copy-move, ...) as a layer over it with adjustable opacity,
// and the boxes of the faces the engine found (its `face` findings; `F` toggles them).
import Detection
import Evidence
import Media

extension KeyAction {
    static let zoomIn = KeyAction("zoom-in")
    static let zoomOut = KeyAction("zoom-out")
    static let zoomFit = KeyAction("zoom-fit")
    static let panLeft = KeyAction("pan-left")
    static let panRight = KeyAction("pan-right")
    static let panUp = KeyAction("pan-up")
    static let panDown = KeyAction("pan-down")
}

/// Shows a still image.
public final class ImageViewer: MediaViewer {
    private let image: RGBImage
    private var viewport: Viewport
    /// Whether the face boxes are drawn (`F`).
    public private(set) var showsFaces = true

    public init(image: RGBImage) {
        self.image = image
        viewport = .full(width: image.width, height: image.height)
    }

    public var keyBindings: [KeyBinding] {
        [
            KeyBinding([.char("+"), .char("=")], "zoom", "Zoom in", action: .zoomIn, section: "Image"),
            KeyBinding(.char("-"), "zoom out", "Zoom out", action: .zoomOut, inFooter: false, section: "Image"),
            KeyBinding(.char("0"), "fit", "Fit the whole image", action: .zoomFit, inFooter: false, section: "Image"),
            KeyBinding(.left, "pan left", "Pan left (when zoomed)", action: .panLeft, inFooter: false, section: "Image"),
            KeyBinding(.right, "pan right", "Pan right (when zoomed)", action: .panRight, inFooter: false, section: "Image"),
            KeyBinding(.up, "pan up", "Pan up (when zoomed)", action: .panUp, inFooter: false, section: "Image"),
            KeyBinding(.down, "pan down", "Pan down (when zoomed)", action: .panDown, inFooter: false, section: "Image"),
            FaceBoxOverlay.binding(section: "Image"),
        ]
    }

    public var stripHeight: Int { 1 }

    public var positionLabel: String {
        let z = viewport.zoom(imageWidth: image.width)
        return "\(image.width)×\(image.height)" + (z > 1.01 ? String(format: " · zoom %.1f×", z) : "")
    }

    public func draw(into canvas: Canvas, theme: Theme, file: OpenedFile, overlay: HeatmapLayer?) {
        let layout = drawPicture(image, into: canvas, theme: theme, overlay: overlay, viewport: viewport)
        if showsFaces { FaceBoxOverlay(faces: Self.faces(in: file)).draw(into: canvas, layout: layout, theme: theme) }
    }

    /// The faces of the finished analysis: its `face` findings, numbered in report order.
    static func faces(in file: OpenedFile) -> [FaceRecord] {
        let boxes = (file.analysis?.report.findings ?? []).filter { $0.code == "face" }.compactMap { DetectionEngine.faceBox(fromLocation: $0.location) }
        return boxes.enumerated().map { FaceRecord(x: $1.x, y: $1.y, width: $1.width, height: $1.height, track: $0 + 1) }
    }

    public func drawStrip(into canvas: Canvas, theme: Theme, file: OpenedFile) {
        canvas.put("\(file.summary.format.uppercased()) · \(positionLabel)", x: 0, y: 0, style: theme.dim)
    }

    public func handle(_ key: Key, file: OpenedFile) -> ScreenResult? {
        guard let action = keyBindings.action(for: key) else { return nil }
        let stepX = viewport.width / 8, stepY = viewport.height / 8
        switch action {
        case .zoomIn: viewport = viewport.zoomed(by: 1.5, imageWidth: image.width, imageHeight: image.height)
        case .zoomOut: viewport = viewport.zoomed(by: 1 / 1.5, imageWidth: image.width, imageHeight: image.height)
        case .zoomFit: viewport = .full(width: image.width, height: image.height)
        case .panLeft: viewport = viewport.panned(dx: -stepX, dy: 0, imageWidth: image.width, imageHeight: image.height)
        case .panRight: viewport = viewport.panned(dx: stepX, dy: 0, imageWidth: image.width, imageHeight: image.height)
        case .panUp: viewport = viewport.panned(dx: 0, dy: -stepY, imageWidth: image.width, imageHeight: image.height)
        case .panDown: viewport = viewport.panned(dx: 0, dy: stepY, imageWidth: image.width, imageHeight: image.height)
        case .toggleFaces:
            showsFaces.toggle()
            return .status(showsFaces ? "face boxes shown" : "face boxes hidden")
        default: return nil
        }
        return .handled
    }
}
