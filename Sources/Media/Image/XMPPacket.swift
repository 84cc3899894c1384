// XMP: Adobe's RDF/XML metadata packet, embedded as-is in JPEG (APP1), PNG (iTXt), WebP, TIFF,
// PDF and MP4/MOV files. Found by a byte search (`<?xpacket begin` ... `<?xpacket end ...?>`, or
// `<x:xmpmeta` ... `</x:xmpmeta>`), so one type serves every format. Flattened to (prefixed name,
// value) pairs in document order, duplicates kept: a packet carrying two `exif:Software` values
// is itself evidence. Structures become `parent/child`, array items of structures `name[1]/child`
// (that is how `xmpMM:History[2]/stEvt:softwareAgent` names the tool of the second edit).
import Foundation

/// An XMP packet: raw text and flattened fields.
public struct XMPPacket: Sendable, Equatable {
    /// One flattened property.
    public struct Field: Sendable, Equatable {
        /// Prefixed name as written (`xmp:CreatorTool`, `dc:creator`, `xmpMM:History[1]/stEvt:action`).
        public var name: String
        /// Text value; simple array items joined with "; ".
        public var value: String
        public init(name: String, value: String) { self.name = name; self.value = value }
    }

    /// Largest packet read, in bytes; longer ones are cut and marked incomplete.
    public static let maxBytes = 16 << 20

    /// The packet text as found in the file.
    public let raw: String
    public let fields: [Field]
    /// False when the packet has no end marker, was cut at `maxBytes`, or is not well-formed XML
    /// (the fields read before the problem are kept).
    public let complete: Bool
    /// What was wrong, when `complete` is false.
    public let problem: String?

    /// Parses packet text. A DTD or entity declaration is refused (XMP allows none, and entity
    /// expansion is a denial-of-service vector).
    public init(raw: String, terminated: Bool = true) {
        self.raw = raw
        if raw.contains("<!DOCTYPE") || raw.contains("<!ENTITY") {
            fields = []; complete = false; problem = "the packet declares a DTD or entities, which XMP does not allow; not parsed"
            return
        }
        let (root, error) = XMPTreeBuilder.parse(raw)
        fields = XMPFlattener.flatten(root)
        complete = terminated && error == nil
        problem = terminated ? error : "the packet has no end marker (cut or damaged)" + (error.map { "; \($0)" } ?? "")
    }

    /// Finds and parses the first XMP packet in a file's bytes; nil when there is none.
    public static func find(in bytes: [UInt8]) -> XMPPacket? {
        bytes.withUnsafeBufferPointer { b -> XMPPacket? in
            let begin = search(b, "<?xpacket begin", from: 0)
            let meta = search(b, "<x:xmpmeta", from: 0) ?? search(b, "<x:xapmeta", from: 0)
            let start: Int, end: Int?
            if let bgn = begin, meta.map({ bgn < $0 }) ?? true {
                start = bgn
                end = search(b, "<?xpacket end", from: bgn).flatMap { e in search(b, "?>", from: e).map { $0 + 2 } }
                    ?? search(b, "</x:xmpmeta>", from: bgn).map { $0 + 12 }
            } else if let m = meta {
                start = m
                end = (search(b, "</x:xmpmeta>", from: m) ?? search(b, "</x:xapmeta>", from: m)).map { $0 + 12 }
            } else {
                return nil
            }
            let stop = min(end ?? b.count, b.count, start + maxBytes)
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<stop]), as: UTF8.self)
            return XMPPacket(raw: text, terminated: end != nil && stop == end)
        }
    }

    /// Index of `needle` in `hay` at or after `from` (memchr for the first byte, then memcmp:
    /// glibc's memmem is not visible to Swift without _GNU_SOURCE).
    static func search(_ hay: UnsafeBufferPointer<UInt8>, _ needle: String, from: Int) -> Int? {
        guard let base = hay.baseAddress else { return nil }
        let n = Array(needle.utf8)
        var i = from
        while i + n.count <= hay.count {
            guard let hit = memchr(base + i, Int32(n[0]), hay.count - i - n.count + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, n, n.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    /// Every value of a property, in document order.
    public func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The first value of a property.
    public func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// `xmp:CreatorTool`: the application that made the file.
    public var creatorTool: String? { value("xmp:CreatorTool") }
    public var createDate: String? { value("xmp:CreateDate") }
    public var modifyDate: String? { value("xmp:ModifyDate") }

    /// The software agents of the edit history (`xmpMM:History[n]/stEvt:softwareAgent`), in order.
    public var historySoftwareAgents: [String] {
        fields.filter { $0.name.hasPrefix("xmpMM:History") && $0.name.hasSuffix("stEvt:softwareAgent") }.map(\.value)
    }
}
