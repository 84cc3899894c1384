// Two files side by side: the pictures (frames step together, so the same moment of two videos or
// the same page of two PDFs can be compared), and a table of what each branch said about each,
// with the difference. Typical use: an original beside its suspected copy.
import Detection
import Evidence
import Foundation

/// Compares two open files.
public final class CompareScreen: Screen {
    let left: OpenedFile
    let right: OpenedFile
    let leftViewer: any MediaViewer
    let rightViewer: any MediaViewer
    let rightRunner: AnalysisRunner
    var table = TableView(columns: [
        TableColumn("branch", width: .fixed(11)), TableColumn("left", width: .fixed(12), alignRight: true),
        TableColumn("right", width: .fixed(12), alignRight: true), TableColumn("difference", width: .fill),
    ])

    public var title: String { "compare" }

    /// Compares `left`'s file with the file at `rightPath` (opened and analysed here).
    public init(left screen: EvidenceScreen, rightPath: String, context: WorkbenchContext) throws {
        left = screen.file
        right = try OpenedFile(path: rightPath, options: context.mediaOptions)
        leftViewer = Self.viewer(for: left)
        rightViewer = Self.viewer(for: right)
        // The right file has its own runner, so the left file's analysis is not cancelled.
        rightRunner = AnalysisRunner(engine: context.engine, mailbox: context.mailbox)
        right.analysisToken = rightRunner.start(rightPath, options: context.engineOptions)
        refresh()
    }

    static func viewer(for f: OpenedFile) -> any MediaViewer {
        switch f.content {
        case .image(let img): return ImageViewer(image: img)
        case .video(let r): return VideoViewer(reader: r)
        case .audio(let c): return AudioViewer(clip: c)
        case .pdf(let d): return PDFViewer(document: d)
        }
    }

    public var keyBindings: [KeyBinding] {
        leftViewer.keyBindings.filter { $0.section != "Image" || $0.action == .zoomFit } + TableView.keyBindings
    }

    func refresh() {
        let l = Dictionary(left.branchResults.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let r = Dictionary(right.branchResults.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func cell(_ b: BranchResult?) -> String {
            guard let b else { return "…" }
            if let s = b.score { return String(format: "%.2f", s) }
            return b.status == .notApplicable ? "n/a" : b.status.rawValue
        }
        var rows = Set(l.keys).union(r.keys).sorted().map { id -> TableRow in
            let a = l[id]?.score, b = r[id]?.score
            let diff = (a != nil && b != nil) ? String(format: "%+.2f%@", b! - a!, abs(b! - a!) >= 0.3 ? "  ← differs" : "") : ""
            return TableRow([id, cell(l[id]), cell(r[id]), diff], roles: [nil, nil, nil, diff.contains("differs") ? .warning : .dimText])
        }
        func verdict(_ f: OpenedFile) -> String {
            guard let v = f.analysis?.report.verdict else { return "…" }
            return v.label.rawValue + (v.score.map { String(format: " %.2f", $0) } ?? "")
        }
        rows.insert(TableRow(["verdict", verdict(left), verdict(right), ""], roles: [.accent, .accent, .accent, nil]), at: 0)
        table.rows = rows
    }

    public func draw(into canvas: Canvas, theme: Theme) {
        refresh()
        let (pictures, bottom) = canvas.splitBottom(.fixed(min(12, max(4, canvas.height / 3))))
        let halves = pictures.split(.columns, [.fill, .fill])
        for (file, viewer, area) in [(left, leftViewer, halves[0]), (right, rightViewer, halves[1])] {
            let box = area.box(.rounded, style: theme.border, title: "\((file.path as NSString).lastPathComponent) · \(viewer.positionLabel)")
            viewer.draw(into: box, theme: theme, file: file, overlay: nil)
        }
        table.draw(into: bottom.box(.rounded, style: theme.accent, title: "What the branches say"), theme: theme)
    }

    public func handle(_ key: Key) -> ScreenResult {
        // Viewer keys go to both sides so they stay in step.
        let a = leftViewer.handle(key, file: left), b = rightViewer.handle(key, file: right)
        if a != nil || b != nil { return .handled }
        return table.handle(key) ? .handled : .ignored
    }

    public func receive(_ message: any Sendable) -> ScreenResult {
        guard let m = message as? AnalysisMessage, right.apply(m) else { return .ignored }
        refresh()
        return .handled
    }

    public func tick() -> ScreenResult {
        if case .running = right.state { return .handled }
        return .ignored
    }

    deinit { rightRunner.cancel() }
}
