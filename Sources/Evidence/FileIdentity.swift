// Who a file is: its path as given, its SHA-256 and its size. Chain of custody starts here.

/// The identity of an evidence file at the moment it was read.
public struct FileIdentity: Codable, Sendable, Equatable {
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var bytes: Int64

    public init(path: String, sha256: String, bytes: Int64) {
        self.path = path; self.sha256 = sha256; self.bytes = bytes
    }
}
