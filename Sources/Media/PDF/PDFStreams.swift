// Decoding the data of a PDF stream: FlateDecode through zlib (with the PNG and TIFF predictors
// that cross-reference and object streams use), ASCIIHexDecode and ASCII85Decode. Image codecs
// (DCT, JPX, JBIG2, CCITT) and the rarely used LZW / RunLength filters are reported as
// unsupported rather than guessed at. Output is bounded (`limit`), so a decompression bomb
// stops with an error instead of exhausting memory. The raw zlib calls live here only.
import CZlib
import Foundation

/// Why a stream's data could not be decoded.
public enum PDFStreamError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The bytes are not valid for the filter (zlib's message, or the offending byte).
    case corrupt(filter: String, detail: String)
    /// A filter this decoder does not implement (image codecs, LZW, RunLength, Crypt).
    case unsupported(filter: String)
    /// Decoding would produce more than `limit` bytes.
    case tooLarge(filter: String, limit: Int)

    public var description: String {
        switch self {
        case .corrupt(let f, let d): return "\(f) data is damaged: \(d)"
        case .unsupported(let f): return "the \(f) filter is not decoded here"
        case .tooLarge(let f, let limit): return "\(f) output exceeds \(limit) bytes"
        }
    }
}

/// Stream decoders for the PDF filters that matter to structure analysis.
public enum PDFStreams {
    /// Filters whose output is an image (never decoded here; they are not hidden structure).
    public static let imageFilters: Set<String> = ["DCTDecode", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "DCT", "CCF"]

    /// Predictor parameters from a stream's /DecodeParms (PDF 32000-1, 7.4.4.4).
    public struct Predictor: Sendable, Equatable {
        public var predictor: Int, colors: Int, bitsPerComponent: Int, columns: Int
        public init(predictor: Int = 1, colors: Int = 1, bitsPerComponent: Int = 8, columns: Int = 1) {
            self.predictor = predictor; self.colors = colors; self.bitsPerComponent = bitsPerComponent; self.columns = columns
        }
    }

    /// Applies `filters` in order (as listed in /Filter) to `data`. `predictors[i]` goes with
    /// `filters[i]` when present. Throws `PDFStreamError`.
    public static func decode(_ data: Data, filters: [String], predictors: [Predictor?] = [], limit: Int = 64 << 20) throws -> Data {
        var out = data
        for (i, f) in filters.enumerated() {
            switch f {
            case "FlateDecode", "Fl":
                out = try inflate(out, limit: limit)
                if let p = i < predictors.count ? predictors[i] : nil, p.predictor > 1 { out = try unpredict(out, p) }
            case "ASCIIHexDecode", "AHx": out = try asciiHex(out)
            case "ASCII85Decode", "A85": out = try ascii85(out, limit: limit)
            default: throw PDFStreamError.unsupported(filter: f)
            }
        }
        return out
    }

    /// zlib inflate (`inflateInit`, `inflate`, `inflateEnd`). A stream that stops before its end
    /// marker yields what was decoded (readers do the same); bad data throws `.corrupt`.
    public static func inflate(_ data: Data, limit: Int = 64 << 20) throws -> Data {
        var z = z_stream()
        guard czlib_inflate_init(&z) == Z_OK else { throw PDFStreamError.corrupt(filter: "FlateDecode", detail: "inflateInit failed") }
        defer { inflateEnd(&z) }
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let input = [UInt8](data)
        return try input.withUnsafeBufferPointer { inBuf -> Data in
            z.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            z.avail_in = uInt(inBuf.count)
            while true {
                let rc: Int32 = chunk.withUnsafeMutableBufferPointer { c in
                    z.next_out = c.baseAddress; z.avail_out = uInt(c.count)
                    return CZlib.inflate(&z, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(z.avail_out)
                out.append(contentsOf: chunk[0..<produced])
                if out.count > limit { throw PDFStreamError.tooLarge(filter: "FlateDecode", limit: limit) }
                switch rc {
                case Z_STREAM_END: return out
                case Z_OK: continue
                case Z_BUF_ERROR where z.avail_in == 0: return out          // input ended early
                default:
                    let msg = z.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                    if !out.isEmpty && rc == Z_DATA_ERROR && z.avail_in < 16 { return out }   // bad checksum only
                    throw PDFStreamError.corrupt(filter: "FlateDecode", detail: msg)
                }
            }
        }
    }

    /// Undoes a PNG (10-15) or TIFF (2) predictor row by row.
    static func unpredict(_ data: Data, _ p: Predictor) throws -> Data {
        let bpp = max(1, (p.colors * p.bitsPerComponent + 7) / 8)
        let rowLen = (p.colors * p.bitsPerComponent * p.columns + 7) / 8
        guard rowLen > 0 else { return data }
        let src = [UInt8](data)
        if p.predictor == 2 {
            guard p.bitsPerComponent == 8 else { throw PDFStreamError.unsupported(filter: "TIFF predictor with \(p.bitsPerComponent) bits") }
            var out = src
            var r = 0
            while r + rowLen <= out.count {
                for i in bpp..<rowLen { out[r + i] = out[r + i] &+ out[r + i - bpp] }
                r += rowLen
            }
            return Data(out)
        }
        var out = [UInt8](); out.reserveCapacity(src.count)
        var prev = [UInt8](repeating: 0, count: rowLen)
        var i = 0
        while i < src.count {
            let type = src[i]; i += 1
            var row = Array(src[i..<min(i + rowLen, src.count)])
            if row.count < rowLen { row += [UInt8](repeating: 0, count: rowLen - row.count) }
            i += rowLen
            for k in 0..<rowLen {
                let a = k >= bpp ? row[k - bpp] : 0, b = prev[k], c = k >= bpp ? prev[k - bpp] : 0
                switch type {
                case 0: break
                case 1: row[k] = row[k] &+ a
                case 2: row[k] = row[k] &+ b
                case 3: row[k] = row[k] &+ UInt8((Int(a) + Int(b)) / 2)
                case 4:
                    let pa = abs(Int(b) - Int(c)), pb = abs(Int(a) - Int(c)), pc = abs(Int(a) + Int(b) - 2 * Int(c))
                    row[k] = row[k] &+ (pa <= pb && pa <= pc ? a : (pb <= pc ? b : c))
                default: throw PDFStreamError.corrupt(filter: "PNG predictor", detail: "row filter type \(type)")
                }
            }
            out += row
            prev = row
        }
        return Data(out)
    }

    /// ASCIIHexDecode: hex digit pairs up to `>`, whitespace ignored, an odd last digit padded with 0.
    static func asciiHex(_ data: Data) throws -> Data {
        var out = Data(), hi: UInt8?
        for c in data {
            if c == 0x3E { break }
            if c == 32 || c == 10 || c == 13 || c == 9 || c == 12 || c == 0 { continue }
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x41...0x46: v = c - 0x37
            case 0x61...0x66: v = c - 0x57
            default: throw PDFStreamError.corrupt(filter: "ASCIIHexDecode", detail: "byte 0x\(String(c, radix: 16))")
            }
            if let h = hi { out.append(h << 4 | v); hi = nil } else { hi = v }
        }
        if let h = hi { out.append(h << 4) }
        return out
    }

    /// ASCII85Decode: groups of five `!`...`u` characters, `z` for four zero bytes, ending at `~>`.
    static func ascii85(_ data: Data, limit: Int) throws -> Data {
        var out = Data(), group: [UInt32] = []
        func flush(_ n: Int) {
            var g = group; while g.count < 5 { g.append(84) }
            let v = g.reduce(UInt64(0)) { $0 * 85 + UInt64($1) }
            let bytes = [UInt8(truncatingIfNeeded: v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
            out.append(contentsOf: bytes.prefix(n))
        }
        for c in data {
            if c == 0x7E { break }
            if c == 32 || c == 10 || c == 13 || c == 9 || c == 12 || c == 0 { continue }
            if c == 0x7A && group.isEmpty { out.append(contentsOf: [0, 0, 0, 0]); continue }
            guard c >= 0x21 && c <= 0x75 else { throw PDFStreamError.corrupt(filter: "ASCII85Decode", detail: "byte 0x\(String(c, radix: 16))") }
            group.append(UInt32(c - 0x21))
            if group.count == 5 { flush(4); group = [] }
            if out.count > limit { throw PDFStreamError.tooLarge(filter: "ASCII85Decode", limit: limit) }
        }
        if group.count > 1 { flush(group.count - 1) }
        return out
    }
}
