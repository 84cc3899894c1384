// A folder under the system's temporary directory that lives as long as the value: the bench
// suites make their inputs (an enlarged JPEG, a cut clip, a generated 10-minute video) in one,
// and it is removed, with what is in it, when the suite is done.
import Foundation

/// A uniquely named temporary folder, deleted in `deinit`.
final class TemporaryFolder {
    /// Absolute path of the folder.
    let path: String

    init(prefix: String = "deepscan-bench") throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
