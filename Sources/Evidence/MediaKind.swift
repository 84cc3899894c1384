// The four kinds of evidence DeepScan opens. Decided by content (Media's sniffer),
// never by extension alone.

/// What a file holds, as decided by its content.
public enum MediaKind: String, Codable, Sendable, CaseIterable {
    case image, video, audio, pdf
}
