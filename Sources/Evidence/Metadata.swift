import Foundation

// The metadata tree: what the decoders and parsers found about a file, as an ordered tree of
// named values. Every front end renders this one value (the workbench's metadata pane, `info`,
// the report's `metadata` field). Groups keep insertion order; JSON encodes a group as an object.

/// A value in the metadata tree.
public indirect enum MetadataValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case list([MetadataValue])
    case group(MetadataGroup)

    /// The value as short display text (groups and lists are summarised).
    public var displayText: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d):
            if d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
            return String(format: "%.6g", d)
        case .bool(let b): return b ? "yes" : "no"
        case .list(let l): return l.map(\.displayText).joined(separator: ", ")
        case .group(let g): return "{\(g.entries.count) fields}"
        }
    }
}

/// An ordered set of named values (a node of the metadata tree). Keys are unique. Equality
/// ignores order: order is presentation, and JSON objects do not keep it when decoded.
public struct MetadataGroup: Sendable, Equatable {
    public static func == (a: MetadataGroup, b: MetadataGroup) -> Bool {
        guard a.entries.count == b.entries.count else { return false }
        for e in a.entries where b[e.key] != e.value { return false }
        return true
    }

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: MetadataValue
        public init(_ key: String, _ value: MetadataValue) { self.key = key; self.value = value }
    }

    public private(set) var entries: [Entry] = []

    public init() {}
    public init(_ entries: [Entry]) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }

    /// Appends a value; a later value with the same key replaces the earlier one in place.
    public mutating func set(_ key: String, _ value: MetadataValue) {
        if let i = entries.firstIndex(where: { $0.key == key }) { entries[i].value = value } else { entries.append(Entry(key, value)) }
    }
    public mutating func set(_ key: String, _ value: String?) { if let value { set(key, .string(value)) } }
    public mutating func set(_ key: String, _ value: Int?) { if let value { set(key, .int(Int64(value))) } }
    public mutating func set(_ key: String, _ value: Int64?) { if let value { set(key, .int(value)) } }
    public mutating func set(_ key: String, _ value: Double?) { if let value, value.isFinite { set(key, .double(value)) } }
    public mutating func set(_ key: String, _ value: Bool?) { if let value { set(key, .bool(value)) } }
    /// Adds a sub-group unless it is empty.
    public mutating func set(_ key: String, _ group: MetadataGroup) { if !group.isEmpty { set(key, .group(group)) } }

    public subscript(key: String) -> MetadataValue? { entries.first(where: { $0.key == key })?.value }

    /// Follows a path of keys through nested groups: `metadata[path: "exif", "Make"]`.
    public subscript(path keys: String...) -> MetadataValue? {
        var node: MetadataValue = .group(self)
        for key in keys {
            guard case .group(let g) = node, let next = g[key] else { return nil }
            node = next
        }
        return node
    }
}

extension MetadataValue: Codable {
    public init(from decoder: Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            var g = MetadataGroup()
            // JSON objects carry no order that survives decoding; sorted keys make decoding deterministic.
            for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) { g.set(key.stringValue, try keyed.decode(MetadataValue.self, forKey: key)) }
            self = .group(g)
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [MetadataValue] = []
            while !list.isAtEnd { items.append(try list.decode(MetadataValue.self)) }
            self = .list(items)
            return
        }
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .int(let i): var c = encoder.singleValueContainer(); try c.encode(i)
        case .double(let d): var c = encoder.singleValueContainer(); try c.encode(d.isFinite ? d : 0)
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .list(let l): var c = encoder.unkeyedContainer(); for v in l { try c.encode(v) }
        case .group(let g): try g.encode(to: encoder)
        }
    }
}

extension MetadataGroup: Codable {
    public init(from decoder: Decoder) throws {
        guard case .group(let g) = try MetadataValue(from: decoder) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "metadata group must be an object"))
        }
        self = g
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for e in entries { try c.encode(e.value, forKey: AnyKey(e.key)) }
    }
}

/// A coding key made from any string (metadata keys come from files).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
