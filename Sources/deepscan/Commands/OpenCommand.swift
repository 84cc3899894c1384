// `deepscan open [FILE|DIR]` (also plain `deepscan`): the interactive workbench.
import ArgumentParser
import CaseStore
import Detection
import Foundation
import Workbench

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the interactive workbench on a file or a folder (default: the current folder).")

    @Argument(help: "A file to open, or a folder to browse.") var path: String = "."
    @Option(help: "Colour theme: dark, light, high-contrast (themes/*.toml).") var theme: String?
    @Option(help: "Video frames the analysis samples: a number spread over the video, or 'all'.") var frames: String = "8"
    @Option(help: "Fusion parameters file.") var fusion: String = "models/fusion.json"
    @Option(help: "Annotations file (tags, notes, bookmarks) when not working in a case.") var annotations: String?
    @Option(name: .customLong("case"), help: "Work in this case: its evidence in the browser (E), tags, notes, bookmarks and runs stored in the case database.") var caseName: String?
    @Option(help: ArgumentHelp("Case database file (with --case).", valueName: "path")) var db: String?
    @OptionGroup var media: MediaOptionGroup

    func validate() throws {
        if frames != "all", Int(frames).map({ $0 < 1 }) ?? true { throw ValidationError("--frames takes a positive number or 'all'") }
    }

    func run() throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw ValidationError("the workbench needs a terminal; use 'deepscan scan' or 'deepscan info' in scripts")
        }
        var options = EngineOptions()
        options.media = media.options
        options.sampling = frames == "all" ? .all : .spread(Int(frames)!)
        let engine = try DetectionEngine(fusionFile: URL(fileURLWithPath: fusion))
        let store = AnnotationStore(url: annotations.map { URL(fileURLWithPath: $0) } ?? AnnotationStore.defaultURL())
        var link: CaseLink?
        if let caseName {
            link = try CaseCLI.guarded { try CaseLink(store: try CaseStore(path: db ?? CaseStore.defaultPath), caseName: caseName) }
        }
        try Workbench.run(path: path, engine: engine, options: options, themeName: theme, annotations: store, caseLink: link)
    }
}
