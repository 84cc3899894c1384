// Content-addressed copies of evidence, kept only when asked (`--copy-into-case`): a file whose
// SHA-256 is `abcdef…` is stored as `objects/ab/cdef…` next to the database, read-only. The same
// bytes are stored once however many cases hold them. A copy is hashed after copying and discarded
// if it does not match the intake hash.
import Foundation
import Media

/// The `objects/` folder of a case database.
public struct ObjectStore: Sendable {
    /// The folder holding `ab/cdef…` files.
    public let root: URL
    public init(root: URL) { self.root = root }

    /// `ab/cdef…` for a SHA-256.
    public static func relativePath(sha256: String) -> String {
        precondition(sha256.count == 64, "ObjectStore: not a SHA-256: \(sha256)")
        return "objects/\(sha256.prefix(2))/\(sha256.dropFirst(2))"
    }

    /// Where the object for `sha256` lives.
    public func url(sha256: String) -> URL {
        root.deletingLastPathComponent().appendingPathComponent(Self.relativePath(sha256: sha256))
    }

    /// Copies `source` in under its hash unless already there; returns the path relative to the
    /// database folder. Throws `.copyMismatch` when the copy's hash is not `sha256`.
    public func store(_ source: String, sha256: String) throws -> String {
        let dest = url(sha256: sha256)
        let fm = FileManager.default
        if fm.fileExists(atPath: dest.path), (try? EvidenceFile.sha256(dest.path)) == sha256 {
            return Self.relativePath(sha256: sha256)
        }
        do {
            try fm.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
            let tmp = dest.deletingLastPathComponent().appendingPathComponent(".incoming-\(UUID().uuidString)")
            try fm.copyItem(atPath: source, toPath: tmp.path)
            let got = try EvidenceFile.sha256(tmp.path)
            guard got == sha256 else {
                try? fm.removeItem(at: tmp)
                throw CaseStoreError.copyMismatch(path: source, expected: sha256, got: got)
            }
            try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: tmp.path)
            if fm.fileExists(atPath: dest.path) { try fm.removeItem(at: dest) }
            try fm.moveItem(at: tmp, to: dest)
        } catch let e as CaseStoreError {
            throw e
        } catch {
            throw CaseStoreError.io(path: dest.path, detail: "cannot copy the evidence into the case: \(error.localizedDescription)")
        }
        return Self.relativePath(sha256: sha256)
    }
}
