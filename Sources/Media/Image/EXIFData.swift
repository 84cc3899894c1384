// Owner of a libexif ExifData: parses an EXIF block once (cexif_load_as_is, which wraps
// exif_data_new and exif_data_load_data without libexif's "fixes"), lists every tag of the five
// directories as display text, and hands out the embedded thumbnail. Typed values (camera,
// dates, GPS) are in EXIFData+Fields.swift. Frees the ExifData in deinit (exif_data_unref).
import CExif
import Foundation

/// Parsed EXIF metadata.
public final class EXIFData: @unchecked Sendable {
    // Immutable after init; libexif is only read from, so sharing across threads is safe.
    let raw: UnsafeMutablePointer<ExifData>

    /// Parses an EXIF TIFF structure (as `ImageMetadataBlocks.exif` returns it), with or without
    /// the "Exif\0\0" prefix of a JPEG APP1 segment. Nil when libexif finds no tag at all.
    public init?(tiff block: [UInt8]) {
        let prefix: [UInt8] = Array("Exif".utf8) + [0, 0]
        let bytes = block.starts(with: prefix) ? block : prefix + block
        guard bytes.count > 14, bytes.count <= Int(UInt32.max),
              let d = bytes.withUnsafeBufferPointer({ cexif_load_as_is($0.baseAddress, UInt32($0.count)) }) else { return nil }
        raw = d
        if EXIFIFD.allCases.allSatisfy({ (content($0)?.pointee.count ?? 0) == 0 }) && d.pointee.size == 0 {
            exif_data_unref(d)
            return nil
        }
    }

    /// The EXIF of an image file's bytes in `format` (`jpeg`, `tiff`, `png`, `webp`); nil when it
    /// carries none.
    public convenience init?(file bytes: [UInt8], format: String) {
        guard let block = ImageMetadataBlocks.exif(in: bytes, format: format) else { return nil }
        self.init(tiff: block)
    }

    deinit { exif_data_unref(raw) }

    func content(_ ifd: EXIFIFD) -> UnsafeMutablePointer<ExifContent>? {
        withUnsafeBytes(of: raw.pointee.ifd) { $0.bindMemory(to: UnsafeMutablePointer<ExifContent>?.self)[ifd.rawValue] }
    }

    /// The raw libexif entries of one directory, in file order.
    func rawEntries(_ ifd: EXIFIFD) -> [UnsafeMutablePointer<ExifEntry>] {
        guard let c = content(ifd), let list = c.pointee.entries else { return [] }
        return (0..<Int(c.pointee.count)).compactMap { list[$0] }
    }

    /// The raw entry for `tag` in `ifd` (exif_content_get_entry).
    func rawEntry(_ tag: UInt16, in ifd: EXIFIFD) -> UnsafeMutablePointer<ExifEntry>? {
        guard let c = content(ifd) else { return nil }
        return exif_content_get_entry(c, ExifTag(rawValue: UInt32(tag)))
    }

    /// Every tag of one directory with its display text (exif_tag_get_name_in_ifd,
    /// exif_entry_get_value).
    public func entries(_ ifd: EXIFIFD) -> [EXIFEntry] {
        rawEntries(ifd).map { e in
            let tag = UInt16(truncatingIfNeeded: e.pointee.tag.rawValue)
            let name = exif_tag_get_name_in_ifd(e.pointee.tag, ifd.libexif).map { String(cString: $0) }
                ?? "Tag0x" + String(tag, radix: 16, uppercase: true).leftPadded(to: 4)
            var buf = [CChar](repeating: 0, count: 2048)
            let text = buf.withUnsafeMutableBufferPointer { b -> String in
                guard let p = exif_entry_get_value(e, b.baseAddress, UInt32(b.count)) else { return "" }
                return String(cString: p)
            }
            return EXIFEntry(ifd: ifd, tag: tag, name: name, value: text.trimmingCharacters(in: .exifPadding))
        }
    }

    /// Every tag of every directory, IFD0, EXIF, GPS, Interoperability, IFD1 in turn.
    public var allEntries: [EXIFEntry] { EXIFIFD.allCases.flatMap { entries($0) } }

    /// The embedded thumbnail's bytes (ExifData.data/size; usually a JPEG), or nil.
    public var thumbnail: [UInt8]? {
        guard let p = raw.pointee.data, raw.pointee.size > 0 else { return nil }
        return Array(UnsafeBufferPointer(start: p, count: Int(raw.pointee.size)))
    }

    /// The thumbnail decoded to RGB when it is a JPEG (JPEGCodec), nil when there is none or it is
    /// in another format. Throws when a JPEG thumbnail cannot be decoded.
    public func thumbnailImage(options: MediaOptions = .default) throws -> RGBImage? {
        guard let t = thumbnail, t.starts(with: [0xFF, 0xD8]) else { return nil }
        return try JPEGCodec.decode(data: t, path: "<EXIF thumbnail>", options: options)
    }
}

extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

extension CharacterSet {
    /// Spaces, newlines and NUL: EXIF strings are often NUL- or space-padded.
    static let exifPadding = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\0"))
}
