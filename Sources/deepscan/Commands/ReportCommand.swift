// `deepscan report CASE --format json|md|html --out FILE [--templates DIR]`: export a case report.
// Custody is verified while the report is made; the report says which files changed or went
// missing, and the exit status is 1 then (the report is still written). PDF export is not built yet.
import ArgumentParser
import CaseStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Export a case report (JSON, Markdown or self-contained HTML).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, md, html, pdf }

    @Argument(help: "Case name.") var name: String
    @Option(help: "json (embeds the deepscan.report/1 reports), md or html.") var format: Format = .html
    @Option(help: ArgumentHelp("Output file ('-' for standard output).", valueName: "file")) var out: String
    @Option(help: ArgumentHelp("Folder with report.html / report.md to brand the report (default: ./templates if present, else built in).", valueName: "dir"))
    var templates: String?
    @OptionGroup var store: CaseStoreOptions

    func validate() throws {
        if format == .pdf { throw ValidationError("PDF case reports are not built yet; use --format html (printable) or md") }
    }

    func run() throws {
        let s = try store.open()
        let report = try CaseCLI.guarded { try CaseReport.build(store: s, caseName: name, generator: "deepscan \(DeepScan.configuration.version)") }
        let dir = templates.map { URL(fileURLWithPath: $0) } ?? CaseReportExporter.defaultTemplates
        // The same rendering as the workbench's export.
        let data = try CaseCLI.guarded { try CaseReportExporter.render(report, format: ReportFormat(rawValue: format.rawValue)!, templates: dir) }
        if out == "-" { FileHandle.standardOutput.write(data) } else {
            do { try data.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                Output.error("\(out): cannot write the report: \(error.localizedDescription)"); throw ExitCode(1)
            }
            Output.write("wrote \(format.rawValue) report of case \(name.terminalSafe) to \(out)\n")
        }
        let broken = report.evidence.filter { $0.custody != "unchanged" }
        for e in broken { Output.error("\(e.path): \(e.custodyDetail)") }
        if !broken.isEmpty { throw ExitCode(1) }
    }
}
