// Errors from reading evidence. Each says what is wrong and what the analyst can do about it;
// none of them is a crash. The CLI prints `description` and exits non-zero.
import Foundation

/// Why a file could not be opened, identified or decoded.
public enum MediaError: Error, Equatable, CustomStringConvertible, Sendable {
    case notFound(path: String)
    case isDirectory(path: String)
    case permissionDenied(path: String)
    case empty(path: String)
    /// Content matches no supported kind (with what the first bytes look like).
    case unrecognised(path: String, hint: String)
    /// The file ends before its structure says it should.
    case truncated(path: String, detail: String)
    /// The structure is invalid in a way that is not just a missing tail.
    case corrupt(path: String, detail: String)
    case tooManyPixels(path: String, width: Int, height: Int, limit: Int)
    case noVideoStream(path: String)
    case noAudioStream(path: String)
    case passwordRequired(path: String)
    case wrongPassword(path: String)
    case frameOutOfRange(index: Int, count: Int)
    case timeOutOfRange(seconds: Double, duration: Double)
    case pageOutOfRange(page: Int, count: Int)
    /// A library reported an error we have no better words for.
    case library(name: String, code: Int32, message: String)
    case io(path: String, detail: String)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file. Check the path (quote it if it has spaces)."
        case .isDirectory(let p): return "\(p): is a directory, not a media file. Name a file inside it, or open the folder in the workbench browser."
        case .permissionDenied(let p): return "\(p): permission denied. Make the file readable by this user (chmod/chown) or copy it somewhere readable."
        case .empty(let p): return "\(p): the file is empty (0 bytes). It may not have finished copying; fetch it again."
        case .unrecognised(let p, let hint): return "\(p): not a supported image, video, audio or PDF file (content starts with \(hint)). Supported: JPEG, PNG, GIF, BMP, WebP, TIFF; MP4, MOV, AVI, MKV, WebM; WAV, FLAC, OGG, Opus, MP3, AAC/M4A; PDF."
        case .truncated(let p, let d): return "\(p): the file is truncated (\(d)). Fetch a complete copy; a partial download or interrupted copy looks like this."
        case .corrupt(let p, let d): return "\(p): the file is damaged (\(d))."
        case .tooManyPixels(let p, let w, let h, let limit): return "\(p): image is \(w)×\(h) = \(w * h) pixels, over the limit of \(limit). Raise it with --pixel-limit if the file is trusted."
        case .noVideoStream(let p): return "\(p): has no video stream, so there are no frames to show. Open it as audio instead."
        case .noAudioStream(let p): return "\(p): has no audio stream."
        case .passwordRequired(let p): return "\(p): the PDF is encrypted and needs a password. Give it with --password."
        case .wrongPassword(let p): return "\(p): the password given does not open this PDF."
        case .frameOutOfRange(let i, let n): return "frame \(i) is out of range: the video has \(n) frames (0...\(max(n - 1, 0)))."
        case .timeOutOfRange(let t, let d): return "time \(t) s is out of range: the media lasts \(d) s."
        case .pageOutOfRange(let p, let n): return "page \(p) is out of range: the PDF has \(n) pages (1...\(n))."
        case .library(let name, let code, let message): return "\(name) error \(code): \(message)"
        case .io(let p, let d): return "\(p): \(d)"
        }
    }
}
