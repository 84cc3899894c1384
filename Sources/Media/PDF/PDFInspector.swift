// Headline facts and metadata of a PDF (owned by the PDF work; see MediaInspector).
import Evidence

enum PDFInspector {
    static func inspect(path: String, options: MediaOptions, into s: inout MediaSummary) throws {
        throw MediaError.unrecognised(path: path, hint: "PDF inspection not built yet")
    }
}
