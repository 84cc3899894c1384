// What every screen of one workbench run shares: the detection engine (models loaded once), the
// options, the mailbox background work posts to, the analyst's annotations and recent files.
import Detection
import Evidence
import Foundation
import Media

/// Shared state of a workbench run. Used from the UI thread only (background work talks through
/// `mailbox`).
public final class WorkbenchContext {
    public let engine: DetectionEngine
    public var engineOptions: EngineOptions
    public let mailbox: Mailbox
    public let annotations: AnnotationStore
    /// Runs analyses in the background; opening a file cancels the previous file's analysis.
    public let runner: AnalysisRunner
    /// Files opened in this run, most recent first.
    public private(set) var recent: [String] = []
    /// Where exported reports go.
    public var exportDirectory: String
    /// The case the analyst works in (`open --case`); nil keeps annotations in the JSON store.
    public var caseLink: CaseLink?

    public init(engine: DetectionEngine, engineOptions: EngineOptions = EngineOptions(), mailbox: Mailbox = Mailbox(),
                annotations: AnnotationStore, exportDirectory: String = FileManager.default.currentDirectoryPath) {
        self.engine = engine; self.engineOptions = engineOptions; self.mailbox = mailbox
        self.annotations = annotations; self.exportDirectory = exportDirectory
        runner = AnalysisRunner(engine: engine, mailbox: mailbox)
    }

    public var mediaOptions: MediaOptions { engineOptions.media }

    func noteOpened(_ path: String) {
        recent.removeAll { $0 == path }
        recent.insert(path, at: 0)
        if recent.count > 20 { recent.removeLast() }
    }
}
