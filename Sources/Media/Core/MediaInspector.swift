// `deepscan info` in library form: identity, kind by content, headline facts and the metadata
// tree of one file. Each kind has its own inspector (Image/ImageInspector, Video/StreamInspector,
// PDF/PDFInspector); this file only checks the file, sniffs it and dispatches.
import Evidence
import Foundation

public enum MediaInspector {
    /// Reads everything `info` reports about the file at `path`. Throws `MediaError`.
    public static func summarize(_ path: String, options: MediaOptions = .default) throws -> MediaSummary {
        let identity = try EvidenceFile.identity(path)
        let head = try EvidenceFile.head(path)
        guard let sniffed = Sniffer.sniff(head: head) else {
            throw MediaError.unrecognised(path: path, hint: Sniffer.hint(head))
        }
        var summary = MediaSummary(identity: identity, media: sniffed.kind, format: sniffed.format)
        switch sniffed.kind {
        case .image: try ImageInspector.inspect(path: path, format: sniffed.format, options: options, into: &summary)
        case .video, .audio: try StreamInspector.inspect(path: path, sniffed: sniffed, options: options, into: &summary)
        case .pdf: try PDFInspector.inspect(path: path, options: options, into: &summary)
        }
        var file = MetadataGroup()
        file.set("sha256", identity.sha256)
        file.set("bytes", identity.bytes)
        if let attrs = try? FileManager.default.attributesOfItem(atPath: path), let m = attrs[.modificationDate] as? Date {
            file.set("modified", ISO8601DateFormatter().string(from: m))
        }
        var meta = MetadataGroup([.init("file", .group(file))])
        for e in summary.metadata.entries { meta.set(e.key, e.value) }
        summary.metadata = meta
        if let f = Sniffer.extensionFinding(path: path, format: summary.format) { summary.findings.insert(f, at: 0) }
        return summary
    }
}
