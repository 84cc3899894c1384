// Stored screen snapshots, like tig's `:save-display` files: a screen as text is compared with a
// text file kept in the repository, and a difference is reported as a line diff. Setting
// DEEPSCAN_RECORD_SNAPSHOTS=1 rewrites the files instead (then review them with `git diff`).
import Foundation

/// Compares text with stored snapshot files.
public struct Snapshot: Sendable {
    /// The environment variable that turns comparing into recording.
    public static let recordVariable = "DEEPSCAN_RECORD_SNAPSHOTS"

    /// The folder holding `<name>.txt` files.
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// True when snapshots are being re-recorded.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// Compares `text` with the stored `name`; nil when equal (or when recording, after writing
    /// it), else a message with the diff and how to re-record. A missing file is recorded once
    /// and reported, so a new snapshot is never accepted silently.
    public func check(_ text: String, named name: String) -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = text.hasSuffix("\n") ? text : text + "\n"
        let stored = try? String(contentsOf: url, encoding: .utf8)
        if Self.isRecording || stored == nil {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                return "could not write snapshot \(url.path): \(error)"
            }
            return Self.isRecording ? nil : "snapshot \(name) did not exist; recorded it at \(url.path): check it and run again"
        }
        guard let stored, stored != actual else { return nil }
        return "screen differs from snapshot \(name) (\(url.path)); "
            + "re-record with \(Self.recordVariable)=1 if the change is intended:\n" + Self.diff(expected: stored, actual: actual)
    }

    /// A line diff: each differing line as `-` (stored) and `+` (now), with its row number.
    public static func diff(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? e[i] : nil, r = i < a.count ? a[i] : nil
            guard l != r else { continue }
            if let l { out.append(String(format: "%3d -|", i) + l) }
            if let r { out.append(String(format: "%3d +|", i) + r) }
        }
        return out.joined(separator: "\n")
    }
}
