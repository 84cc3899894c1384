// `deepscan case new NAME [--description TEXT] [--examiner NAME]`: create a case.
import ArgumentParser
import CaseStore

struct CaseNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a case.")

    @Argument(help: "Case name (unique in the database).") var name: String
    @Option(help: "What the case is about.") var description: String = ""
    @Option(help: "Who leads the case.") var examiner: String = ""
    @OptionGroup var store: CaseStoreOptions

    func run() throws {
        let s = try store.open()
        let c = try CaseCLI.guarded {
            try s.createCase(name: name, description: description, examiner: examiner, actor: store.by ?? (examiner.isEmpty ? nil : examiner))
        }
        Output.write("created case '\(c.name.terminalSafe)' in \(s.path)\n")
    }
}
