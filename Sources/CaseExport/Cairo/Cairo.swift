// The one checking function for cairo: every status goes through `Cairo.check`, which turns a
// failure into an `ExportError` with cairo's own words (`cairo_status_to_string`).
import CCairo

enum Cairo {
    /// Throws when `status` is not CAIRO_STATUS_SUCCESS; `what` says what was being done.
    static func check(_ status: cairo_status_t, _ what: String) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw ExportError("\(what): cairo error: \(String(cString: cairo_status_to_string(status)))")
    }
}

/// Collects bytes cairo writes through a `cairo_write_func_t` (PNG and PDF streams).
final class ByteSink {
    var bytes: [UInt8] = []

    /// The C callback: `closure` is an unretained `ByteSink`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}

/// Feeds bytes to cairo through a `cairo_read_func_t` (PNG decoding).
final class ByteSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        source.bytes.withUnsafeBufferPointer { b in data.update(from: b.baseAddress! + source.offset, count: n) }
        source.offset += n
        return CAIRO_STATUS_SUCCESS
    }
}
