// FFmpeg's log, silenced and kept: nothing reaches the terminal (the workbench owns it), but the
// last error-level line each FFmpeg context logged is remembered, so a failure can say
// "moov atom not found" instead of only "Invalid data found when processing input".
//
// The callback (`av_log_set_callback`) receives a `va_list`; the line is formatted with
// `av_log_format_line2`. Lines are keyed by the context pointer that logged them, because
// several files may be decoded on different threads at once.
import CFFmpeg
import Foundation

enum FFmpegLog {
    /// Most recent error line per logging context; bounded so a long session cannot grow it.
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var lines: [UInt: String] = [:]
    }
    private static let store = Store()
    private static let capacity = 256

    /// Replaces FFmpeg's console logger with one that records errors (`av_log_set_callback`).
    static func install() {
        av_log_set_level(AV_LOG_ERROR)
        av_log_set_callback { avcl, level, fmt, args in
            guard level <= AV_LOG_ERROR, let fmt, let args else { return }
            var buf = [CChar](repeating: 0, count: 512)
            var prefix: Int32 = 0
            _ = av_log_format_line2(avcl, level, fmt, args, &buf, Int32(buf.count), &prefix)
            let line = FFmpeg.string(buf).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { return }
            FFmpegLog.record(line, for: avcl.map { UInt(bitPattern: $0) } ?? 0)
        }
    }

    private static func record(_ line: String, for key: UInt) {
        store.lock.lock(); defer { store.lock.unlock() }
        if store.lines.count >= capacity { store.lines.removeAll(keepingCapacity: true) }
        store.lines[key] = line
    }

    /// The last error line logged by `context` (and forgets it).
    static func lastError(for context: UnsafeRawPointer?) -> String? {
        guard let context else { return nil }
        store.lock.lock(); defer { store.lock.unlock() }
        return store.lines.removeValue(forKey: UInt(bitPattern: context))
    }

    /// Forgets what `context` logged (called when its owner is freed, since addresses are reused).
    static func forget(_ context: UnsafeRawPointer?) {
        guard let context else { return }
        store.lock.lock(); defer { store.lock.unlock() }
        store.lines.removeValue(forKey: UInt(bitPattern: context))
    }
}
