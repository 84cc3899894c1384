// The one place that turns CJPEG's return codes into `MediaError`s, and reads the fixed-size C
// arrays of its structs (which Swift imports as tuples). Every call into CJPEG from Media goes
// through `JPEGLibrary.check`.
import CJPEG
import Foundation

enum JPEGLibrary {
    /// Throws the `MediaError` for a non-zero CJPEG return code. `path` names the file in messages.
    static func check(_ rc: Int32, _ status: cjpeg_status, path: String, width: Int = 0, height: Int = 0, limit: Int = 0) throws {
        guard rc != CJPEG_OK else { return }
        let message = text(status.message)
        switch rc {
        case CJPEG_ERR_TOO_MANY_PIXELS:
            throw MediaError.tooManyPixels(path: path, width: width, height: height, limit: limit)
        case CJPEG_ERR_LIBJPEG where status.premature_end != 0:
            throw MediaError.truncated(path: path, detail: "libjpeg: \(message)")
        case CJPEG_ERR_LIBJPEG:
            throw MediaError.corrupt(path: path, detail: "not a decodable JPEG; libjpeg says: \(message)")
        case CJPEG_ERR_NOMEM:
            throw MediaError.library(name: "libjpeg", code: rc, message: "out of memory")
        default:
            throw MediaError.library(name: "libjpeg", code: rc, message: message)
        }
    }

    /// A NUL-terminated C char array (imported as a tuple) as a String.
    static func text<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    /// The first `count` elements of a C array of `Int32` (imported as a tuple).
    static func ints<T>(_ tuple: T, count: Int) -> [Int] {
        withUnsafeBytes(of: tuple) { raw in raw.bindMemory(to: Int32.self).prefix(count).map(Int.init) }
    }

    /// The first `count` elements of a C array of `uint16_t`.
    static func uint16s<T>(_ tuple: T, count: Int) -> [UInt16] {
        withUnsafeBytes(of: tuple) { raw in Array(raw.bindMemory(to: UInt16.self).prefix(count)) }
    }

    /// The first `count` bytes of a C array of bytes.
    static func bytes<T>(_ tuple: T, count: Int) -> [UInt8] {
        withUnsafeBytes(of: tuple) { raw in Array(raw.prefix(count)) }
    }

    /// Reads a whole file after the usual checks (`EvidenceFile.preflight`).
    static func readFile(_ path: String) throws -> [UInt8] {
        try EvidenceFile.preflight(path)
        do { return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw MediaError.io(path: path, detail: "read failed: \(error.localizedDescription)")
        }
    }
}
