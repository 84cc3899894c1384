// An APPn or COM marker segment of a JPEG, as libjpeg saw it before the first scan: which one,
// how long, and what it is by its identifier ("Exif", "JFIF", XMP, "Photoshop 3.0", ICC, Adobe).
// Which markers are present (and in what order) says much about the software that wrote a file.

/// One APPn/COM marker segment.
public struct JPEGMarker: Sendable, Equatable {
    /// Marker code: 0xE0...0xEF for APP0...APP15, 0xFE for COM.
    public var code: Int
    /// Payload length in bytes, without the two length bytes.
    public var length: Int
    /// The first bytes of the payload (at most 32).
    public var prefix: [UInt8]

    public init(code: Int, length: Int, prefix: [UInt8]) {
        self.code = code; self.length = length; self.prefix = prefix
    }

    /// `APP0`...`APP15` or `COM`.
    public var name: String { code == 0xFE ? "COM" : "APP\(code - 0xE0)" }

    /// What the payload's identifier says it is: `JFIF`, `Exif`, `XMP`, `ICC_PROFILE`,
    /// `Photoshop 3.0` (IPTC), `Adobe`, `MPF`, ..., the comment text for COM, or nil.
    public var identifier: String? {
        if code == 0xFE { return String(decoding: prefix, as: UTF8.self) }
        if prefix.starts(with: Array("http://ns.adobe.com/xap/1.0/".utf8)) { return "XMP" }
        if prefix.starts(with: Array("http://ns.adobe.com/xmp/extension/".utf8)) { return "XMP extension" }
        let id = prefix.prefix(while: { $0 != 0 && (0x20...0x7E).contains($0) })
        guard id.count >= 3 else { return nil }
        return String(decoding: id, as: UTF8.self)
    }

    /// Short display text: `APP1 Exif (25678 bytes)`.
    public var summary: String {
        let id = code == 0xFE ? nil : identifier
        return "\(name)\(id.map { " " + $0 } ?? "") (\(length) bytes)"
    }
}
