// The analyst's own marks on evidence: tags per file (ok / to check / suspicious, or free),
// bookmarks of a frame, page or finding with a note, and free notes. Kept in a JSON file in the
// user's data directory until the case database (CaseStore) takes over; every change is written
// at once, so quitting or a crash loses nothing.
import Foundation

/// A bookmark: where (frame, time, page, branch or finding) and why.
public struct Bookmark: Codable, Sendable, Equatable {
    public var sha256: String
    public var path: String
    public var frame: Int?
    public var time: Double?
    public var page: Int?
    public var branch: String?
    public var note: String
    public var created: String
}

/// Tags, bookmarks and notes, by file hash.
public final class AnnotationStore {
    public static let standardTags = ["ok", "to check", "suspicious"]

    struct Contents: Codable {
        var tags: [String: [String]] = [:]
        var bookmarks: [Bookmark] = []
        var notes: [String: [String]] = [:]
    }

    public let url: URL?
    private var contents = Contents()
    /// The last write error, shown by the screens (nil when the file is in sync).
    public private(set) var lastError: String?

    /// Loads `url` (nil keeps everything in memory, for tests). A damaged file is kept aside as
    /// `.damaged` and a fresh one started, rather than lost.
    public init(url: URL?) {
        self.url = url
        guard let url, let data = try? Data(contentsOf: url) else { return }
        if let c = try? JSONDecoder().decode(Contents.self, from: data) { contents = c } else {
            try? FileManager.default.moveItem(at: url, to: url.appendingPathExtension("damaged"))
            lastError = "annotations file was damaged; kept as \(url.lastPathComponent).damaged"
        }
    }

    /// `$XDG_DATA_HOME/deepscan/annotations.json` (or ~/.local/share/...).
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".local/share")
        return base.appendingPathComponent("deepscan/annotations.json")
    }

    public func tags(_ sha: String) -> [String] { contents.tags[sha] ?? [] }
    public func bookmarks(_ sha: String) -> [Bookmark] { contents.bookmarks.filter { $0.sha256 == sha } }
    public func notes(_ sha: String) -> [String] { contents.notes[sha] ?? [] }

    /// Replaces the standard tag of a file (one of ok / to check / suspicious at a time).
    public func setStandardTag(_ tag: String, for sha: String) {
        var t = tags(sha).filter { !Self.standardTags.contains($0) }
        t.insert(tag, at: 0)
        contents.tags[sha] = t
        save()
    }

    public func addBookmark(_ b: Bookmark) { contents.bookmarks.append(b); save() }
    public func addNote(_ text: String, for sha: String) { contents.notes[sha, default: []].append(text); save() }

    private func save() {
        guard let url else { return }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            try enc.encode(contents).write(to: url, options: .atomic)
            lastError = nil
        } catch {
            lastError = "could not save annotations to \(url.path): \(error.localizedDescription)"
        }
    }
}
