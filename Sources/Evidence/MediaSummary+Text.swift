// Plain-text rendering of a MediaSummary, as `deepscan info` prints it: headline facts, the
// findings, then the metadata tree indented. Strings from the file are made safe for a terminal
// (control characters, including ANSI escapes, are shown as \u{..}), since metadata is hostile input.
import Foundation

extension MediaSummary {
    /// Human-readable multi-line description. `maxValueLength` truncates long values (raw XMP).
    public func text(maxValueLength: Int = 160) -> String {
        var out = "\(path.terminalSafe)\n"
        var facts: [(String, String)] = [("media", media.rawValue), ("format", format), ("bytes", String(bytes)), ("sha256", sha256)]
        if let width, let height { facts.append(("size", "\(width)×\(height)")) }
        if let fps { facts.append(("fps", String(format: "%.3f", fps))) }
        if let frames { facts.append(("frames", String(frames))) }
        if let duration { facts.append(("duration", String(format: "%.3f s", duration))) }
        if let hasAudio { facts.append(("audio", hasAudio ? "yes" : "no")) }
        if let sampleRate { facts.append(("sample rate", "\(sampleRate) Hz")) }
        if let channels { facts.append(("channels", String(channels))) }
        if let pages { facts.append(("pages", String(pages))) }
        if let version { facts.append(("version", version)) }
        if let encrypted { facts.append(("encrypted", encrypted ? "yes" : "no")) }
        if let revisions { facts.append(("revisions", String(revisions))) }
        let w = facts.map(\.0.count).max() ?? 0
        for (k, v) in facts { out += "  \(k.padding(toLength: w, withPad: " ", startingAt: 0))  \(v.terminalSafe)\n" }
        if !findings.isEmpty {
            out += "  findings\n"
            for f in findings { out += "    [\(f.severity.rawValue)] \(f.message.terminalSafe)\n" }
        }
        out += "  metadata\n"
        Self.render(metadata, indent: 4, maxValueLength: maxValueLength, into: &out)
        return out
    }

    static func render(_ group: MetadataGroup, indent: Int, maxValueLength: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for e in group.entries {
            switch e.value {
            case .group(let g):
                out += "\(pad)\(e.key.terminalSafe)\n"
                render(g, indent: indent + 2, maxValueLength: maxValueLength, into: &out)
            case .list(let items) where items.contains(where: { if case .group = $0 { return true } else { return false } }):
                out += "\(pad)\(e.key.terminalSafe)\n"
                for (i, item) in items.enumerated() {
                    if case .group(let g) = item {
                        out += "\(pad)  [\(i)]\n"
                        render(g, indent: indent + 4, maxValueLength: maxValueLength, into: &out)
                    } else {
                        out += "\(pad)  [\(i)] \(item.displayText.terminalSafe.truncated(maxValueLength))\n"
                    }
                }
            default:
                out += "\(pad)\(e.key.terminalSafe): \(e.value.displayText.terminalSafe.truncated(maxValueLength))\n"
            }
        }
    }
}

extension String {
    /// The string with control characters (C0, DEL, C1, including ESC) replaced by visible
    /// `\u{..}` escapes and newlines by `⏎`, safe to print into a terminal.
    public var terminalSafe: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for s in unicodeScalars {
            switch s.value {
            case 0x0A: out += "⏎"
            case 0x09: out += " "
            case 0x00...0x1F, 0x7F...0x9F: out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// At most `n` characters, with an ellipsis when cut.
    public func truncated(_ n: Int) -> String { count <= n ? self : String(prefix(max(n - 1, 0))) + "…" }
}
