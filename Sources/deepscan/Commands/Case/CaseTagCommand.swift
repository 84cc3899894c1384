// `deepscan case tag NAME FILE TAG`: tag an evidence file (ok, to-check, suspicious, or any word).
import ArgumentParser
import CaseStore

struct CaseTagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Tag an evidence file (ok, to-check, suspicious, or any word).")

    @Argument(help: "Case name.") var name: String
    @Argument(help: "Evidence file: path, file name or SHA-256 prefix.") var file: String
    @Argument(help: "The tag.") var tag: String
    @OptionGroup var store: CaseStoreOptions

    func run() throws {
        let s = try store.open()
        try CaseCLI.guarded { try s.tag(caseName: name, file: file, tag: tag, actor: store.actor) }
        Output.write("tagged \(file.terminalSafe): \(tag.terminalSafe)\n")
    }
}
