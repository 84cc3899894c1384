// Headline facts and metadata of a video or audio file (owned by the FFmpeg work; see MediaInspector).
import Evidence

enum StreamInspector {
    static func inspect(path: String, sniffed: Sniffed, options: MediaOptions, into s: inout MediaSummary) throws {
        throw MediaError.unrecognised(path: path, hint: "stream inspection not built yet")
    }
}
