// A tokenizer and recursive-descent parser for PDF values in raw bytes (PDF 32000-1, 7.2-7.3).
// It reads what pdf-parser reads: one value at an offset, `N G obj ... endobj` with an optional
// stream, `trailer` dictionaries. Hostile input is bounded: nesting depth, the number of values
// in one object and the length of one string are capped, and every call moves forward, so a
// damaged file yields partial values, never a hang or a crash.
import Foundation

/// Parses PDF values from a byte array, starting at `position`.
struct PDFValueParser {
    let b: [UInt8]
    var position: Int
    /// Values parsed since the last `resetBudget()`; parsing stops adding values past `maxValues`.
    private var budget = 0
    static let maxDepth = 64
    static let maxValues = 200_000
    static let maxStringBytes = 1 << 20

    init(_ bytes: [UInt8], at position: Int = 0) { b = bytes; self.position = position }

    mutating func resetBudget() { budget = 0 }

    @inline(__always) static func isWhite(_ c: UInt8) -> Bool { c == 32 || c == 10 || c == 13 || c == 9 || c == 12 || c == 0 }
    @inline(__always) static func isDelimiter(_ c: UInt8) -> Bool {
        c == 0x28 || c == 0x29 || c == 0x3C || c == 0x3E || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D || c == 0x2F || c == 0x25
    }

    /// Skips whitespace and comments.
    mutating func skipWhite() {
        while position < b.count {
            let c = b[position]
            if Self.isWhite(c) { position += 1 } else if c == 0x25 {
                while position < b.count && b[position] != 10 && b[position] != 13 { position += 1 }
            } else { return }
        }
    }

    /// The regular token (keyword or number) at the current position, without consuming it.
    func peekKeyword() -> String? {
        var j = position
        while j < b.count && !Self.isWhite(b[j]) && !Self.isDelimiter(b[j]) && j - position < 32 { j += 1 }
        return j > position ? String(decoding: b[position..<j], as: UTF8.self) : nil
    }

    /// Whether `literal` starts at `i`.
    func matches(_ literal: String, at i: Int) -> Bool {
        let u = Array(literal.utf8)
        guard i >= 0, i + u.count <= b.count else { return false }
        for k in 0..<u.count where b[i + k] != u[k] { return false }
        return true
    }

    /// Parses one value. Returns nil at end of input or on a token that is not a value
    /// (`endobj`, `stream`, a stray `>>`); the position is then left on that token.
    mutating func parseValue(depth: Int = 0) -> PDFValue? {
        skipWhite()
        guard position < b.count, depth < Self.maxDepth else { return nil }
        budget += 1
        guard budget <= Self.maxValues else { return nil }
        let c = b[position]
        switch c {
        case 0x2F: return .name(parseName())
        case 0x28: return .string(parseLiteralString())
        case 0x3C:
            if position + 1 < b.count && b[position + 1] == 0x3C { return parseDictionary(depth: depth) }
            return .string(parseHexString())
        case 0x5B:
            position += 1
            var items: [PDFValue] = []
            while true {
                skipWhite()
                guard position < b.count else { return .array(items) }
                if b[position] == 0x5D { position += 1; return .array(items) }
                let before = position
                guard let v = parseValue(depth: depth + 1) else {
                    if position == before { position += 1 }     // stray token: skip it
                    if budget > Self.maxValues { return .array(items) }
                    continue
                }
                items.append(v)
            }
        case 0x29, 0x3E, 0x5D, 0x7B, 0x7D: return nil
        default: return parseNumberOrKeyword()
        }
    }

    /// `<< /Key value ... >>`; a key without a value is dropped, a repeated key keeps the last.
    private mutating func parseDictionary(depth: Int) -> PDFValue {
        position += 2
        var d: [String: PDFValue] = [:]
        while true {
            skipWhite()
            guard position < b.count else { return .dictionary(d) }
            if b[position] == 0x3E { position += min(2, b.count - position); return .dictionary(d) }
            guard b[position] == 0x2F else {
                let before = position
                _ = parseValue(depth: depth + 1)
                if position == before { if peekKeyword() == "endobj" || peekKeyword() == "stream" { return .dictionary(d) }; position += 1 }
                if budget > Self.maxValues { return .dictionary(d) }
                continue
            }
            let key = parseName()
            let before = position
            if let v = parseValue(depth: depth + 1) { d[key] = v } else if position == before {
                skipWhite()
                if position < b.count && b[position] == 0x3E { continue }
                if peekKeyword() == "endobj" || peekKeyword() == "stream" { return .dictionary(d) }
                if position < b.count { position += 1 }
            }
            if budget > Self.maxValues { return .dictionary(d) }
        }
    }

    /// A number, `true` / `false` / `null`, or `N G R`. Keywords that are not values return nil
    /// without moving (so the caller sees `endobj`, `stream`, ...).
    private mutating func parseNumberOrKeyword() -> PDFValue? {
        guard let word = peekKeyword() else { position += 1; return nil }
        switch word {
        case "true": position += 4; return .bool(true)
        case "false": position += 5; return .bool(false)
        case "null": position += 4; return .null
        default: break
        }
        if let v = Int(word) {
            position += word.utf8.count
            // Look ahead for `G R`.
            let save = position
            skipWhite()
            if let g = peekKeyword(), let gen = Int(g), gen >= 0, v >= 0 {
                position += g.utf8.count
                skipWhite()
                if position < b.count && b[position] == 0x52,
                   position + 1 >= b.count || Self.isWhite(b[position + 1]) || Self.isDelimiter(b[position + 1]) {
                    position += 1
                    return .reference(v, gen)
                }
            }
            position = save
            return .int(v)
        }
        if let r = Double(word), word.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true, r.isFinite {
            position += word.utf8.count
            return .real(r)
        }
        return nil
    }

    /// A name at the slash; #xx escapes decoded.
    mutating func parseName() -> String {
        position += 1
        var out: [UInt8] = []
        while position < b.count && !Self.isWhite(b[position]) && !Self.isDelimiter(b[position]) {
            var c = b[position]
            if c == 0x23, position + 2 < b.count, let h = Self.hex(b[position + 1]), let l = Self.hex(b[position + 2]) {
                c = h << 4 | l; position += 2
            }
            if out.count < 256 { out.append(c) }
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x37
        case 0x61...0x66: return c - 0x57
        default: return nil
        }
    }

    /// `( ... )` with balanced parentheses and backslash escapes (octal, \n, line continuation).
    private mutating func parseLiteralString() -> [UInt8] {
        position += 1
        var out: [UInt8] = [], depth = 1
        while position < b.count {
            let c = b[position]; position += 1
            switch c {
            case 0x5C:
                guard position < b.count else { return out }
                let e = b[position]; position += 1
                switch e {
                case 0x6E: out.append(10)
                case 0x72: out.append(13)
                case 0x74: out.append(9)
                case 0x62: out.append(8)
                case 0x66: out.append(12)
                case 0x30...0x37:
                    var v = Int(e - 0x30), k = 1
                    while k < 3, position < b.count, (0x30...0x37).contains(b[position]) { v = v * 8 + Int(b[position] - 0x30); position += 1; k += 1 }
                    out.append(UInt8(truncatingIfNeeded: v))
                case 13: if position < b.count && b[position] == 10 { position += 1 }
                case 10: break
                default: out.append(e)
                }
                continue
            case 0x28: depth += 1
            case 0x29: depth -= 1; if depth == 0 { return out }
            default: break
            }
            if out.count < Self.maxStringBytes { out.append(c) }
        }
        return out
    }

    /// `< hex >`; whitespace ignored, an odd digit count padded with 0.
    private mutating func parseHexString() -> [UInt8] {
        position += 1
        var out: [UInt8] = [], hi: UInt8?
        while position < b.count {
            let c = b[position]; position += 1
            if c == 0x3E { break }
            guard let v = Self.hex(c) else { continue }
            if let h = hi { if out.count < Self.maxStringBytes { out.append(h << 4 | v) }; hi = nil } else { hi = v }
        }
        if let h = hi { out.append(h << 4) }
        return out
    }
}
