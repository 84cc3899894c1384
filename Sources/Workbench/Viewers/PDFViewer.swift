// The PDF viewer: the current page rendered through poppler and drawn in half blocks, page
// stepping, and a strip listing the revisions (incremental updates) with what each changed.
import Evidence
import Foundation
import Media

extension KeyAction {
    static let nextPage = KeyAction("next-page")
    static let previousPage = KeyAction("previous-page")
}

/// Shows a PDF page by page.
public final class PDFViewer: MediaViewer {
    private let document: PDFDocument
    public private(set) var page = 1
    private var rendered: (page: Int, dpi: Int, image: RGBImage)?
    private var error: String?

    public init(document: PDFDocument) { self.document = document }

    public var keyBindings: [KeyBinding] {
        [
            KeyBinding([.right, .pageDown], "page", "Next page", action: .nextPage, section: "PDF"),
            KeyBinding([.left, .pageUp], "page back", "Previous page", action: .previousPage, inFooter: false, section: "PDF"),
            KeyBinding(.home, "first page", "First page", action: .firstFrame, inFooter: false, section: "PDF"),
            KeyBinding(.end, "last page", "Last page", action: .lastFrame, inFooter: false, section: "PDF"),
            KeyBinding(.char(":"), "go to", "Go to a page", action: .goTo, section: "PDF"),
        ]
    }

    public var stripHeight: Int { 4 }
    public var pageNumber: Int? { page }
    public var positionLabel: String { "page \(page)/\(document.pageCount)" }

    public func draw(into canvas: Canvas, theme: Theme, file: OpenedFile, overlay: HeatmapLayer?) {
        // Render at a resolution that gives about two pixels per half-block sample, capped.
        let size = (try? document.pageSize(page: page)) ?? (width: 612, height: 792)
        let wantPixels = Double(max(canvas.width, 1)) * 2
        let dpi = Int(min(150, max(24, wantPixels / max(size.width, 1) * 72)))
        if rendered?.page != page || rendered?.dpi != dpi {
            do { rendered = (page, dpi, try document.render(page: page, dpi: Double(dpi))); error = nil } catch { self.error = "\(error)"; rendered = nil }
        }
        if let image = rendered?.image { _ = drawPicture(image, into: canvas, theme: theme, overlay: nil) }
        if let error { canvas.put("cannot render page \(page): \(error)", x: 1, y: 0, style: theme.severityStyle(.warning), maxWidth: canvas.width - 2) }
    }

    public func drawStrip(into canvas: Canvas, theme: Theme, file: OpenedFile) {
        let s = file.summary
        var lines = ["\(positionLabel) · PDF \(s.version ?? "?") · \(s.revisions ?? 1) revision\((s.revisions ?? 1) == 1 ? "" : "s")\(s.encrypted == true ? " · encrypted" : "")"]
        let updates = (file.branchResults.first { $0.id == "pdf" }?.findings ?? s.findings)
            .filter { $0.code.hasPrefix("pdf-incremental") || $0.code.hasPrefix("pdf-info-changed") || $0.code.hasPrefix("pdf-pages-changed") }
        for f in updates.prefix(max(0, canvas.height - 1)) { lines.append("• " + f.message) }
        for (y, l) in lines.prefix(canvas.height).enumerated() { canvas.put(l, x: 0, y: y, style: y == 0 ? theme.dim : theme.text, maxWidth: canvas.width) }
    }

    public func handle(_ key: Key, file: OpenedFile) -> ScreenResult? {
        guard let action = keyBindings.action(for: key) else { return nil }
        switch action {
        case .nextPage: page = min(document.pageCount, page + 1)
        case .previousPage: page = max(1, page - 1)
        case .firstFrame: page = 1
        case .lastFrame: page = max(1, document.pageCount)
        case .goTo:
            return .push(PromptScreen(title: "Go to page", hint: "1-\(document.pageCount)") { [weak self] text in
                guard let self, let n = Int(text.trimmingCharacters(in: .whitespaces)), (1...self.document.pageCount).contains(n) else {
                    return .status("not a page number: \(text)")
                }
                self.page = n
                return .status(self.positionLabel)
            })
        default: return nil
        }
        return .handled
    }
}
