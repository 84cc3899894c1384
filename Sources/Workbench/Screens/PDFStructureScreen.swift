// The PDF structure screen: the Info dictionary beside the XMP packet with disagreements
// highlighted, the revisions (incremental updates) with the objects each added or replaced, and
// the risky names (JavaScript, actions, attachments) with the pdf branch's findings.
import Evidence

/// PDF Info vs XMP, revisions and risky content of the open PDF.
public final class PDFStructureScreen: Screen {
    let file: OpenedFile
    var pane = TextPane()
    public var title: String { "structure" }

    /// Info keys and the XMP properties that should say the same thing.
    static let pairs: [(info: String, xmp: String)] = [
        ("Title", "dc:title"), ("Author", "dc:creator"), ("Subject", "dc:description"), ("Keywords", "pdf:Keywords"),
        ("Creator", "xmp:CreatorTool"), ("Producer", "pdf:Producer"), ("CreationDate", "xmp:CreateDate"), ("ModDate", "xmp:ModifyDate"),
    ]

    public init(file: OpenedFile) { self.file = file }

    public var keyBindings: [KeyBinding] { TextPane.keyBindings }

    /// One row per pair: the two values and whether they agree (dates compared to the second).
    static func comparison(_ meta: MetadataGroup) -> [(field: String, info: String?, xmp: String?, agree: Bool?)] {
        func text(_ v: MetadataValue?) -> String? { v.map(\.displayText).flatMap { $0.isEmpty ? nil : $0 } }
        func norm(_ s: String) -> String {
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.count >= 19, t.dropFirst(4).first == "-" { return String(t.prefix(19)) }  // ISO date to the second
            return t
        }
        return pairs.compactMap { p in
            let i = text(meta[path: "info", p.info]), x = text(meta[path: "xmp", p.xmp])
            guard i != nil || x != nil else { return nil }
            let agree: Bool? = (i != nil && x != nil) ? norm(i!) == norm(x!) : nil
            return (p.info, i, x, agree)
        }
    }

    public func draw(into canvas: Canvas, theme: Theme) {
        let meta = file.summary.metadata
        let parts = canvas.split(.rows, [.ratio(0.4), .fill])
        let top = parts[0].box(.rounded, style: theme.accent, title: "Info dictionary vs XMP")
        let rows = Self.comparison(meta)
        let w = max(10, (top.width - 18) / 2)
        top.put("field", x: 0, y: 0, style: theme.accent.with(.underline))
        top.put("Info", x: 16, y: 0, style: theme.accent.with(.underline))
        top.put("XMP", x: 17 + w, y: 0, style: theme.accent.with(.underline))
        for (n, r) in rows.prefix(max(0, top.height - 1)).enumerated() {
            let y = n + 1
            let style: Style = r.agree == false ? theme.severityStyle(.warning) : r.agree == nil ? theme.dim : theme.text
            top.put((r.agree == false ? "≠ " : "  ") + r.field, x: 0, y: y, style: style, maxWidth: 15)
            top.put(r.info ?? "—", x: 16, y: y, style: style, maxWidth: w)
            top.put(r.xmp ?? "—", x: 17 + w, y: y, style: style, maxWidth: w)
        }
        if rows.isEmpty { top.put("neither an Info dictionary nor XMP fields", x: 0, y: 1, style: theme.dim) }

        let bottom = parts[1].box(.rounded, style: theme.border, title: "Revisions, risky content, findings")
        pane.text = Self.structureText(meta, findings: file.branchResults.first { $0.id == "pdf" }?.findings ?? file.summary.findings)
        pane.draw(into: bottom, theme: theme)
    }

    static func structureText(_ meta: MetadataGroup, findings: [Finding]) -> String {
        var s = ""
        if case .list(let revs)? = meta[path: "structure", "revisions"] {
            s += "Revisions: \(revs.count)\n"
            for case .group(let r) in revs {
                func v(_ k: String) -> String { r[k]?.displayText ?? "—" }
                s += "  #\(v("number"))  bytes \(v("start"))–\(v("end"))  objects \(v("objects"))"
                if let a = r["added"] { s += "  added \(a.displayText)" }
                if let rep = r["replaced"] { s += "  replaced \(rep.displayText)" }
                s += "\n"
            }
        }
        if case .group(let names)? = meta[path: "structure", "names"] {
            let risky = names.entries.filter { e in if case .int(let n) = e.value { return n > 0 } else { return false } }
            s += "\nNames present: " + (risky.isEmpty ? "none of the watched names" : risky.map { "\($0.key) ×\($0.value.displayText)" }.joined(separator: ", ")) + "\n"
        }
        if let t = meta[path: "structure", "trailing_bytes"], t.displayText != "0" { s += "Bytes after the last %%EOF: \(t.displayText)\n" }
        if !findings.isEmpty {
            s += "\nFindings:\n"
            for f in findings.sorted(by: { $0.severity > $1.severity }) { s += "  [\(f.severity.rawValue)] \(f.message)\n" }
        }
        return s
    }

    public func handle(_ key: Key) -> ScreenResult { pane.handle(key) ? .handled : .ignored }
}
