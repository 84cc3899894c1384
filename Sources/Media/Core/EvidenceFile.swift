// Opening an evidence file safely: the checks every reader does first (exists, not a directory,
// readable, not empty), the head bytes for sniffing, and the SHA-256 that starts the chain of
// custody. Hashing streams the file in 1 MiB chunks through FFmpeg's libavutil SHA-256.
import CFFmpeg
import Evidence
import Foundation

/// Checks and identity of a file on disk.
public enum EvidenceFile {
    /// Throws a `MediaError` that names the problem unless `path` is a readable, non-empty file.
    /// Returns its size in bytes.
    @discardableResult
    public static func preflight(_ path: String) throws -> Int64 {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == EACCES { throw MediaError.permissionDenied(path: path) }
            throw MediaError.notFound(path: path)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw MediaError.isDirectory(path: path) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw MediaError.io(path: path, detail: "not a regular file (device, socket or pipe)") }
        guard access(path, R_OK) == 0 else { throw MediaError.permissionDenied(path: path) }
        // access() says yes to root even without read bits; opening is the real test.
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw MediaError.permissionDenied(path: path) }
        close(fd)
        if st.st_size == 0 { throw MediaError.empty(path: path) }
        return Int64(st.st_size)
    }

    /// The first `count` bytes of the file (fewer if it is shorter).
    public static func head(_ path: String, count: Int = 4096) throws -> [UInt8] {
        guard let h = FileHandle(forReadingAtPath: path) else { throw MediaError.permissionDenied(path: path) }
        defer { try? h.close() }
        return [UInt8]((try? h.read(upToCount: count)) ?? Data())
    }

    /// The last `count` bytes of the file.
    public static func tail(_ path: String, count: Int) throws -> [UInt8] {
        guard let h = FileHandle(forReadingAtPath: path) else { throw MediaError.permissionDenied(path: path) }
        defer { try? h.close() }
        let size = try h.seekToEnd()
        try h.seek(toOffset: size > UInt64(count) ? size - UInt64(count) : 0)
        return [UInt8]((try? h.readToEnd()) ?? Data())
    }

    /// Lower-case hex SHA-256 of the file (calls `av_sha_init`/`av_sha_update`/`av_sha_final`).
    public static func sha256(_ path: String) throws -> String {
        guard let h = FileHandle(forReadingAtPath: path) else { throw MediaError.permissionDenied(path: path) }
        defer { try? h.close() }
        guard let ctx = av_sha_alloc() else { throw MediaError.io(path: path, detail: "out of memory") }
        defer { av_free(UnsafeMutableRawPointer(ctx)) }
        av_sha_init(ctx, 256)
        while true {
            let chunk: Data
            do { chunk = try h.read(upToCount: 1 << 20) ?? Data() } catch {
                throw MediaError.io(path: path, detail: "read failed: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { av_sha_update(ctx, $0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
        }
        var digest = [UInt8](repeating: 0, count: 32)
        av_sha_final(ctx, &digest)
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Path, SHA-256 and size.
    public static func identity(_ path: String) throws -> FileIdentity {
        let bytes = try preflight(path)
        return FileIdentity(path: path, sha256: try sha256(path), bytes: bytes)
    }
}
