// The one place FFmpeg return codes become `MediaError`s, and FFmpeg's process-wide setup.
//
// Every libav* call that returns an int goes through `FFmpeg.check`: negative codes are turned
// into a typed error whose text comes from `av_strerror`, enriched with the last error FFmpeg logged
// for that context ("moov atom not found" says more than "Invalid data found"). End of file and
// invalid data become `.truncated` and `.corrupt` with the path, so the analyst sees what to do.
// FFmpeg's own console output is silenced once (`av_log_set_callback`); see `FFmpegLog`.
import CFFmpeg

enum FFmpeg {
    /// Negative return code of `avcodec_send_packet`/`avcodec_receive_frame` meaning "try the other call".
    static let again: Int32 = cff_averror(EAGAIN)
    static let endOfFile: Int32 = cff_averror_eof()
    static let invalidData: Int32 = cff_averror_invaliddata()
    static let noPTS: Int64 = cff_nopts_value()

    /// Installs the log callback once per process (Swift runs a `static let` initialiser exactly once).
    private static let configured: Bool = {
        FFmpegLog.install()
        return true
    }()

    /// Call before the first FFmpeg call of any entry point.
    static func configure() { _ = configured }

    /// Returns `code` when it is not negative; otherwise throws the `MediaError` for it.
    /// `what` names the operation ("open", "decode"); `context` is the FFmpeg object that may have
    /// logged a more precise reason.
    @discardableResult
    static func check(_ code: Int32, _ what: String, path: String, context: UnsafeRawPointer? = nil) throws -> Int32 {
        guard code < 0 else { return code }
        throw error(code, what, path: path, context: context)
    }

    /// The `MediaError` for a negative FFmpeg return code.
    static func error(_ code: Int32, _ what: String, path: String, context: UnsafeRawPointer? = nil) -> MediaError {
        var detail = "\(what): \(message(code))"
        if let logged = FFmpegLog.lastError(for: context), !logged.isEmpty { detail += " (\(logged))" }
        switch code {
        case endOfFile: return .truncated(path: path, detail: detail)
        case invalidData: return .corrupt(path: path, detail: detail)
        case cff_averror(ENOENT): return .notFound(path: path)
        case cff_averror(EACCES): return .permissionDenied(path: path)
        case cff_averror_decoder_not_found():
            return .unrecognised(path: path, hint: "a codec this FFmpeg build cannot decode; \(detail)")
        default: return .library(name: "FFmpeg", code: code, message: "\(path): \(detail)")
        }
    }

    /// `av_strerror` text for a return code.
    static func message(_ code: Int32) -> String {
        var buf = [CChar](repeating: 0, count: 256)
        if av_strerror(code, &buf, buf.count) < 0 { return "error \(code)" }
        return string(buf)
    }

    /// A NUL-terminated C buffer as a String.
    static func string(_ buf: [CChar]) -> String {
        buf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// `num/den` as a Double, or nil when the rational is 0/0 or has a zero denominator.
    static func double(_ r: AVRational) -> Double? {
        guard r.den != 0, r.num != 0 else { return nil }
        return Double(r.num) / Double(r.den)
    }

    /// A timestamp in `timeBase` units as seconds, nil for `AV_NOPTS_VALUE`.
    static func seconds(_ ts: Int64, _ timeBase: AVRational) -> Double? {
        guard ts != noPTS, timeBase.den != 0 else { return nil }
        return Double(ts) * Double(timeBase.num) / Double(timeBase.den)
    }

    /// Every entry of an `AVDictionary` in order (`av_dict_get` with `AV_DICT_IGNORE_SUFFIX`).
    static func entries(_ dict: OpaquePointer?) -> [(key: String, value: String)] {
        var out: [(String, String)] = []
        var e: UnsafePointer<AVDictionaryEntry>? = nil
        while let next = cff_dict_next(dict, e) {
            out.append((String(cString: next.pointee.key), String(cString: next.pointee.value)))
            e = next
        }
        return out
    }
}
