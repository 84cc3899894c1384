// `deepscan case list`: the cases in the database, with their evidence counts.
import ArgumentParser
import CaseStore
import Foundation

struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the cases.")

    @OptionGroup var store: CaseStoreOptions

    func run() throws {
        let s = try store.open()
        let (cases, counts) = try CaseCLI.guarded { (try s.cases(), try s.evidenceCounts()) }
        if cases.isEmpty { Output.write("no cases in \(s.path) (create one with `deepscan case new NAME`)\n"); return }
        let df = ISO8601DateFormatter()
        for c in cases {
            let n = counts[c.id!] ?? 0
            Output.write("\(c.name.terminalSafe)  \(n) file(s)  created \(df.string(from: c.createdAt))\(c.examiner.isEmpty ? "" : "  examiner \(c.examiner.terminalSafe)")\n")
        }
    }
}
