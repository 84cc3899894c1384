// Two pictures side by side, each with its own evidence layer: two frames of one video (the
// marked frame and the one on screen), or one picture with two different maps (ELA beside noise,
// one branch's evidence beside another's). `[`/`]` change the left layer, `{`/`}` the right one.
import Evidence
import Media

/// One side: a picture, the maps that belong to it, and per-branch scores.
public struct SidePicture {
    public var label: String
    public var image: RGBImage
    /// Layer ids and maps, in the order the keys cycle through them.
    public var layers: [(id: String, map: Heatmap)]
    /// Branch id → score for this picture (frame scores for a video frame).
    public var scores: [String: Double]
    public var layerIndex = -1

    public init(label: String, image: RGBImage, layers: [(id: String, map: Heatmap)], scores: [String: Double], layerIndex: Int = -1) {
        self.label = label; self.image = image; self.layers = layers; self.scores = scores; self.layerIndex = layerIndex
    }

    var layerName: String { layerIndex >= 0 && layerIndex < layers.count ? layers[layerIndex].id : "picture only" }

    mutating func cycle(_ step: Int) {
        guard !layers.isEmpty else { return }
        // -1 (no layer), 0 ... count-1, then back to -1.
        let n = layers.count + 1
        layerIndex = ((layerIndex + 1 + step) % n + n) % n - 1
    }
}

extension KeyAction {
    static let leftLayerNext = KeyAction("left-layer-next")
    static let leftLayerPrevious = KeyAction("left-layer-previous")
    static let rightLayerNext = KeyAction("right-layer-next")
    static let rightLayerPrevious = KeyAction("right-layer-previous")
}

/// Compares two pictures and their evidence.
public final class SideBySideScreen: Screen {
    var left: SidePicture
    var right: SidePicture
    let opacity: Double
    public let title: String

    public init(title: String, left: SidePicture, right: SidePicture, opacity: Double = 0.6) {
        self.title = title; self.left = left; self.right = right; self.opacity = opacity
    }

    public var keyBindings: [KeyBinding] {
        [
            KeyBinding(.char("]"), "left layer", "Next evidence map on the left", action: .leftLayerNext, section: "Compare"),
            KeyBinding(.char("["), "left layer back", "Previous evidence map on the left", action: .leftLayerPrevious, inFooter: false, section: "Compare"),
            KeyBinding(.char("}"), "right layer", "Next evidence map on the right", action: .rightLayerNext, section: "Compare"),
            KeyBinding(.char("{"), "right layer back", "Previous evidence map on the right", action: .rightLayerPrevious, inFooter: false, section: "Compare"),
        ]
    }

    public func draw(into canvas: Canvas, theme: Theme) {
        let (pictures, table) = canvas.splitBottom(.fixed(min(10, max(3, canvas.height / 4))))
        let halves = pictures.split(.columns, [.fill, .fill])
        for (side, area) in [(left, halves[0]), (right, halves[1])] {
            let box = area.box(.rounded, style: theme.border, title: "\(side.label) · \(side.layerName)")
            var overlay: HeatmapLayer?
            if side.layerIndex >= 0, side.layerIndex < side.layers.count {
                overlay = HeatmapLayer(id: side.layers[side.layerIndex].id, map: side.layers[side.layerIndex].map, opacity: opacity, palette: theme.palette())
            }
            _ = drawPicture(side.image, into: box, theme: theme, overlay: overlay)
        }
        let box = table.box(.rounded, style: theme.accent, title: "Scores")
        let ids = Set(left.scores.keys).union(right.scores.keys).sorted()
        box.put("branch        left   right   difference", x: 0, y: 0, style: theme.accent.with(.underline))
        for (row, id) in ids.prefix(max(0, box.height - 1)).enumerated() {
            let a = left.scores[id], b = right.scores[id]
            func f(_ v: Double?) -> String { v.map { String(format: "%5.2f", $0) } ?? "    —" }
            var line = id.padding(toLength: 12, withPad: " ", startingAt: 0) + "  \(f(a))   \(f(b))"
            var style = theme.text
            if let a, let b {
                line += String(format: "   %+.2f", b - a)
                if abs(b - a) >= 0.3 { line += "  ← differs"; style = theme.severityStyle(.warning) }
            }
            box.put(line, x: 0, y: row + 1, style: style, maxWidth: box.width)
        }
        if ids.isEmpty { box.put("no scores for these pictures", x: 0, y: 1, style: theme.dim) }
    }

    public func handle(_ key: Key) -> ScreenResult {
        guard let action = keyBindings.action(for: key) else { return .ignored }
        switch action {
        case .leftLayerNext: left.cycle(1)
        case .leftLayerPrevious: left.cycle(-1)
        case .rightLayerNext: right.cycle(1)
        case .rightLayerPrevious: right.cycle(-1)
        default: return .ignored
        }
        return .handled
    }
}
