// Starting the workbench: builds the context, picks the first screen (a folder opens the
// browser, a file opens it directly with the browser of its folder underneath), and runs the app
// on the real terminal until the analyst quits.
import Detection
import Foundation

public enum Workbench {
    /// Set to 1 to leave right after the first frame is on screen (for timing startup from outside).
    public static let exitAfterFirstDrawVariable = "DEEPSCAN_EXIT_AFTER_FIRST_DRAW"

    /// Runs the interactive workbench on `path` (a file or a folder). Returns when the analyst quits.
    public static func run(path: String, engine: DetectionEngine, options: EngineOptions, themeName: String?,
                           annotations: AnnotationStore, caseLink: CaseLink? = nil) throws {
        let terminal = try NCursesTerminal()
        defer { terminal.close() }
        let mailbox = Mailbox()
        let context = WorkbenchContext(engine: engine, engineOptions: options, mailbox: mailbox, annotations: annotations)
        context.caseLink = caseLink
        let app = makeApp(terminal: terminal, path: path, context: context, theme: Theme.resolve(name: themeName))
        if ProcessInfo.processInfo.environment[exitAfterFirstDrawVariable] == "1" {
            // A timing hook (`deepscan bench tui`): leaves at once, analysis or not.
            app.step(timeout: 0)
            return
        }
        app.run()
        // Quitting mid-analysis: let the analysis thread return before exit tears down the process.
        context.runner.stop(waitingUpTo: 10)
    }

    /// The app `run` drives, on any terminal: the browser of `path`'s folder, the file on top of it
    /// when `path` is one, and a message when the annotations file was damaged.
    public static func makeApp(terminal: any Terminal, path: String, context: WorkbenchContext, theme: Theme) -> App {
        let app = App(terminal: terminal, theme: theme, root: rootScreen(for: path, context: context), mailbox: context.mailbox)
        if let file = initialFile(path) { app.push(EvidenceScreen.open(file, context: context)) }
        if let e = context.annotations.lastError { app.push(MessageScreen(title: "Annotations", message: e)) }
        return app
    }

    /// The browser for `path`'s folder (or `path` itself when it is one).
    public static func rootScreen(for path: String, context: WorkbenchContext) -> any Screen {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        let dir = exists && isDir.boolValue ? path : ((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        return BrowserScreen(directory: dir, context: context)
    }

    /// `path` when it names something other than a folder (a missing file gets its error screen).
    public static func initialFile(_ path: String) -> String? {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return nil }
        return path
    }
}
