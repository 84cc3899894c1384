// The case database: one SQLite file (GRDB's DatabasePool, so in WAL mode: readers, in this
// process or another, never wait for the writer), migrated to the current schema when opened,
// with foreign keys on and a busy timeout so two writers queue instead of failing. Every change
// goes through `write`, which runs in one transaction together with its audit row.
// Content-addressed copies of evidence live in `objects/` next to the database file.
import Foundation
import GRDB

/// An open case database.
public final class CaseStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// `$XDG_DATA_HOME/deepscan/cases.sqlite`, or `~/.local/share/deepscan/cases.sqlite`.
    public static var defaultPath: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((base as NSString).appendingPathComponent("deepscan") as NSString).appendingPathComponent("cases.sqlite")
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// Throws `CaseStoreError.corrupt` when the file is not a readable SQLite database and
    /// `.newerSchema` when it comes from a newer DeepScan.
    public init(path: String = CaseStore.defaultPath) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        self.path = url.path
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw CaseStoreError.io(path: url.deletingLastPathComponent().path, detail: "cannot create the folder for the case database: \(error.localizedDescription)")
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "deepscan.cases"
        do {
            try Self.check(path: self.path, configuration: config)
            pool = try DatabasePool(path: self.path, configuration: config)
            try Self.migrate(pool, path: self.path)
        } catch let e as DatabaseError {
            throw Self.translate(e, path: self.path)
        }
    }

    /// Integrity check first, on a plain connection: a damaged file is reported before anything
    /// writes to it (opening a `DatabasePool` already writes: GRDB creates and drops a table to
    /// make the WAL file exist, and closing checkpoints that into the file's header).
    static func check(path: String, configuration: Configuration) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return }  // new or empty: nothing to check yet
        let result = try DatabaseQueue(path: path, configuration: configuration).read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        guard result == ["ok"] else {
            throw CaseStoreError.corrupt(path: path, detail: "integrity check: " + result.prefix(3).joined(separator: "; "))
        }
    }

    /// Migrates only when needed, so that a reader can open a database another process is writing.
    static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = CaseSchema.migrator
        let (done, superseded) = try pool.read { db in
            (try migrator.hasCompletedMigrations(db), try migrator.hasBeenSuperseded(db))
        }
        if superseded { throw CaseStoreError.newerSchema(path: path) }
        if !done { try migrator.migrate(pool) }
    }

    /// SQLite's "not a database" and "malformed" become `.corrupt`, "cannot open" (a folder, no
    /// permission) and "read-only" become `.io` naming the file; the rest keep their message.
    static func translate(_ e: DatabaseError, path: String) -> Error {
        switch e.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return CaseStoreError.corrupt(path: path, detail: e.message ?? "\(e.resultCode)")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            return CaseStoreError.io(path: path, detail: "cannot open the case database for reading and writing (\(e.message ?? "\(e.resultCode)")); check that it is a file you may write, or choose another with --db")
        default:
            return e
        }
    }

    /// The migrations applied to this database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try CaseSchema.migrator.appliedMigrations(db) }
    }

    /// Runs `body` in one write transaction (rolled back if it throws).
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch let e as DatabaseError { throw Self.translate(e, path: path) }
    }

    /// Runs `body` on a read-only snapshot.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let e as DatabaseError { throw Self.translate(e, path: path) }
    }

    /// Folder of content-addressed evidence copies: `objects/` next to the database file.
    public var objectsDirectory: URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("objects")
    }

    /// The user name recorded when no examiner is given.
    public static var systemUser: String {
        let env = ProcessInfo.processInfo.environment
        return env["USER"] ?? env["LOGNAME"] ?? NSUserName()
    }
}
