// Small read helpers over the metadata tree for the consistency checks: a leaf as text by path,
// and the structural fields of ffprobe-style groups that are not tags.
import Evidence

extension MetadataGroup {
    /// The leaf at `keys` as display text; nil when absent, a group, or empty.
    func string(_ keys: String...) -> String? {
        var node: MetadataValue = .group(self)
        for key in keys {
            guard case .group(let g) = node, let next = g[key] else { return nil }
            node = next
        }
        if case .group = node { return nil }
        let t = node.displayText.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : t
    }
}

extension MetadataFacts {
    /// Fields StreamInspector computes itself (ffprobe's format/stream fields); every other
    /// key of `container` and `streams[i]` is a tag the file carries.
    static let structuralKeys: Set<String> = [
        "format_name", "format_long_name", "duration", "bit_rate", "start_time", "nb_streams", "nb_chapters",
        "index", "type", "codec", "codec_long_name", "profile", "pix_fmt", "width", "height", "fps", "rotation",
        "sample_fmt", "sample_rate", "channels", "channel_layout", "time_base", "frames", "disposition",
    ]

    /// Tags FFmpeg's muxers write with stock default values, which say nothing about the file.
    static func isPlaceholder(_ key: String, _ value: String) -> Bool {
        (key == "language" && value == "und") || (key == "vendor_id" && value == "[0][0][0][0]")
    }
}
