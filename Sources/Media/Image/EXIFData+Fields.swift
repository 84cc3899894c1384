// Typed extraction from libexif entries: ASCII tags from their raw bytes, SHORT/LONG through
// exif_get_short/exif_get_long and GPS rationals through exif_get_rational in the block's byte
// order (exif_data_get_byte_order). Tags are looked up in their own directory, since GPS tag
// numbers collide with IFD0 ones.
import CExif
import Foundation

extension EXIFData {
    /// Make, Model, LensModel, Software, the three dates, Orientation, GPS and image size tags.
    public var fields: EXIFFields {
        var f = EXIFFields()
        f.make = string(0x010F, .ifd0)
        f.model = string(0x0110, .ifd0)
        f.software = string(0x0131, .ifd0)
        f.dateTime = string(0x0132, .ifd0)
        f.orientation = integer(0x0112, .ifd0)
        f.imageWidth = integer(0x0100, .ifd0)
        f.imageHeight = integer(0x0101, .ifd0)
        f.lensModel = string(0xA434, .exif)
        f.dateTimeOriginal = string(0x9003, .exif)
        f.dateTimeDigitized = string(0x9004, .exif)
        f.pixelXDimension = integer(0xA002, .exif)
        f.pixelYDimension = integer(0xA003, .exif)
        if let lat = degrees(0x0002), let ref = string(0x0001, .gps) { f.latitude = ref.uppercased().hasPrefix("S") ? -lat : lat }
        if let lon = degrees(0x0004), let ref = string(0x0003, .gps) { f.longitude = ref.uppercased().hasPrefix("W") ? -lon : lon }
        if let alt = rationals(0x0006, .gps)?.first {
            let below = byte(0x0005, .gps) == 1
            f.altitude = below ? -alt : alt
        }
        return f
    }

    private var order: ExifByteOrder { exif_data_get_byte_order(raw) }

    /// An ASCII tag's text, trimmed of NUL and space padding; nil when empty.
    func string(_ tag: UInt16, _ ifd: EXIFIFD) -> String? {
        guard let e = rawEntry(tag, in: ifd), let d = e.pointee.data, e.pointee.size > 0,
              e.pointee.format == EXIF_FORMAT_ASCII else { return nil }
        let bytes = UnsafeBufferPointer(start: d, count: Int(e.pointee.size)).prefix(while: { $0 != 0 })
        // EXIF says ASCII; writers put UTF-8 or Latin-1 there. Read UTF-8, fall back to Latin-1.
        let s = (String(validating: Array(bytes), as: UTF8.self) ?? String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })))
            .trimmingCharacters(in: .exifPadding)
        return s.isEmpty ? nil : s
    }

    /// A SHORT or LONG tag's first value.
    func integer(_ tag: UInt16, _ ifd: EXIFIFD) -> Int? {
        guard let e = rawEntry(tag, in: ifd), let d = e.pointee.data, e.pointee.components >= 1 else { return nil }
        switch e.pointee.format {
        case EXIF_FORMAT_SHORT where e.pointee.size >= 2: return Int(exif_get_short(d, order))
        case EXIF_FORMAT_LONG where e.pointee.size >= 4: return Int(exif_get_long(d, order))
        default: return nil
        }
    }

    /// A BYTE tag's first value.
    func byte(_ tag: UInt16, _ ifd: EXIFIFD) -> UInt8? {
        guard let e = rawEntry(tag, in: ifd), let d = e.pointee.data, e.pointee.size >= 1,
              e.pointee.format == EXIF_FORMAT_BYTE else { return nil }
        return d[0]
    }

    /// A RATIONAL tag's values; nil when one has a zero denominator.
    func rationals(_ tag: UInt16, _ ifd: EXIFIFD) -> [Double]? {
        guard let e = rawEntry(tag, in: ifd), let d = e.pointee.data, e.pointee.format == EXIF_FORMAT_RATIONAL else { return nil }
        let n = min(Int(e.pointee.components), Int(e.pointee.size) / 8)
        var out: [Double] = []
        for i in 0..<n {
            let r = exif_get_rational(d + 8 * i, order)
            guard r.denominator != 0 else { return nil }
            out.append(Double(r.numerator) / Double(r.denominator))
        }
        return out.isEmpty ? nil : out
    }

    /// GPS degrees, minutes, seconds as decimal degrees (unsigned).
    private func degrees(_ tag: UInt16) -> Double? {
        guard let v = rationals(tag, .gps) else { return nil }
        let d = v[0] + (v.count > 1 ? v[1] / 60 : 0) + (v.count > 2 ? v[2] / 3600 : 0)
        return d.isFinite ? d : nil
    }
}
