// Decoding JPEG to RGB and encoding RGB to JPEG with libjpeg-turbo. Decoding checks the pixel
// limit from the header before the output buffer exists, decodes straight into the Swift array,
// and is strict by default (a truncated or corrupt file throws); `decodePartial` returns what
// could be decoded with the warnings. Encoding uses the standard IJG tables at a given quality,
// which is what error level analysis re-compresses with.
import CJPEG

/// JPEG decoding and encoding.
public enum JPEGCodec {
    /// Decodes to RGB. Throws `MediaError.tooManyPixels` before allocating when the header's size
    /// is over `options.pixelLimit`, `.truncated` when the file ends early, `.corrupt` when libjpeg
    /// warned about corrupt data (use `decodePartial` to get the pixels anyway).
    /// Wraps `cjpeg_decode_rgb` (jpeg_read_header, jpeg_start_decompress, jpeg_read_scanlines).
    public static func decode(data: [UInt8], path: String = "<memory>", options: MediaOptions = .default) throws -> RGBImage {
        let d = try decodePartial(data: data, path: path, options: options)
        if d.truncated {
            throw MediaError.truncated(path: path, detail: "libjpeg: Premature end of JPEG file, \(d.warningCount) warning\(d.warningCount == 1 ? "" : "s"), last: \(d.lastWarning ?? "none")")
        }
        if d.warningCount > 0 {
            throw MediaError.corrupt(path: path, detail: "libjpeg: \(d.lastWarning ?? "corrupt data") (\(d.warningCount) warning\(d.warningCount == 1 ? "" : "s"))")
        }
        return d.image
    }

    /// Reads and decodes the file at `path`; see `decode(data:path:options:)`.
    public static func decode(path: String, options: MediaOptions = .default) throws -> RGBImage {
        try decode(data: JPEGLibrary.readFile(path), path: path, options: options)
    }

    /// Decodes what can be decoded: a truncated or corrupt file gives an image with
    /// `truncated`/`warningCount` set instead of an error. Still throws for the pixel limit and for
    /// data libjpeg cannot decode at all. Wraps `cjpeg_decode_rgb`.
    public static func decodePartial(data: [UInt8], path: String = "<memory>", options: MediaOptions = .default) throws -> JPEGDecoding {
        let header = try JPEGFile(data: data, path: path, scan: false, options: options)
        let (w, h) = (header.width, header.height)
        guard w * h <= options.pixelLimit else {
            throw MediaError.tooManyPixels(path: path, width: w, height: h, limit: options.pixelLimit)
        }
        var st = cjpeg_status()
        var rc: Int32 = CJPEG_OK
        let pixels = [UInt8](unsafeUninitializedCapacity: w * h * 3) { buf, count in
            rc = data.withUnsafeBufferPointer { src in
                cjpeg_decode_rgb(src.baseAddress, src.count, Int64(options.pixelLimit), buf.baseAddress, w * h * 3, &st)
            }
            count = rc == CJPEG_OK ? w * h * 3 : 0
        }
        try JPEGLibrary.check(rc, st, path: path, width: w, height: h, limit: options.pixelLimit)
        return JPEGDecoding(image: RGBImage(width: w, height: h, pixels: pixels), truncated: st.premature_end != 0,
                            warningCount: Int(st.warning_count),
                            lastWarning: st.warning_count > 0 ? JPEGLibrary.text(st.last_warning) : nil)
    }

    /// Reads the file at `path` and decodes it leniently; see `decodePartial(data:path:options:)`.
    public static func decodePartial(path: String, options: MediaOptions = .default) throws -> JPEGDecoding {
        try decodePartial(data: JPEGLibrary.readFile(path), path: path, options: options)
    }

    /// Encodes at `quality` (1...100) with the standard IJG tables and 4:2:0 chroma sampling, as
    /// `cjpeg -quality` does. Wraps `cjpeg_encode_rgb` (jpeg_mem_dest, jpeg_set_quality).
    public static func encode(_ image: RGBImage, quality: Int) throws -> [UInt8] {
        precondition((1...100).contains(quality), "JPEG quality \(quality) is outside 1...100")
        precondition(image.width > 0 && image.height > 0, "cannot encode an empty image")
        var st = cjpeg_status()
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        let rc = image.pixels.withUnsafeBufferPointer {
            cjpeg_encode_rgb($0.baseAddress, Int32(image.width), Int32(image.height), Int32(quality), &out, &size, &st)
        }
        defer { cjpeg_free(out) }
        try JPEGLibrary.check(rc, st, path: "<encoder>")
        guard let out else { return [] }
        return Array(UnsafeBufferPointer(start: out, count: Int(size)))
    }
}
