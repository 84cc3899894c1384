// Walking the marker segments of a JPEG in pure Swift, bounds-checked: the payloads of APP1
// (EXIF, XMP), APP13 (Photoshop/IPTC) and the frame header, up to the first scan. libjpeg's
// jpeg_save_markers would give the same bytes, but metadata must be readable from files libjpeg
// refuses, and ImageHeader must find a size from the first bytes alone.

/// Marker segments of a JPEG before its first scan.
enum JPEGSegments {
    /// One segment: marker code (0xC0...0xFE) and its payload (after the two length bytes).
    struct Segment {
        var marker: UInt8
        var payload: ArraySlice<UInt8>
    }

    /// Segments from SOI up to (not including) SOS or EOI. Stops quietly at the first malformed
    /// or cut-off segment, returning what came before it.
    static func segments(_ b: [UInt8]) -> [Segment] {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return [] }
        var out: [Segment] = []
        var i = 2
        while i + 1 < b.count {
            guard b[i] == 0xFF else { break }
            var m = b[i + 1]
            // Fill bytes: any number of 0xFF may precede a marker code.
            while m == 0xFF, i + 2 < b.count { i += 1; m = b[i + 1] }
            i += 2
            if m == 0xD8 || m == 0x01 || (0xD0...0xD7).contains(m) { continue }   // no length
            if m == 0xDA || m == 0xD9 { break }
            guard i + 2 <= b.count else { break }
            let len = Int(b[i]) << 8 | Int(b[i + 1])
            guard len >= 2, i + len <= b.count else { break }
            out.append(Segment(marker: m, payload: b[(i + 2)..<(i + len)]))
            i += len
        }
        return out
    }

    /// True for the start-of-frame markers that carry the image size (SOF0...SOF15 but DHT,
    /// JPG and DAC).
    static func isFrameHeader(_ m: UInt8) -> Bool {
        (0xC0...0xCF).contains(m) && m != 0xC4 && m != 0xC8 && m != 0xCC
    }

    /// The TIFF structure of the first APP1 "Exif\0\0" segment (without that prefix).
    static func exif(_ b: [UInt8]) -> [UInt8]? {
        let prefix: [UInt8] = Array("Exif".utf8) + [0, 0]
        for s in segments(b) where s.marker == 0xE1 && s.payload.starts(with: prefix) {
            return Array(s.payload.dropFirst(6))
        }
        return nil
    }

    /// The concatenated resource data of every APP13 "Photoshop 3.0\0" segment (Photoshop splits
    /// long resource blocks across segments).
    static func photoshopResources(_ b: [UInt8]) -> [UInt8]? {
        let prefix: [UInt8] = Array("Photoshop 3.0".utf8) + [0]
        var out: [UInt8] = []
        for s in segments(b) where s.marker == 0xED && s.payload.starts(with: prefix) {
            out += s.payload.dropFirst(prefix.count)
        }
        return out.isEmpty ? nil : out
    }
}
