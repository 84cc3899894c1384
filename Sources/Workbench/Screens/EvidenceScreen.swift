// The screen an analyst works in: one open file. Left, the media (image, video frame, spectrogram
// or PDF page) with an evidence map over it and a strip under it (timeline, waveform, revisions);
// right, the verdict, the branches and the findings. The analysis runs in the background and
// fills the panel in as branches finish; the picture is there at once.
import Detection
import Evidence
import Foundation
import Media

extension KeyAction {
    static let metadata = KeyAction("metadata")
    static let nextLayer = KeyAction("next-layer")
    static let opacity = KeyAction("opacity")
    static let palette = KeyAction("palette")
    static let bookmark = KeyAction("bookmark")
    static let tag = KeyAction("tag")
    static let note = KeyAction("note")
    static let export = KeyAction("export")
    static let reanalyse = KeyAction("reanalyse")
    static let details = KeyAction("details")
    static let compare = KeyAction("compare")
    static let structure = KeyAction("structure")
    static let theme = KeyAction("theme")
    static let addToCase = KeyAction("add-to-case")
    static let markFrame = KeyAction("mark-frame")
    static let compareMarked = KeyAction("compare-marked")
    static let compareLayers = KeyAction("compare-layers")
    static let parameterUp = KeyAction("parameter-up")
    static let parameterDown = KeyAction("parameter-down")
}

/// One open evidence file.
public final class EvidenceScreen: Screen {
    enum Pane: Int, CaseIterable { case viewer, branches, findings }

    /// The file on screen and the state of its analysis.
    public let file: OpenedFile
    let viewer: any MediaViewer
    let context: WorkbenchContext
    var focus: Pane = .viewer
    var branches = BranchPane()
    var findings = FindingsPane()
    /// Index into the selectable maps; -1 shows the picture alone.
    var layerIndex = -1
    var opacity = 0.5
    var paletteName: String?
    var themeIndex = 0
    /// The frame marked with M, to compare with the one on screen.
    var markedFrame: Int?
    /// Maps recomputed with the analyst's parameters, by layer id (they replace the analysis's).
    var tuned: [String: Heatmap] = [:]
    var elaQuality = 90
    lazy var tuner = LayerTuner(mailbox: context.mailbox)
    /// Where the panes were last drawn (screen coordinates), for mouse clicks.
    var stripRect = Rect(x: 0, y: 0, width: 0, height: 0)
    var paneRects: [Pane: Rect] = [:]
    /// Where the picture was last drawn, in screen cells (for tests, benchmarks and mouse hits).
    public private(set) var pictureArea = Rect(x: 0, y: 0, width: 0, height: 0)

    public var title: String { (file.path as NSString).lastPathComponent }

    /// Opens `path` and starts its analysis. Throws `MediaError` when the file cannot be shown.
    public init(path: String, context: WorkbenchContext) throws {
        self.context = context
        file = try OpenedFile(path: path, options: context.mediaOptions)
        switch file.content {
        case .image(let img): viewer = ImageViewer(image: img)
        case .video(let r): viewer = VideoViewer(reader: r)
        case .audio(let clip): viewer = AudioViewer(clip: clip)
        case .pdf(let doc): viewer = PDFViewer(document: doc)
        }
        context.noteOpened(path)
        file.analysisToken = context.runner.start(path, options: context.engineOptions)
        refreshPanes()
    }

    /// A screen for `path`, or a message saying why it cannot be opened (the app keeps running).
    public static func open(_ path: String, context: WorkbenchContext) -> any Screen {
        do { return try EvidenceScreen(path: path, context: context) } catch {
            return MessageScreen(title: "Cannot open \((path as NSString).lastPathComponent)", message: "\(error)", severity: .critical)
        }
    }

    public var keyBindings: [KeyBinding] {
        let own: [KeyBinding] = [
            KeyBinding(.char("v"), "layer", "Show the next evidence map over the picture (ELA, noise, attention, ...)", action: .nextLayer, section: "Evidence"),
            KeyBinding(.char("o"), "opacity", "Change the opacity of the evidence map", action: .opacity, inFooter: false, section: "Evidence"),
            KeyBinding(.char("p"), "palette", "Change the heatmap palette (viridis is colour-blind safe)", action: .palette, inFooter: false, section: "Evidence"),
            KeyBinding(.char("m"), "metadata", "Show the metadata tree", action: .metadata, section: "Evidence"),
            KeyBinding(.char("s"), "structure", "PDF: Info vs XMP, revisions and risky content", action: .structure, inFooter: file.summary.media == .pdf, section: "Evidence"),
            KeyBinding(.char(">"), "param +", "Raise the layer's parameter (ELA quality)", action: .parameterUp, inFooter: false, section: "Evidence"),
            KeyBinding(.char("<"), "param -", "Lower the layer's parameter (ELA quality)", action: .parameterDown, inFooter: false, section: "Evidence"),
            KeyBinding(.char("T"), "theme", "Switch the colour theme (dark, light, high-contrast)", action: .theme, inFooter: false, section: "View"),
            KeyBinding(.char("M"), "mark frame", "Video: mark this frame to compare another with it", action: .markFrame, inFooter: false, section: "Compare"),
            KeyBinding(.char("C"), "compare frames", "Video: the marked frame beside this one, with both frames' scores and maps", action: .compareMarked, inFooter: false, section: "Compare"),
            KeyBinding(.char("L"), "compare maps", "This picture twice, with a different evidence map on each side (two analyses or branches)", action: .compareLayers, inFooter: false, section: "Compare"),
            KeyBinding(.char("c"), "compare", "Compare with another file side by side", action: .compare, inFooter: false, section: "Evidence"),
            KeyBinding(.char("b"), "bookmark", "Bookmark this frame/page/branch with a note", action: .bookmark, inFooter: false, section: "Case"),
            KeyBinding(.char("t"), "tag", "Tag the file: ok, to check, suspicious", action: .tag, inFooter: false, section: "Case"),
            KeyBinding(.char("a"), "note", "Add a note to the file", action: .note, inFooter: false, section: "Case"),
            KeyBinding(.char("e"), "export", "Export the report of this file (JSON), or in a case the case report (html, md, json, pdf)", action: .export, section: "Case"),
            KeyBinding(.char("A"), "add to case", "Add this file to the open case (hashed at intake)", action: .addToCase, inFooter: false, section: "Case"),
            KeyBinding(.char("r"), "re-analyse", "Run the analysis again", action: .reanalyse, inFooter: false, section: "Evidence"),
            KeyBinding(.enter, "details", "Details of the selected branch or finding", action: .details, inFooter: false, section: "Evidence"),
        ]
        switch focus {
        case .viewer: return viewer.keyBindings + own
        case .branches: return own + TableView.keyBindings
        case .findings: return own + ListView.keyBindings
        }
    }

    // MARK: drawing

    public func draw(into canvas: Canvas, theme: Theme) {
        refreshPanes()
        let sideWidth = min(60, max(34, canvas.width * 2 / 5))
        let (main, side) = canvas.width > 70 ? canvas.splitLeft(.fixed(canvas.width - sideWidth)) : (canvas, canvas.sub(Rect(x: 0, y: 0, width: 0, height: 0)))
        let layer = currentLayer(theme: theme)
        let mainTitle = "\(file.summary.media.rawValue) · \(file.summary.format) · \(viewer.positionLabel)" + (layer.map { " · \($0.id) \(Int($0.opacity * 100))%" } ?? "")
        let mainBox = main.box(.rounded, style: focus == .viewer ? theme.accent : theme.border, title: title + " — " + mainTitle)
        let (picture, strip) = mainBox.splitBottom(.fixed(min(viewer.stripHeight, max(0, mainBox.height - 3))))
        pictureArea = picture.rect
        viewer.draw(into: picture, theme: theme, file: file, overlay: layer)
        if let layer, picture.width > 24 {
            HeatmapLegend(palette: layer.palette, minLabel: "low", maxLabel: "high", title: layer.map.label)
                .draw(into: picture.sub(Rect(x: 0, y: picture.height - 1, width: min(picture.width, 48), height: 1)), theme: theme)
        }
        viewer.drawStrip(into: strip, theme: theme, file: file)
        stripRect = strip.rect
        paneRects[.viewer] = mainBox.rect
        guard side.width > 0 else { return }
        let parts = side.split(.rows, [.fixed(7), .fill, .fill])
        let verdictBox = parts[0].box(.rounded, style: theme.border, title: "Verdict")
        VerdictPane.draw(into: verdictBox, theme: theme, file: file)
        let branchBox = parts[1].box(.rounded, style: focus == .branches ? theme.accent : theme.border, title: "Branches")
        branches.table.draw(into: branchBox, theme: theme, focused: focus == .branches)
        paneRects[.branches] = branchBox.rect
        let tags = context.annotations.tags(file.summary.sha256)
        let findingsTitle = "Findings (\(findings.findings.count))" + (tags.isEmpty ? "" : " · tag: " + tags.joined(separator: ", "))
        let findingsBox = parts[2].box(.rounded, style: focus == .findings ? theme.accent : theme.border, title: findingsTitle)
        findings.list.draw(into: findingsBox, theme: theme, focused: focus == .findings)
        paneRects[.findings] = findingsBox.rect
    }

    func refreshPanes() {
        branches.update(file: file, frame: viewer.frameIndex)
        findings.update(file: file, branch: branches.selectedID)
    }

    /// The maps that can be laid over what is on screen: the selected branch's first.
    func layerIDs() -> [String] {
        // The analyses analysts reach for first come first (ELA, then noise, ...).
        let preferred = ["ela", "noise", "ghost", "double-quantisation", "dq", "copy-move", "resampling", "thumbnail", "gradient", "pca"]
        func rank(_ id: String) -> Int {
            let name = id.split(separator: "/").dropFirst().first.map(String.init) ?? id
            return preferred.firstIndex { name.hasPrefix($0) } ?? preferred.count
        }
        // An analysis's main map (`forensic/ela`) before its extra ones (`forensic/ela/2`).
        func extra(_ id: String) -> Int { id.split(separator: "@")[0].split(separator: "/").count > 2 ? 1 : 0 }
        let ids = viewer.mapIDs(in: file).sorted { (rank($0), extra($0), $0) < (rank($1), extra($1), $1) }
        guard let b = branches.selectedID else { return ids }
        return ids.filter { $0.hasPrefix(b + "/") } + ids.filter { !$0.hasPrefix(b + "/") }
    }

    func currentLayer(theme: Theme) -> HeatmapLayer? {
        let ids = layerIDs()
        guard layerIndex >= 0, layerIndex < ids.count, let map = tuned[ids[layerIndex]] ?? file.maps[ids[layerIndex]] else { return nil }
        return HeatmapLayer(id: ids[layerIndex], map: map, opacity: opacity, palette: theme.palette(paletteName))
    }

    // MARK: keys and messages

    public func handle(_ key: Key) -> ScreenResult {
        if case .mouse(let m) = key, let r = click(m) { return r }
        if focus == .viewer, let r = viewer.handle(key, file: file) { refreshPanes(); return r }
        if let action = keyBindings.action(for: key), let r = perform(action) { return r }
        switch focus {
        case .viewer: return .ignored
        case .branches: if branches.table.handle(key) { layerIndex = -1; refreshPanes(); return .handled }
        case .findings: if findings.list.handle(key) { return .handled }
        }
        return .ignored
    }

    /// A click focuses the pane under it; a click on a video's timeline goes to that frame.
    func click(_ m: MouseEvent) -> ScreenResult? {
        guard m.kind == .press else { return nil }
        if let v = viewer as? VideoViewer, stripRect.contains(x: m.x, y: m.y), m.y - stripRect.y < 2 {
            v.goToTimelineColumn(m.x - stripRect.x, width: stripRect.width)
            focus = .viewer
            refreshPanes()
            return .status(v.positionLabel)
        }
        guard let pane = paneRects.first(where: { $0.value.contains(x: m.x, y: m.y) })?.key else { return nil }
        focus = pane
        return nil  // the pane's widget handles the click (selection) next
    }

    public func receive(_ message: any Sendable) -> ScreenResult {
        if let u = message as? LayerUpdate {
            tuned[u.id] = u.map
            return .status("\(u.label) ready")
        }
        guard let m = message as? AnalysisMessage, file.apply(m) else { return .ignored }
        refreshPanes()
        if case .finished(_, let a) = m {
            var text = "analysis finished in \(Int(a.report.timing.totalMs)) ms: \(a.report.verdict.label.rawValue)"
            if let link = context.caseLink {
                let started = Date(timeIntervalSinceNow: -a.report.timing.totalMs / 1000)
                do {
                    if let custody = try link.record(a.report, path: file.path, startedAt: started) {
                        text += " · stored in case \(link.caseName)" + (custody.isIntact ? "" : " · EVIDENCE \(custody.sentence)")
                    }
                } catch {
                    text += " · not stored in the case: \(error)"
                }
            }
            return .status(text)
        }
        if case .failed(_, let text) = m { return .status("analysis failed: \(text)") }
        return .handled
    }

    public func tick() -> ScreenResult {
        if let v = viewer as? VideoViewer, v.tick() { refreshPanes(); return .handled }
        if case .running = file.state { return .handled }  // the elapsed time moves
        return .ignored
    }

    public func focusNextPane(forward: Bool) -> Bool {
        let all = Pane.allCases
        focus = all[(focus.rawValue + (forward ? 1 : all.count - 1)) % all.count]
        return true
    }
}
