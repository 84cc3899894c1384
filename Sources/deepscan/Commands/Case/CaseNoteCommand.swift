// `deepscan case note NAME [FILE] TEXT`: a note on the case, or on one of its evidence files.
// TEXT `-` reads notes from standard input, one per line (a log kept during an interview, a list
// exported from another tool): each line is committed on its own and reported as soon as it is, so
// an interrupted import leaves every reported note in the case and nothing half-written.
import ArgumentParser
import CaseStore
import Foundation

struct CaseNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a case or to one of its evidence files.")

    @Argument(help: "Case name.") var name: String
    @Argument(help: "[FILE] TEXT: an evidence file (path, file name or SHA-256 prefix), then the note ('-': one note per line from standard input).")
    var words: [String]
    @OptionGroup var store: CaseStoreOptions

    func validate() throws {
        guard (1...2).contains(words.count) else { throw ValidationError("give the note text, optionally after an evidence file: case note NAME [FILE] TEXT") }
    }

    func run() throws {
        let s = try store.open()
        let file = words.count == 2 ? words[0] : nil
        let place = file.map { $0.terminalSafe } ?? "case \(name.terminalSafe)"
        guard words.last == "-" else {
            try CaseCLI.guarded { _ = try s.addNote(caseName: name, file: file, text: words.last!, actor: store.actor) }
            Output.write("noted on \(place)\n")
            return
        }
        var count = 0
        while let line = readLine() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let note = try CaseCLI.guarded { try s.addNote(caseName: name, file: file, text: line, actor: store.actor) }
            count += 1
            // Written after the commit: a line here means the note is in the database.
            Output.write("committed note \(note.id ?? 0): \(line.terminalSafe)\n")
        }
        Output.write("\(count) note(s) from standard input on \(place)\n")
    }
}
