// An image's format and size from its header alone, without a decoder: JPEG (first SOFn), PNG
// (IHDR), GIF (logical screen), BMP (DIB header), WebP (VP8, VP8L or VP8X) and TIFF (IFD0
// ImageWidth/ImageLength). Used to refuse an image past the pixel limit before any decoder
// allocates a frame for it.
import Foundation

/// Format and dimensions read from an image's header.
public struct ImageHeader: Sendable, Equatable {
    /// `jpeg`, `png`, `gif`, `bmp`, `webp` or `tiff`, as `Sniffer` names them.
    public var format: String
    public var width: Int
    public var height: Int
    /// Bits per sample when the header says (PNG, BMP bits per pixel, JPEG precision).
    public var bitDepth: Int?

    public init(format: String, width: Int, height: Int, bitDepth: Int? = nil) {
        self.format = format; self.width = width; self.height = height; self.bitDepth = bitDepth
    }

    public var pixels: Int { width * height }

    /// Reads format and size from the first bytes of a file. Nil when the format is not one of the
    /// six or the size lies beyond `head` (a JPEG with large APP segments, a TIFF with its IFD at
    /// the end): pass more bytes, or use `read(path:)`.
    public static func read(head b: [UInt8]) -> ImageHeader? {
        func be16(_ o: Int) -> Int? { o + 2 <= b.count ? Int(b[o]) << 8 | Int(b[o + 1]) : nil }
        func le16(_ o: Int) -> Int? { o + 2 <= b.count ? Int(b[o]) | Int(b[o + 1]) << 8 : nil }
        func be32(_ o: Int) -> Int? { o + 4 <= b.count ? (be16(o)! << 16) | be16(o + 2)! : nil }
        func le32(_ o: Int) -> Int? { o + 4 <= b.count ? le16(o)! | (le16(o + 2)! << 16) : nil }
        func at(_ o: Int, _ s: String) -> Bool { let u = Array(s.utf8); return b.count >= o + u.count && Array(b[o..<o + u.count]) == u }

        if b.starts(with: [0xFF, 0xD8, 0xFF]) {
            for s in JPEGSegments.segments(b) where JPEGSegments.isFrameHeader(s.marker) && s.payload.count >= 5 {
                let p = s.payload.startIndex
                return ImageHeader(format: "jpeg", width: Int(b[p + 3]) << 8 | Int(b[p + 4]), height: Int(b[p + 1]) << 8 | Int(b[p + 2]), bitDepth: Int(b[p]))
            }
            return nil
        }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard at(12, "IHDR"), let w = be32(16), let h = be32(20), b.count > 24 else { return nil }
            return ImageHeader(format: "png", width: w, height: h, bitDepth: Int(b[24]))
        }
        if at(0, "GIF87a") || at(0, "GIF89a") {
            guard let w = le16(6), let h = le16(8) else { return nil }
            return ImageHeader(format: "gif", width: w, height: h)
        }
        if at(0, "BM"), let dib = le32(14) {
            if dib == 12, let w = le16(18), let h = le16(20) { return ImageHeader(format: "bmp", width: w, height: h, bitDepth: le16(24)) }
            guard dib >= 40, let w = le32(18), let h = le32(22) else { return nil }
            // Signed 32-bit; a negative height means rows stored top-down.
            let sw = Int(Int32(truncatingIfNeeded: w)), sh = Int(Int32(truncatingIfNeeded: h))
            return ImageHeader(format: "bmp", width: abs(sw), height: abs(sh), bitDepth: le16(28))
        }
        if at(0, "RIFF") && at(8, "WEBP") {
            if at(12, "VP8 "), b.count >= 30, b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A {
                return ImageHeader(format: "webp", width: le16(26)! & 0x3FFF, height: le16(28)! & 0x3FFF)
            }
            if at(12, "VP8L"), b.count >= 25, b[20] == 0x2F, let bits = le32(21) {
                return ImageHeader(format: "webp", width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
            }
            if at(12, "VP8X"), b.count >= 30 {
                let w = Int(b[24]) | Int(b[25]) << 8 | Int(b[26]) << 16
                let h = Int(b[27]) | Int(b[28]) << 8 | Int(b[29]) << 16
                return ImageHeader(format: "webp", width: w + 1, height: h + 1)
            }
            return nil
        }
        if b.starts(with: [0x49, 0x49, 0x2A, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return tiff(b)
        }
        return nil
    }

    /// ImageWidth (256) and ImageLength (257) from IFD0 of a TIFF; BitsPerSample (258) if inline.
    private static func tiff(_ b: [UInt8]) -> ImageHeader? {
        let little = b[0] == 0x49
        func u16(_ o: Int) -> Int? { o >= 0 && o + 2 <= b.count ? (little ? Int(b[o]) | Int(b[o + 1]) << 8 : Int(b[o]) << 8 | Int(b[o + 1])) : nil }
        func u32(_ o: Int) -> Int? { guard let a = u16(o), let c = u16(o + 2) else { return nil }; return little ? a | c << 16 : a << 16 | c }
        guard let ifd = u32(4), let n = u16(ifd) else { return nil }
        var w: Int?, h: Int?, depth: Int?
        for k in 0..<n {
            let e = ifd + 2 + 12 * k
            guard let tag = u16(e), let type = u16(e + 2), let count = u32(e + 4) else { return nil }
            let value = type == 3 ? u16(e + 8) : type == 4 ? u32(e + 8) : nil
            switch tag {
            case 256: w = value
            case 257: h = value
            case 258 where type == 3 && count <= 2: depth = value
            default: break
            }
        }
        guard let w, let h else { return nil }
        return ImageHeader(format: "tiff", width: w, height: h, bitDepth: depth)
    }

    /// Reads the header of the file at `path`: the first 64 KiB, then the whole file when the size
    /// lies further in. Nil when the format is not recognised or has no size.
    public static func read(path: String) throws -> ImageHeader? {
        let head = try EvidenceFile.head(path, count: 1 << 16)
        if let h = read(head: head) { return h }
        guard head.count == 1 << 16 else { return nil }
        return read(head: try JPEGLibrary.readFile(path))
    }
}
