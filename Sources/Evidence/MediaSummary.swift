// What `deepscan info` prints and what a report's `file` and `metadata` fields are made of:
// identity, kind, format, the few numbers per kind an analyst looks at first, the full metadata
// tree, and the findings of ingest (such as an extension that disagrees with the content).

/// A file's identity, kind, headline facts, metadata and ingest findings.
public struct MediaSummary: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var bytes: Int64
    public var media: MediaKind
    /// Container or file format as detected from content (`jpeg`, `png`, `mp4`, `matroska`, `wav`, `pdf`, ...).
    public var format: String

    // image and video
    public var width: Int?
    public var height: Int?
    // video
    public var fps: Double?
    public var frames: Int?
    // video and audio
    public var duration: Double?
    public var hasAudio: Bool?
    // audio
    public var sampleRate: Int?
    public var channels: Int?
    // pdf
    public var pages: Int?
    public var version: String?
    public var encrypted: Bool?
    public var revisions: Int?

    public var metadata: MetadataGroup
    public var findings: [Finding]

    public init(identity: FileIdentity, media: MediaKind, format: String, metadata: MetadataGroup = .init(), findings: [Finding] = []) {
        path = identity.path; sha256 = identity.sha256; bytes = identity.bytes
        self.media = media; self.format = format; self.metadata = metadata; self.findings = findings
    }

    public var identity: FileIdentity { FileIdentity(path: path, sha256: sha256, bytes: bytes) }

    enum CodingKeys: String, CodingKey {
        case path, sha256, bytes, media, format, width, height, fps, frames, duration
        case hasAudio = "has_audio", sampleRate = "sample_rate", channels, pages, version, encrypted, revisions
        case metadata, findings
    }
}
