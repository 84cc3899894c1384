// `deepscan case verify NAME`: re-hash every evidence file of a case (and its kept copy) against
// the intake hash. Each check is recorded in the audit log; exit status 1 if any file changed or
// went missing.
import ArgumentParser
import CaseStore

struct CaseVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check every evidence file against its intake SHA-256.")

    @Argument(help: "Case name.") var name: String
    @OptionGroup var store: CaseStoreOptions

    func run() throws {
        let s = try store.open()
        let checks = try CaseCLI.guarded { try s.verify(caseName: name, record: true, actor: store.actor) }
        for c in checks {
            Output.write("\(c.status.isIntact ? "ok     " : "BROKEN ") \(c.evidence.path.terminalSafe): \(c.status.sentence)\(c.copy.map { "; case copy \($0.sentence)" } ?? "")\n")
        }
        let broken = checks.filter { !$0.status.isIntact }
        if !broken.isEmpty {
            Output.error("\(broken.count) of \(checks.count) evidence file(s) changed or missing since intake")
            throw ExitCode(1)
        }
    }
}
