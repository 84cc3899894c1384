// Headline facts and metadata of an image (owned by the image/JPEG work; see MediaInspector).
import Evidence

enum ImageInspector {
    static func inspect(path: String, format: String, options: MediaOptions, into s: inout MediaSummary) throws {
        throw MediaError.unrecognised(path: path, hint: "image inspection not built yet")
    }
}
