// The picture size an image file declares, read from its header without decoding: PNG IHDR,
// GIF logical screen, BMP DIB header, WebP VP8/VP8L/VP8X, the first TIFF IFD and the JPEG SOF
// marker. `ImageDecoder` checks it against the pixel limit before FFmpeg allocates anything.
// Returns nil when the header does not say (the decoder's `max_pixels` then still applies).
import Foundation

extension ImageDecoder {
    /// Width and height declared by the header of the image at `path`, nil when not found.
    static func declaredSize(path: String, format: String, head b: [UInt8]) throws -> (width: Int, height: Int)? {
        func be16(_ o: Int) -> Int? { o + 2 <= b.count ? Int(b[o]) << 8 | Int(b[o + 1]) : nil }
        func le16(_ o: Int) -> Int? { o + 2 <= b.count ? Int(b[o]) | Int(b[o + 1]) << 8 : nil }
        func be32(_ o: Int) -> Int? { o + 4 <= b.count ? Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]) : nil }
        func le32(_ o: Int) -> Int? { o + 4 <= b.count ? Int(b[o]) | Int(b[o + 1]) << 8 | Int(b[o + 2]) << 16 | Int(b[o + 3]) << 24 : nil }
        func pair(_ w: Int?, _ h: Int?) -> (width: Int, height: Int)? { w.flatMap { w in h.map { (w, $0) } } }

        switch format {
        case "png": return pair(be32(16), be32(20))
        case "gif": return pair(le16(6), le16(8))
        case "bmp":
            guard let dib = le32(14) else { return nil }
            if dib == 12 { return pair(le16(18), le16(20)) }
            // Height is negative for top-down bitmaps.
            func signed(_ v: Int?) -> Int? { v.map { abs(Int(Int32(truncatingIfNeeded: $0))) } }
            return pair(signed(le32(18)), signed(le32(22)))
        case "webp":
            guard b.count >= 30 else { return nil }
            switch String(decoding: b[12..<16], as: UTF8.self) {
            case "VP8 ": return pair(le16(26).map { $0 & 0x3FFF }, le16(28).map { $0 & 0x3FFF })
            case "VP8L":
                guard let bits = le32(21) else { return nil }
                return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
            case "VP8X":
                let w = Int(b[24]) | Int(b[25]) << 8 | Int(b[26]) << 16
                let h = Int(b[27]) | Int(b[28]) << 8 | Int(b[29]) << 16
                return (w + 1, h + 1)
            default: return nil
            }
        case "tiff": return try tiffSize(path: path)
        case "jpeg": return try jpegSize(path: path)
        default: return nil
        }
    }

    /// ImageWidth (256) and ImageLength (257) of the first IFD.
    private static func tiffSize(path: String) throws -> (width: Int, height: Int)? {
        guard let h = FileHandle(forReadingAtPath: path) else { throw MediaError.permissionDenied(path: path) }
        defer { try? h.close() }
        func read(_ offset: Int, _ count: Int) -> [UInt8] {
            guard (try? h.seek(toOffset: UInt64(offset))) != nil else { return [] }
            return [UInt8]((try? h.read(upToCount: count)) ?? Data())
        }
        let header = read(0, 8)
        guard header.count == 8 else { return nil }
        let little = header[0] == 0x49
        func u(_ b: [UInt8], _ o: Int, _ n: Int) -> Int {
            (0..<n).reduce(0) { acc, i in little ? acc | Int(b[o + i]) << (8 * i) : acc << 8 | Int(b[o + i]) }
        }
        let ifd = u(header, 4, 4)
        let countBytes = read(ifd, 2)
        guard countBytes.count == 2 else { return nil }
        let n = min(u(countBytes, 0, 2), 512)
        let entries = read(ifd + 2, n * 12)
        var w: Int?, ht: Int?
        for e in 0..<(entries.count / 12) {
            let o = e * 12, tag = u(entries, o, 2), type = u(entries, o + 2, 2)
            let value = type == 3 ? u(entries, o + 8, 2) : u(entries, o + 8, 4)   // SHORT or LONG
            if tag == 256 { w = value } else if tag == 257 { ht = value }
        }
        guard let w, let ht else { return nil }
        return (w, ht)
    }

    /// The frame size in the first SOF marker, walking the marker segments from the start.
    private static func jpegSize(path: String) throws -> (width: Int, height: Int)? {
        guard let h = FileHandle(forReadingAtPath: path) else { throw MediaError.permissionDenied(path: path) }
        defer { try? h.close() }
        var offset: UInt64 = 2
        for _ in 0..<256 {
            guard (try? h.seek(toOffset: offset)) != nil,
                  let seg = try? h.read(upToCount: 9), seg.count == 9 else { return nil }
            let s = [UInt8](seg)
            guard s[0] == 0xFF else { return nil }
            let marker = s[1]
            if marker == 0xFF { offset += 1; continue }   // fill byte
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (Int(s[7]) << 8 | Int(s[8]), Int(s[5]) << 8 | Int(s[6]))
            }
            if marker == 0xD9 || marker == 0xDA { return nil }   // end of image or scan before any SOF
            offset += 2 + UInt64(Int(s[2]) << 8 | Int(s[3]))
        }
        return nil
    }
}
