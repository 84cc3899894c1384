// `deepscan case remove NAME FILE`: take an evidence file out of a case, with its analyses, tags,
// notes and bookmarks. The audit log keeps its path, hash and intake details.
import ArgumentParser
import CaseStore

struct CaseRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an evidence file from a case (recorded in the audit log).")

    @Argument(help: "Case name.") var name: String
    @Argument(help: "Evidence file: path, file name or SHA-256 prefix.") var file: String
    @OptionGroup var store: CaseStoreOptions

    func run() throws {
        let s = try store.open()
        try CaseCLI.guarded { try s.removeEvidence(caseName: name, file: file, actor: store.actor) }
        Output.write("removed \(file.terminalSafe) from case \(name.terminalSafe) (recorded in the audit log)\n")
    }
}
