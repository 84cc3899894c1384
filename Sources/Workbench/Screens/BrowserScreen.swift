// The file browser: a folder's entries with their kind (decided by content, as everywhere in
// DeepScan), size and the analyst's tag; filter by kind or by text; open a file or a folder.
// `R` switches to the files opened in this run.
import Evidence
import Foundation
import Media

extension KeyAction {
    static let open = KeyAction("open")
    static let parent = KeyAction("parent")
    static let kindAll = KeyAction("kind-all")
    static let kindImage = KeyAction("kind-image")
    static let kindVideo = KeyAction("kind-video")
    static let kindAudio = KeyAction("kind-audio")
    static let kindPDF = KeyAction("kind-pdf")
    static let recent = KeyAction("recent")
    static let caseEvidence = KeyAction("case-evidence")
}

/// Browses folders and opens evidence.
public final class BrowserScreen: Screen {
    struct Entry: Equatable {
        var name: String
        var path: String
        var isDirectory: Bool
        var kind: MediaKind?
        var bytes: Int64
    }

    let context: WorkbenchContext
    private(set) var directory: String
    private var entries: [Entry] = []
    private var shown: [Entry] = []
    private var list = ListView()
    private var kindFilter: MediaKind?
    private var showingRecent = false
    private var showingCase = false
    private var error: String?

    public init(directory: String, context: WorkbenchContext) {
        self.context = context
        self.directory = Self.folder(directory)
        load()
    }

    /// `path` as an absolute, standardised folder ("." is the current folder). Foundation traps
    /// on `deletingLastPathComponent` of "." (what `deepscan open` opens by default), which
    /// `refilter` takes for the ".." entry; an absolute path never has that form.
    static func folder(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    public var title: String {
        if showingCase, let c = context.caseLink { return "case \(c.caseName)" }
        return showingRecent ? "recent files" : directory
    }

    public var keyBindings: [KeyBinding] {
        [
            KeyBinding([.enter, .right], "open", "Open the file or folder", action: .open, section: "Browser"),
            KeyBinding([.backspace, .left], "parent", "Go to the parent folder", action: .parent, inFooter: false, section: "Browser"),
            KeyBinding(.char("1"), "all", "Show every kind", action: .kindAll, inFooter: false, section: "Browser"),
            KeyBinding(.char("2"), "images", "Show images only", action: .kindImage, inFooter: false, section: "Browser"),
            KeyBinding(.char("3"), "video", "Show videos only", action: .kindVideo, inFooter: false, section: "Browser"),
            KeyBinding(.char("4"), "audio", "Show audio only", action: .kindAudio, inFooter: false, section: "Browser"),
            KeyBinding(.char("5"), "pdf", "Show PDFs only", action: .kindPDF, inFooter: false, section: "Browser"),
            KeyBinding(.char("R"), "recent", "Switch between this folder and the files opened in this run", action: .recent, section: "Browser"),
            KeyBinding(.char("E"), "case", "Switch between this folder and the open case's evidence", action: .caseEvidence, inFooter: context.caseLink != nil, section: "Browser"),
        ] + ListView.keyBindings
    }

    /// Reads the folder: folders first, then files, each file sniffed by its first bytes.
    func load() {
        error = nil
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            entries = []; error = "cannot read \(directory)"; refilter(); return
        }
        var out: [Entry] = []
        for name in names.sorted(by: { $0.localizedStandardCompare($1) == .orderedAscending }) where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            if isDir.boolValue { out.append(Entry(name: name, path: path, isDirectory: true, kind: nil, bytes: 0)); continue }
            out.append(out.count < 5000 ? Self.file(path, name: name) : Entry(name: name, path: path, isDirectory: false, kind: nil, bytes: 0))
        }
        entries = out.sorted { ($0.isDirectory ? 0 : 1, $0.name.lowercased()) < ($1.isDirectory ? 0 : 1, $1.name.lowercased()) }
        refilter()
    }

    /// A file entry with its kind sniffed from the first bytes and its size.
    static func file(_ path: String, name: String? = nil) -> Entry {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
        let kind = (try? EvidenceFile.head(path, count: 512)).flatMap { Sniffer.sniff(head: $0)?.kind }
        return Entry(name: name ?? path, path: path, isDirectory: false, kind: kind, bytes: size)
    }

    func refilter() {
        if showingCase {
            shown = (context.caseLink?.evidencePaths() ?? []).map { Self.file($0) }
        } else if showingRecent {
            shown = context.recent.map { Self.file($0) }
        } else {
            shown = [Entry(name: "..", path: (directory as NSString).deletingLastPathComponent, isDirectory: true, kind: nil, bytes: 0)]
                + entries.filter { $0.isDirectory || kindFilter == nil || $0.kind == kindFilter }
        }
        list.items = shown.map { e in
            if e.isDirectory { return ListItem(e.name + "/", detail: "folder", role: .accent) }
            let kind = e.kind?.rawValue ?? "other"
            return ListItem(e.name, detail: "\(kind)  \(Self.size(e.bytes))", role: e.kind == nil ? .dimText : nil)
        }
    }

    static func size(_ b: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var v = Double(b), u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        return u == 0 ? "\(b) B" : String(format: "%.1f %@", v, units[u])
    }

    public func draw(into canvas: Canvas, theme: Theme) {
        let filter = kindFilter.map { " · \($0.rawValue) only" } ?? ""
        let counts = Dictionary(grouping: entries.compactMap(\.kind), by: { $0 }).mapValues(\.count)
        let summary = MediaKind.allCases.compactMap { k in counts[k].map { "\($0) \(k.rawValue)" } }.joined(separator: ", ")
        let box = canvas.box(.rounded, style: theme.accent, title: title + filter + (summary.isEmpty ? "" : " — " + summary))
        if let error { box.put(error, x: 1, y: 0, style: theme.severityStyle(.warning)); return }
        list.draw(into: box, theme: theme, focused: true)
    }

    public func handle(_ key: Key) -> ScreenResult {
        if list.isEditingFilter { return list.handle(key) ? .handled : .ignored }
        guard let action = keyBindings.action(for: key) else { return list.handle(key) ? .handled : .ignored }
        switch action {
        case .open:
            guard let i = list.selectedIndex, i < shown.count else { return .handled }
            let e = shown[i]
            if e.isDirectory { directory = Self.folder(e.path); showingRecent = false; showingCase = false; load(); return .handled }
            return .push(EvidenceScreen.open(e.path, context: context))
        case .parent:
            directory = Self.folder((directory as NSString).deletingLastPathComponent); showingRecent = false; load(); return .handled
        case .kindAll: kindFilter = nil
        case .kindImage: kindFilter = .image
        case .kindVideo: kindFilter = .video
        case .kindAudio: kindFilter = .audio
        case .kindPDF: kindFilter = .pdf
        case .recent: showingRecent.toggle(); showingCase = false
        case .caseEvidence:
            guard context.caseLink != nil else { return .status("not working in a case: start with deepscan open --case NAME") }
            showingCase.toggle(); showingRecent = false
        default: return list.handle(key) ? .handled : .ignored
        }
        refilter()
        return .handled
    }
}
