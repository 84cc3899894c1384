// One evidence file open in the workbench: its identity and metadata (read at once), what the
// viewer shows (decoded pixels, a frame reader, the audio and its spectrogram, a PDF document),
// and the state of its background analysis, filled in as branches finish.
import Detection
import Evidence
import Foundation
import Media

/// What the viewer of an opened file draws from.
public enum FileContent {
    case image(RGBImage)
    case video(VideoReader)
    case audio(AudioClip)
    case pdf(PDFDocument)
}

/// Where the analysis of an opened file stands.
public enum AnalysisState {
    case running(stage: String, fraction: Double, started: Date)
    case done(Analysis)
    case failed(String)
}

/// An open evidence file. UI thread only.
public final class OpenedFile {
    public let path: String
    public let summary: MediaSummary
    public let content: FileContent
    public var state: AnalysisState
    /// Branch results received so far (before the analysis finishes), by id.
    public private(set) var partial: [String: BranchOutput] = [:]
    /// Token of the analysis that belongs to this file.
    public var analysisToken = 0

    /// Reads the file's identity and metadata and opens its content for viewing. Throws
    /// `MediaError` with a message for the analyst when the file cannot be opened.
    public init(path: String, options: MediaOptions) throws {
        self.path = path
        summary = try MediaInspector.summarize(path, options: options)
        switch summary.media {
        case .image:
            if summary.format == "jpeg" {
                // Show what there is of a damaged JPEG; the findings say it is damaged.
                content = .image(try JPEGCodec.decodePartial(path: path, options: options).image)
            } else {
                content = .image(try ImageDecoder.decode(path: path, options: options))
            }
        case .video:
            content = .video(try VideoReader(path: path, options: options, cacheCapacity: 24))
        case .audio:
            var o = options
            o.audioSampleRate = 16_000
            content = .audio(try AudioDecoder.decode(path: path, options: o))
        case .pdf:
            content = .pdf(try PDFDocument(path: path, options: options))
        }
        state = .running(stage: "starting", fraction: 0, started: Date())
    }

    /// The finished analysis, if any.
    public var analysis: Analysis? { if case .done(let a) = state { return a } else { return nil } }

    /// Branch results to show: the final report's, or those received so far.
    public var branchResults: [BranchResult] {
        if let a = analysis { return a.report.branches }
        return partial.values.map(\.result).sorted { $0.id < $1.id }
    }

    /// The maps available so far, by id.
    public var maps: [String: Heatmap] {
        if let a = analysis { return a.maps }
        var m: [String: Heatmap] = [:]
        for o in partial.values { m.merge(o.maps) { a, _ in a } }
        return m
    }

    /// Applies a message from the runner; false when it is not for this file.
    public func apply(_ message: AnalysisMessage) -> Bool {
        switch message {
        case .progress(let t, let stage, let fraction):
            guard t == analysisToken, case .running(_, _, let started) = state else { return false }
            state = .running(stage: stage, fraction: fraction, started: started)
        case .branch(let t, let out):
            guard t == analysisToken else { return false }
            partial[out.result.id] = out
        case .finished(let t, let a):
            guard t == analysisToken else { return false }
            state = .done(a)
        case .failed(let t, let message):
            guard t == analysisToken else { return false }
            state = .failed(message)
        }
        return true
    }
}
