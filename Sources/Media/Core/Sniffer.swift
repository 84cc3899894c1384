// Deciding what a file is from its content. Magic bytes first (fast, exact for the formats we
// support); for anything else FFmpeg's prober (`av_probe_input_format`) is asked, and containers
// that can hold video or audio are resolved by their streams later (an MP4 with only sound is
// audio). The extension is never trusted; when it disagrees with the content that is a finding.
import CFFmpeg
import Evidence
import Foundation

/// What the content of a file says it is.
public struct Sniffed: Sendable, Equatable {
    /// The kind by content. For containers (`mp4`, `matroska`, `avi`, `ogg`) this is provisional
    /// until the streams are read: `video` if it could hold video.
    public var kind: MediaKind
    /// Short format name: `jpeg`, `png`, `gif`, `bmp`, `webp`, `tiff`, `pdf`, `mp4`, `mov`, `avi`,
    /// `matroska`, `webm`, `wav`, `flac`, `ogg`, `opus`, `mp3`, `aac`, `aiff`, or an FFmpeg demuxer name.
    public var format: String
    /// True when the kind must be confirmed from the streams (a container that may hold only audio).
    public var needsStreams: Bool
}

public enum Sniffer {
    /// Identifies `head` (the first bytes of a file). Returns nil when nothing recognises it.
    public static func sniff(head b: [UInt8]) -> Sniffed? {
        func at(_ o: Int, _ s: String) -> Bool {
            let u = Array(s.utf8)
            return b.count >= o + u.count && Array(b[o..<o + u.count]) == u
        }
        func bytes(_ o: Int, _ u: [UInt8]) -> Bool { b.count >= o + u.count && Array(b[o..<o + u.count]) == u }

        if bytes(0, [0xFF, 0xD8, 0xFF]) { return .init(kind: .image, format: "jpeg", needsStreams: false) }
        if bytes(0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .init(kind: .image, format: "png", needsStreams: false) }
        if at(0, "GIF87a") || at(0, "GIF89a") { return .init(kind: .image, format: "gif", needsStreams: false) }
        if at(0, "RIFF") && at(8, "WEBP") { return .init(kind: .image, format: "webp", needsStreams: false) }
        if bytes(0, [0x49, 0x49, 0x2A, 0x00]) || bytes(0, [0x4D, 0x4D, 0x00, 0x2A]) { return .init(kind: .image, format: "tiff", needsStreams: false) }
        if at(0, "BM") && b.count >= 18 {
            let dib = Int(b[14]) | Int(b[15]) << 8 | Int(b[16]) << 16 | Int(b[17]) << 24
            if [12, 40, 52, 56, 64, 108, 124].contains(dib) { return .init(kind: .image, format: "bmp", needsStreams: false) }
        }
        // PDF: the header may follow junk; readers accept it within the first 1024 bytes.
        if let i = find(Array("%PDF-".utf8), in: b, limit: 1024), i >= 0 { return .init(kind: .pdf, format: "pdf", needsStreams: false) }
        if at(0, "RIFF") && at(8, "WAVE") { return .init(kind: .audio, format: "wav", needsStreams: false) }
        if at(0, "RIFF") && at(8, "AVI ") { return .init(kind: .video, format: "avi", needsStreams: true) }
        if at(0, "FORM") && (at(8, "AIFF") || at(8, "AIFC")) { return .init(kind: .audio, format: "aiff", needsStreams: false) }
        if at(0, "fLaC") { return .init(kind: .audio, format: "flac", needsStreams: false) }
        if at(0, "OggS") {
            if find(Array("OpusHead".utf8), in: b, limit: 128) != nil { return .init(kind: .audio, format: "opus", needsStreams: false) }
            if find(Array("theora".utf8), in: b, limit: 128) != nil { return .init(kind: .video, format: "ogg", needsStreams: true) }
            return .init(kind: .audio, format: "ogg", needsStreams: false)
        }
        if bytes(0, [0x1A, 0x45, 0xDF, 0xA3]) {
            let webm = find(Array("webm".utf8), in: b, limit: 64) != nil
            return .init(kind: .video, format: webm ? "webm" : "matroska", needsStreams: true)
        }
        if at(4, "ftyp") {
            let brand = b.count >= 12 ? String(decoding: b[8..<12], as: UTF8.self) : ""
            switch brand {
            case "M4A ", "M4B ", "M4P ", "F4A ": return .init(kind: .audio, format: "m4a", needsStreams: true)
            case "qt  ": return .init(kind: .video, format: "mov", needsStreams: true)
            case "3gp4", "3gp5", "3gp6", "3g2a": return .init(kind: .video, format: "3gp", needsStreams: true)
            default: return .init(kind: .video, format: "mp4", needsStreams: true)
            }
        }
        if at(4, "moov") || at(4, "mdat") || at(4, "wide") || at(4, "free") {
            return .init(kind: .video, format: "mov", needsStreams: true)
        }
        if at(0, "ID3") { return .init(kind: .audio, format: "mp3", needsStreams: false) }
        if b.count >= 2 && b[0] == 0xFF {
            if b[1] & 0xF6 == 0xF0 { return .init(kind: .audio, format: "aac", needsStreams: false) }       // ADTS
            if b[1] & 0xE0 == 0xE0 && (b[1] >> 1) & 3 != 0 { return .init(kind: .audio, format: "mp3", needsStreams: false) } // MPEG audio frame sync
        }
        return probeWithFFmpeg(b)
    }

    /// Asks FFmpeg's probers; only confident answers (score > 50 of 100) count.
    private static func probeWithFFmpeg(_ head: [UInt8]) -> Sniffed? {
        var padded = head + [UInt8](repeating: 0, count: Int(AVPROBE_PADDING_SIZE))
        var score: Int32 = 0
        let fmt: UnsafePointer<AVInputFormat>? = padded.withUnsafeMutableBufferPointer { buf in
            var pd = AVProbeData()
            pd.buf = buf.baseAddress
            pd.buf_size = Int32(head.count)
            return withUnsafePointer(to: &pd) { av_probe_input_format2($0, 1, &score) }
        }
        guard let fmt, score > 50, let cname = fmt.pointee.name else { return nil }
        let name = String(cString: cname).split(separator: ",").first.map(String.init) ?? ""
        if name.hasSuffix("_pipe") { return .init(kind: .image, format: String(name.dropLast(5)), needsStreams: false) }
        if name == "image2" { return .init(kind: .image, format: "image", needsStreams: false) }
        return .init(kind: .video, format: name, needsStreams: true)
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], limit: Int) -> Int? {
        let end = min(hay.count, limit + needle.count)
        guard needle.count <= end else { return nil }
        var i = 0
        while i + needle.count <= end {
            if hay[i] == needle[0] && Array(hay[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// Printable summary of the first bytes, for error messages.
    public static func hint(_ head: [UInt8]) -> String {
        let first = head.prefix(8)
        let hex = first.map { String(format: "%02x", $0) }.joined(separator: " ")
        let text = String(first.map { (0x20...0x7e).contains($0) ? Character(UnicodeScalar($0)) : "." })
        return "\(hex) \"\(text)\""
    }

    /// Formats an extension usually names. Extensions not listed produce no finding.
    static let extensionFormats: [String: Set<String>] = [
        "jpg": ["jpeg"], "jpeg": ["jpeg"], "jpe": ["jpeg"], "jfif": ["jpeg"],
        "png": ["png"], "gif": ["gif"], "bmp": ["bmp"], "webp": ["webp"], "tif": ["tiff"], "tiff": ["tiff"],
        "pdf": ["pdf"],
        "mp4": ["mp4", "mov", "3gp"], "m4v": ["mp4", "mov"], "mov": ["mov", "mp4"], "avi": ["avi"],
        "mkv": ["matroska", "webm"], "webm": ["webm", "matroska"], "3gp": ["3gp", "mp4"],
        "wav": ["wav"], "flac": ["flac"], "ogg": ["ogg", "opus"], "oga": ["ogg", "opus"], "opus": ["opus"],
        "mp3": ["mp3"], "aac": ["aac"], "m4a": ["m4a", "mp4"], "aif": ["aiff"], "aiff": ["aiff"],
    ]

    /// A finding when the file's extension names a different format from its content.
    public static func extensionFinding(path: String, format: String) -> Finding? {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let expected = extensionFormats[ext], !expected.contains(format) else { return nil }
        return Finding(code: "extension-mismatch", severity: .warning,
                       message: "The extension .\(ext) says \(expected.sorted().joined(separator: "/")), but the content is \(format). Files are renamed to hide what they are, or by mistake.",
                       source: "media")
    }
}
