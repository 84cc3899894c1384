// The video viewer: the current frame, exact stepping (one frame, ±1 s, ±10 s, first/last),
// playback, going to a frame or time, and jumping through the frames the branches scored as most
// suspicious; the strip under it is the timeline (keyframes, flagged frames, position) and one
// sparkline of per-frame scores per branch that scores frames. On the sampled frames the engine
// looked for faces on, their boxes and track ids are drawn over the picture (`F` toggles them).
import Evidence
import Foundation
import Media

extension KeyAction {
    static let nextFrame = KeyAction("next-frame")
    static let previousFrame = KeyAction("previous-frame")
    static let forwardSecond = KeyAction("forward-1s")
    static let backSecond = KeyAction("back-1s")
    static let forwardTen = KeyAction("forward-10s")
    static let backTen = KeyAction("back-10s")
    static let firstFrame = KeyAction("first-frame")
    static let lastFrame = KeyAction("last-frame")
    static let nextSuspicious = KeyAction("next-suspicious")
    static let previousSuspicious = KeyAction("previous-suspicious")
    static let play = KeyAction("play")
    static let goTo = KeyAction("go-to")
}

/// Shows a video frame by frame.
public final class VideoViewer: MediaViewer {
    private let reader: VideoReader
    public private(set) var current = 0
    private var frame: VideoFrame?
    private var error: String?
    private var playing: Date?
    private var playStartFrame = 0
    /// Frames ordered by suspicion (highest first), and where `n` is in that order.
    private var rankCursor = -1
    /// Whether the face boxes are drawn (`F`).
    public private(set) var showsFaces = true

    public init(reader: VideoReader) {
        self.reader = reader
        // Frames are scaled once by swscale to at most 640 wide: plenty for a terminal, and fast.
        if reader.width > 640 {
            reader.outputSize = (640, max(2, Int((Double(reader.height) * 640 / Double(reader.width)).rounded()) & ~1))
        }
        show(0)
    }

    public var keyBindings: [KeyBinding] {
        [
            KeyBinding(.right, "frame", "Next frame", action: .nextFrame, section: "Video"),
            KeyBinding(.left, "frame back", "Previous frame", action: .previousFrame, inFooter: false, section: "Video"),
            KeyBinding(.char("]"), "+1s", "Forward one second", action: .forwardSecond, inFooter: false, section: "Video"),
            KeyBinding(.char("["), "-1s", "Back one second", action: .backSecond, inFooter: false, section: "Video"),
            KeyBinding([.char("}"), .pageDown], "+10s", "Forward ten seconds", action: .forwardTen, inFooter: false, section: "Video"),
            KeyBinding([.char("{"), .pageUp], "-10s", "Back ten seconds", action: .backTen, inFooter: false, section: "Video"),
            KeyBinding(.home, "first", "First frame", action: .firstFrame, inFooter: false, section: "Video"),
            KeyBinding(.end, "last", "Last frame", action: .lastFrame, inFooter: false, section: "Video"),
            KeyBinding(.char("n"), "suspicious", "Jump to the next most suspicious frame", action: .nextSuspicious, section: "Video"),
            KeyBinding(.char("N"), "less suspicious", "Jump back through the suspicious frames", action: .previousSuspicious, inFooter: false, section: "Video"),
            KeyBinding(.char(" "), "play", "Play or pause", action: .play, section: "Video"),
            KeyBinding(.char(":"), "go to", "Go to a frame number or a time (12.5s, 1:02)", action: .goTo, section: "Video"),
            FaceBoxOverlay.binding(section: "Video"),
        ]
    }

    public var stripHeight: Int { 6 }
    public var frameIndex: Int? { current }

    public var positionLabel: String {
        let t = frame.map { String(format: "%.3f s", $0.pts) } ?? "—"
        return "frame \(current + 1)/\(reader.frameCount) · \(t)" + (frame?.isKeyframe == true ? " · keyframe" : "")
    }

    /// Decodes and shows frame `i` (clamped).
    func show(_ i: Int) {
        guard reader.frameCount > 0 else { error = "the video has no frames"; return }
        let target = min(max(0, i), reader.frameCount - 1)
        do { frame = try reader.frame(at: target); current = target; error = nil } catch { self.error = "\(error)"; current = target }
    }

    public func draw(into canvas: Canvas, theme: Theme, file: OpenedFile, overlay: HeatmapLayer?) {
        if let frame {
            let layout = drawPicture(frame.image, into: canvas, theme: theme, overlay: overlay)
            let faces = file.analysis?.report.frames.first { $0.index == current }?.faces ?? []
            if showsFaces, !faces.isEmpty, reader.width > 0 {
                // Boxes are in pixels of the full-size frame the engine decoded; the viewer may show it smaller.
                FaceBoxOverlay(faces: faces, scale: Double(frame.image.width) / Double(reader.width)).draw(into: canvas, layout: layout, theme: theme)
            }
        }
        if let error { canvas.put("cannot show frame \(current + 1): \(error)", x: 1, y: 0, style: theme.severityStyle(.warning), maxWidth: canvas.width - 2) }
    }

    public func drawStrip(into canvas: Canvas, theme: Theme, file: OpenedFile) {
        let series = frameSeries(file)
        var flagged: [Int: Double] = [:]
        for (_, scores) in series { for (i, s) in scores.enumerated() { if let s, s >= 0.5 { flagged[i] = max(flagged[i] ?? 0, s) } } }
        let keyframes = (0..<reader.frameCount).filter { (try? reader.isKeyframe($0)) == true }
        let rows = canvas.split(.rows, [.fixed(2), .fill])
        Timeline(frameCount: reader.frameCount, current: current, keyframes: keyframes, flagged: flagged, fps: reader.fps).draw(into: rows[0], theme: theme)
        guard rows[1].height > 0 else { return }
        // The lip-sync offset plot takes the bottom two rows when the branch answered.
        var below = rows[1]
        if let plot = file.branchResults.lazy.compactMap(LipSyncPlot.init).first, below.height >= 3 {
            let (top, bottom) = below.splitBottom(.fixed(2))
            plot.draw(into: bottom, theme: theme)
            below = top
        }
        if series.isEmpty {
            below.put("per-frame scores appear here when a frame-level branch has run", x: 0, y: 0, style: theme.dim, maxWidth: canvas.width)
            return
        }
        for (row, (id, scores)) in series.prefix(below.height).enumerated() {
            let line = below.sub(Rect(x: 0, y: row, width: below.width, height: 1))
            let (label, bars) = line.splitLeft(.fixed(12))
            label.put(id, x: 0, y: 0, style: theme.dim)
            Sparkline(values: scores, highlighted: current).draw(into: bars, theme: theme)
        }
    }

    /// Per-branch scores indexed by frame (nil where the branch did not look).
    func frameSeries(_ file: OpenedFile) -> [(String, [Double?])] {
        file.branchResults.compactMap { r in
            guard let fs = r.frameScores, !fs.isEmpty else { return nil }
            var v = [Double?](repeating: nil, count: reader.frameCount)
            for f in fs where f.index >= 0 && f.index < v.count { v[f.index] = f.score }
            return (r.id, v)
        }
    }

    /// Frames with a score, most suspicious first (highest score over branches; ties by index).
    func suspicionRanking(_ file: OpenedFile) -> [Int] {
        var best: [Int: Double] = [:]
        for (_, v) in frameSeries(file) { for (i, s) in v.enumerated() { if let s { best[i] = max(best[i] ?? 0, s) } } }
        return best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    public func handle(_ key: Key, file: OpenedFile) -> ScreenResult? {
        guard let action = keyBindings.action(for: key) else { return nil }
        let fps = reader.fps > 0 ? reader.fps : 25
        if action != .play { playing = nil }
        switch action {
        case .nextFrame: show(current + 1)
        case .previousFrame: show(current - 1)
        case .forwardSecond: show(current + Int(fps.rounded()))
        case .backSecond: show(current - Int(fps.rounded()))
        case .forwardTen: show(current + Int((fps * 10).rounded()))
        case .backTen: show(current - Int((fps * 10).rounded()))
        case .firstFrame: show(0)
        case .lastFrame: show(reader.frameCount - 1)
        case .nextSuspicious, .previousSuspicious:
            let ranking = suspicionRanking(file)
            guard !ranking.isEmpty else { return .status("no frame has been scored yet") }
            rankCursor = (rankCursor + (action == .nextSuspicious ? 1 : ranking.count - 1)) % ranking.count
            show(ranking[rankCursor])
            return .status("suspicious frame \(rankCursor + 1) of \(ranking.count): frame \(current + 1)")
        case .play:
            if playing == nil { playing = Date(); playStartFrame = current } else { playing = nil }
        case .toggleFaces:
            showsFaces.toggle()
            return .status(showsFaces ? "face boxes shown" : "face boxes hidden")
        case .goTo:
            return .push(PromptScreen(title: "Go to frame or time", hint: "frame number (1-\(reader.frameCount)), or time: 12.5s, 1:02.5") { [weak self] text in
                guard let self else { return .pop }
                guard let target = self.parsePosition(text) else { return .status("not a frame number or time: \(text)") }
                self.show(target)
                return .status(self.positionLabel)
            })
        default: return nil
        }
        return .handled
    }

    /// The picture of frame `i` (from the reader's cache or decoded), without moving the position.
    func picture(_ i: Int) -> RGBImage? {
        if i == current, let frame { return frame.image }
        let keep = current
        defer { show(keep) }
        return (try? reader.frame(at: i))?.image
    }

    /// Shows the frame under column `x` of a timeline `width` columns wide.
    func goToTimelineColumn(_ x: Int, width: Int) {
        show(Timeline(frameCount: reader.frameCount).frame(atColumn: x, width: width))
    }

    /// "42" is frame 42 (1-based); "12.5s", "1:02", "1:02.5" are times.
    func parsePosition(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let n = Int(t) { return n - 1 }
        var seconds: Double?
        if t.hasSuffix("s"), let s = Double(t.dropLast()) { seconds = s }
        let parts = t.split(separator: ":")
        if parts.count == 2, let m = Double(parts[0]), let s = Double(parts[1]) { seconds = m * 60 + s }
        if parts.count == 3, let h = Double(parts[0]), let m = Double(parts[1]), let s = Double(parts[2]) { seconds = h * 3600 + m * 60 + s }
        guard let seconds else { return nil }
        return try? reader.frameIndex(atTime: seconds)
    }

    /// Advances playback by the time elapsed since it started.
    public func tick() -> Bool {
        guard let started = playing else { return false }
        let target = playStartFrame + Int(Date().timeIntervalSince(started) * reader.fps)
        if target >= reader.frameCount - 1 { show(reader.frameCount - 1); playing = nil; return true }
        guard target != current else { return false }
        // Step forward without seeking (sequential decode); drop frames when behind.
        show(target)
        return true
    }

    public func mapIDs(in file: OpenedFile) -> [String] {
        file.maps.keys.filter { !$0.contains("@frame") || $0.hasSuffix("@frame\(current)") }.sorted()
    }
}
