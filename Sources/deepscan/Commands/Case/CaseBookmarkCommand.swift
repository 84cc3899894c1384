// `deepscan case bookmark NAME FILE NOTE [--frame N] [--time S] [--page N] [--branch ID]`: mark a
// place in an evidence file (a video frame or time, a PDF page, a branch's evidence) with a note.
// The workbench's `b` key does the same from the screen.
import ArgumentParser
import CaseStore

struct CaseBookmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bookmark", abstract: "Bookmark a frame, time, page or branch of an evidence file with a note.")

    @Argument(help: "Case name.") var name: String
    @Argument(help: "Evidence file (path, file name or SHA-256 prefix).") var file: String
    @Argument(help: "The note.") var note: String
    @Option(help: "Video frame (1-based, as the workbench shows it).") var frame: Int?
    @Option(help: "Time in seconds.") var time: Double?
    @Option(help: "PDF page (1-based).") var page: Int?
    @Option(help: "Branch id (forensic, metadata, pdf, ...).") var branch: String?
    @OptionGroup var store: CaseStoreOptions

    func validate() throws {
        if let frame, frame < 1 { throw ValidationError("--frame counts from 1") }
        if let page, page < 1 { throw ValidationError("--page counts from 1") }
        if let time, !(time >= 0) { throw ValidationError("--time must be 0 or more seconds") }
        if note.isEmpty { throw ValidationError("the bookmark needs a note") }
    }

    func run() throws {
        let s = try store.open()
        try CaseCLI.guarded {
            // Stored 0-based, as the engine and the workbench count frames.
            _ = try s.addBookmark(caseName: name, file: file, frame: frame.map { $0 - 1 }, time: time, page: page,
                                  branch: branch, note: note, actor: store.actor)
        }
        Output.write("bookmarked \(file.terminalSafe)\n")
    }
}
