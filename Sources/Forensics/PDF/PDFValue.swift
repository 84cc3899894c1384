// A PDF object value as the raw-byte reader parses it (PDF 32000-1, 7.3): null, booleans,
// numbers, strings, names, arrays, dictionaries and indirect references. Streams are
// dictionaries whose data range is kept beside them (`PDFObjectStore.Entry`). Names are stored
// with their #xx escapes decoded and without the slash; strings as their raw bytes.
import Foundation

/// One parsed PDF value.
public indirect enum PDFValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    /// Literal or hex string, escapes resolved, as bytes.
    case string([UInt8])
    case name(String)
    case array([PDFValue])
    case dictionary([String: PDFValue])
    /// `N G R`.
    case reference(Int, Int)

    /// The dictionary's entries, or nil when this is not a dictionary.
    public var dictionary: [String: PDFValue]? { if case .dictionary(let d) = self { return d }; return nil }
    /// Entry `key` of a dictionary value.
    public subscript(key: String) -> PDFValue? { dictionary?[key] }
    /// The name, without the slash.
    public var name: String? { if case .name(let n) = self { return n }; return nil }
    public var int: Int? {
        switch self {
        case .int(let v): return v
        case .real(let v) where v.isFinite && abs(v) < 1e15: return Int(v)
        default: return nil
        }
    }
    public var array: [PDFValue]? { if case .array(let a) = self { return a }; return nil }
    public var bytes: [UInt8]? { if case .string(let b) = self { return b }; return nil }
    /// The object number of a reference.
    public var reference: Int? { if case .reference(let n, _) = self { return n }; return nil }

    /// A text string (7.9.2.2): UTF-16BE with a byte-order mark, UTF-8 with one, otherwise
    /// PDFDocEncoding, read here as Latin-1 (they differ only in a few punctuation marks).
    public var text: String? {
        guard let b = bytes else { return nil }
        return Self.decodeText(b)
    }

    /// Decodes the bytes of a PDF text string.
    public static func decodeText(_ b: [UInt8]) -> String {
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF {
            var units: [UInt16] = []
            var i = 2
            while i + 1 < b.count { units.append(UInt16(b[i]) << 8 | UInt16(b[i + 1])); i += 2 }
            return String(decoding: units, as: UTF16.self)
        }
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { return String(decoding: b.dropFirst(3), as: UTF8.self) }
        return String(b.map { Character(Unicode.Scalar($0)) })
    }

    /// The filter names of a stream dictionary, in order (a single name or an array).
    public var filters: [String] {
        switch self["Filter"] {
        case .name(let n)?: return [n]
        case .array(let a)?: return a.compactMap(\.name)
        default: return []
        }
    }

    /// A short rendering for messages: `/Catalog`, `(text)`, `12 0 R`, `<< 3 keys >>`.
    public var brief: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let v): return String(v)
        case .real(let v): return String(v)
        case .string(let b): return "(" + String(Self.decodeText(b).prefix(60)) + ")"
        case .name(let n): return "/" + n
        case .array(let a): return "[\(a.count) items]"
        case .dictionary(let d): return "<< \(d.count) keys >>"
        case .reference(let n, let g): return "\(n) \(g) R"
        }
    }
}
