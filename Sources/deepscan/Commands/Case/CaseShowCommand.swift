// `deepscan case show NAME [--json]`: the case, its evidence with custody verified now, the latest
// verdict of each file, tags and notes. --json prints the `deepscan.case-report/1` value.
import ArgumentParser
import CaseStore
import Foundation

struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a case: evidence, custody, verdicts, tags, notes.")

    @Argument(help: "Case name.") var name: String
    @Flag(help: "Print the case as JSON (schema deepscan.case-report/1).") var json = false
    @OptionGroup var store: CaseStoreOptions

    func run() throws {
        let s = try store.open()
        let r = try CaseCLI.guarded { try CaseReport.build(store: s, caseName: name, generator: "deepscan \(DeepScan.configuration.version)") }
        if json {
            Output.write(String(decoding: try r.json(), as: UTF8.self) + "\n")
            return
        }
        var out = "case \(r.caseInfo.name.terminalSafe)  created \(r.caseInfo.createdAt)"
        if !r.caseInfo.examiner.isEmpty { out += "  examiner \(r.caseInfo.examiner.terminalSafe)" }
        out += "\n"
        if !r.caseInfo.description.isEmpty { out += "  \(r.caseInfo.description.terminalSafe)\n" }
        for (i, e) in r.evidence.enumerated() {
            let verdict = e.analysis.map { a in
                "\(a.report.verdict.label.rawValue.uppercased())" + (a.report.verdict.score.map { String(format: " %.3f", $0) } ?? "")
            } ?? "not analysed"
            out += "  \(i + 1). \(e.fileName.terminalSafe)  [\(e.media.rawValue)/\(e.format)]  sha256 \(e.sha256.prefix(16))…  \(verdict)\n"
            out += "     custody: \(e.custodyDetail)\n"
            if !e.tags.isEmpty { out += "     tags: \(e.tags.joined(separator: ", ").terminalSafe)\n" }
            for n in e.notes { out += "     note (\(n.author.terminalSafe)): \(n.text.terminalSafe)\n" }
        }
        if r.evidence.isEmpty { out += "  no evidence yet (`deepscan case add \(r.caseInfo.name.terminalSafe) FILE`)\n" }
        for n in r.notes { out += "  note (\(n.author.terminalSafe)): \(n.text.terminalSafe)\n" }
        Output.write(out)
        if r.evidence.contains(where: { $0.custody != "unchanged" }) {
            Output.error("chain of custody broken: a file changed or went missing since intake (see above)")
            throw ExitCode(1)
        }
    }
}
