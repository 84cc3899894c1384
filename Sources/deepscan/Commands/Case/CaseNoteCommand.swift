// `deepscan case note NAME [FILE] TEXT`: a note on the case, or on one of its evidence files.
import ArgumentParser
import CaseStore

struct CaseNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a case or to one of its evidence files.")

    @Argument(help: "Case name.") var name: String
    @Argument(help: "[FILE] TEXT: an evidence file (path, file name or SHA-256 prefix), then the note.") var words: [String]
    @OptionGroup var store: CaseStoreOptions

    func validate() throws {
        guard (1...2).contains(words.count) else { throw ValidationError("give the note text, optionally after an evidence file: case note NAME [FILE] TEXT") }
    }

    func run() throws {
        let s = try store.open()
        let file = words.count == 2 ? words[0] : nil
        try CaseCLI.guarded { _ = try s.addNote(caseName: name, file: file, text: words.last!, actor: store.actor) }
        Output.write("noted on \(file.map { $0.terminalSafe } ?? "case \(name.terminalSafe)")\n")
    }
}
