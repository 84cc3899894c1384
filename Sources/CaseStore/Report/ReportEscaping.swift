// Every string in a case report that comes from evidence (file names, metadata, PDF fields,
// findings quoting them) is hostile input. Before it reaches HTML or Markdown, terminal escape
// sequences (ANSI CSI and OSC) are removed, other control characters become visible `\u{..}`
// marks, and the characters that mean something to the output format are escaped.
import Foundation

/// Escaping for report output.
public enum ReportEscaping {
    /// The string without ANSI escape sequences, with other control characters (except newline
    /// and tab) shown as `\u{..}`.
    public static func stripControls(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var it = Array(s.unicodeScalars)[...]
        while let c = it.popFirst() {
            switch c.value {
            case 0x1B, 0x9B: // ESC, or the 8-bit CSI
                if c.value == 0x9B || it.first == "[" {
                    if c.value == 0x1B { it.removeFirst() }
                    // CSI: parameters and intermediates, then one final byte in 0x40...0x7E.
                    while let n = it.popFirst(), !(0x40...0x7E).contains(n.value) {}
                } else if it.first == "]" {
                    // OSC: up to BEL or ESC \ (string terminator).
                    it.removeFirst()
                    while let n = it.popFirst() {
                        if n.value == 0x07 { break }
                        if n.value == 0x1B { if it.first == "\\" { it.removeFirst() }; break }
                    }
                } else if let n = it.first, (0x40...0x5F).contains(n.value) {
                    it.removeFirst() // two-character escape (ESC c, ESC M, ...)
                }
            case 0x0A, 0x09:
                out.append(c)
            case 0x0D:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                out.append(contentsOf: "\\u{\(String(c.value, radix: 16))}".unicodeScalars)
            default:
                out.append(c)
            }
        }
        return String(out)
    }

    /// Text safe inside HTML element content and quoted attribute values.
    public static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in stripControls(s) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Text safe inside Markdown (including table cells): emphasis, code, link and table punctuation is
    /// backslash-escaped,
    /// HTML-significant characters become entities (Markdown passes raw HTML through), and
    /// newlines become spaces so a value cannot start a new block.
    public static func markdown(_ s: String) -> String {
        var out = ""
        let text = stripControls(s)
        // A leading list or heading marker would start a block where the value is placed at a line start.
        if let first = text.first, "-+#".contains(first) { out += "\\" }
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "~": out += "\\\(ch)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
