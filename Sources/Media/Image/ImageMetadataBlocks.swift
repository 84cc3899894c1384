// Where the metadata blocks sit in each image format: the EXIF TIFF structure (JPEG APP1, a TIFF
// file itself, PNG eXIf chunk, WebP EXIF chunk) and the Photoshop resources of a JPEG. The XMP
// packet is found by XMPPacket's byte search in any format. Pure Swift, bounds-checked.

/// Locating EXIF and IPTC blocks inside an image file's bytes.
public enum ImageMetadataBlocks {
    /// The EXIF block as a TIFF structure (byte order mark first), or nil when the file has none.
    public static func exif(in b: [UInt8], format: String) -> [UInt8]? {
        switch format {
        case "jpeg": return JPEGSegments.exif(b)
        case "tiff": return b
        case "png": return pngChunk(b, type: "eXIf")
        case "webp":
            guard let chunk = webpChunk(b, type: "EXIF") else { return nil }
            // Some writers keep the JPEG-style "Exif\0\0" prefix inside the chunk.
            return chunk.starts(with: Array("Exif".utf8) + [0, 0]) ? Array(chunk.dropFirst(6)) : chunk
        default: return nil
        }
    }

    /// The IPTC-IIM bytes of a JPEG (Photoshop resource 0x0404 in APP13), or nil.
    public static func iptc(inJPEG b: [UInt8]) -> [UInt8]? {
        guard let res = JPEGSegments.photoshopResources(b) else { return nil }
        return photoshopResource(res, id: 0x0404)
    }

    /// The data of one Photoshop image resource ("8BIM", id, Pascal name padded to even, size,
    /// data padded to even) from a resource block.
    static func photoshopResource(_ r: [UInt8], id wanted: Int) -> [UInt8]? {
        var i = 0
        while i + 12 <= r.count {
            guard r[i..<i + 4].elementsEqual("8BIM".utf8) else { return nil }
            let id = Int(r[i + 4]) << 8 | Int(r[i + 5])
            let nameLen = Int(r[i + 6])
            var p = i + 6 + nameLen + 1
            if (nameLen + 1) % 2 == 1 { p += 1 }
            guard p + 4 <= r.count else { return nil }
            let size = Int(r[p]) << 24 | Int(r[p + 1]) << 16 | Int(r[p + 2]) << 8 | Int(r[p + 3])
            p += 4
            guard size >= 0, p + size <= r.count else { return nil }
            if id == wanted { return Array(r[p..<p + size]) }
            i = p + size + (size % 2)
        }
        return nil
    }

    /// The data of the first PNG chunk of `type`, walking chunks from the signature.
    static func pngChunk(_ b: [UInt8], type: String) -> [UInt8]? {
        var i = 8
        let t = Array(type.utf8)
        while i + 8 <= b.count {
            let len = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            let start = i + 8
            guard len >= 0, start + len <= b.count else { return nil }
            if Array(b[i + 4..<i + 8]) == t { return Array(b[start..<start + len]) }
            if b[i + 4..<i + 8].elementsEqual("IEND".utf8) { return nil }
            i = start + len + 4   // + CRC
        }
        return nil
    }

    /// The data of the first RIFF chunk of `type` in a WebP file.
    static func webpChunk(_ b: [UInt8], type: String) -> [UInt8]? {
        var i = 12
        let t = Array(type.utf8)
        while i + 8 <= b.count {
            let len = Int(b[i + 4]) | Int(b[i + 5]) << 8 | Int(b[i + 6]) << 16 | Int(b[i + 7]) << 24
            let start = i + 8
            guard start + len <= b.count else { return nil }
            if Array(b[i..<i + 4]) == t { return Array(b[start..<start + len]) }
            i = start + len + (len % 2)
        }
        return nil
    }
}
