// Shared set-up for the case store tests: a fresh database in a temporary folder, copies of the
// samples under names the tests choose, and hostile variants of the real photo (a file name that
// is an HTML script tag, and an EXIF Software field that carries an ANSI escape sequence).
@testable import CaseStore
import Foundation
import Media
import TestSupport

/// A case database in its own temporary folder.
final class StoreFixture: @unchecked Sendable {
    let tmp = TempDir()
    let dbPath: String
    let store: CaseStore

    init() throws {
        dbPath = tmp.path("cases.sqlite")
        store = try CaseStore(path: dbPath)
    }

    /// Copies a sample into the temp folder (so tests may change or delete it); `newName` may
    /// name a subfolder, which is created.
    func sample(_ name: String, as newName: String? = nil) throws -> String {
        let folder = tmp.url.appendingPathComponent(newName ?? name).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try tmp.copy(Samples.path(name), as: newName ?? name)
    }

    /// A raw SQL statement on the store's database, outside the store's API.
    func execute(_ sql: String) throws {
        try store.pool.write { try $0.execute(sql: sql) }
    }
}

enum HostileSamples {
    /// A path whose last components read `<script>alert(1)</script>.jpg` (a file name cannot hold
    /// the slash, so the folder `<script>alert(1)<` holds the file `script>.jpg`).
    static let scriptName = "<script>alert(1)</script>.jpg"
    /// Replaces `Bibble 4.4b` in the photo's EXIF Software field (same length, so the EXIF stays
    /// valid) with an ANSI colour sequence around `<GIMP>`.
    static let ansiSoftware = "\u{1B}[31m<GIMP>"

    /// photo-exif.jpg with the hostile Software field, written into `dir`.
    static func ansiPhoto(in dir: TempDir) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("photo-exif.jpg"))))
        let needle = Array("Bibble 4.4b".utf8), patch = Array(ansiSoftware.utf8)
        precondition(needle.count == patch.count)
        guard let at = (0...(bytes.count - needle.count)).first(where: { Array(bytes[$0..<$0 + needle.count]) == needle }) else {
            fatalError("photo-exif.jpg no longer has the Software field the test patches")
        }
        bytes.replaceSubrange(at..<at + needle.count, with: patch)
        return dir.write("ansi-software.jpg", bytes)
    }
}
