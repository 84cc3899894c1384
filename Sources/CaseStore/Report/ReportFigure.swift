// Figures of a case report: a key frame with a heatmap laid over it, or a spectrogram, already
// encoded as PNG. CaseStore does not decode media or run analyses, so the figures are made by the
// exporter (CaseExport.FigureBuilder) and handed to the renderers, which inline them (HTML, as
// data: URIs) or link them (Markdown, as files written beside the report).
import Foundation

/// One picture in a case report.
public struct ReportFigure: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// An image, or a video frame, with an analysis map blended over it.
        case heatmap
        /// An audio spectrogram.
        case spectrogram
    }

    public var kind: Kind
    /// PNG bytes.
    public var png: Data
    /// Pixel size of the PNG.
    public var width: Int
    public var height: Int
    /// What it shows, in words (frame, time, scores, which map): plain text, escaped by renderers.
    public var caption: String
    /// A file name stem unique within the report (`file2-frame12-ela`), for formats that write
    /// figures as files.
    public var name: String

    public init(kind: Kind, png: Data, width: Int, height: Int, caption: String, name: String) {
        self.kind = kind; self.png = png; self.width = width; self.height = height; self.caption = caption; self.name = name
    }
}

/// The figures of one evidence file, and why any are absent (custody broken, not analysed, a
/// decode error): plain text, escaped by renderers.
public struct EvidenceFigures: Sendable, Equatable {
    public var figures: [ReportFigure]
    public var notes: [String]
    public init(figures: [ReportFigure] = [], notes: [String] = []) { self.figures = figures; self.notes = notes }
}
