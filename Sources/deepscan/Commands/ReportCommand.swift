// `deepscan report CASE --format json|md|html --out FILE [--templates DIR]`: export a case report.
// Custody is verified while the report is made; the report says which files changed or went
// missing, and the exit status is 1 then (the report is still written). Rendering is
// CaseExport.CaseReportExporter, which the workbench's export uses too.
import ArgumentParser
import CaseExport
import CaseStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Export a case report (JSON, Markdown, self-contained HTML or PDF).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, md, html, pdf }

    @Argument(help: "Case name.") var name: String
    @Option(help: "json (embeds the deepscan.report/1 reports), md (figures as PNG files in <name>-figures/ beside it), html (one self-contained file) or pdf.")
    var format: Format = .html
    @Option(help: ArgumentHelp("Output file ('-' for standard output).", valueName: "file")) var out: String
    @Option(help: ArgumentHelp("Folder with report.html / report.md / report-pdf.toml to brand the report (default: ./templates if present, else built in).", valueName: "dir"))
    var templates: String?
    @Flag(help: "Leave out the figures (key frames with heatmaps, spectrograms): faster, and reads no evidence file.")
    var noFigures = false
    @OptionGroup var store: CaseStoreOptions

    func validate() throws {
        if format == .pdf && out == "-" { throw ValidationError("a PDF report needs a file: --out FILE.pdf") }
    }

    func run() throws {
        let s = try store.open()
        let report = try CaseCLI.guarded { try CaseReport.build(store: s, caseName: name, generator: "deepscan \(DeepScan.configuration.version)") }
        let dir = templates.map { URL(fileURLWithPath: $0) }
            ?? (FileManager.default.fileExists(atPath: "templates/report.html") ? URL(fileURLWithPath: "templates") : nil)
        let exporter = CaseReportExporter(templates: dir, figures: noFigures ? nil : FigureBuilder())
        let kind = CaseReportFormat(rawValue: format.rawValue)!
        do {
            if out == "-" {
                // Standard output has no folder beside it for Markdown figures.
                FileHandle.standardOutput.write(try exporter.render(report, format: kind).data)
            } else {
                let files = try exporter.write(report, format: kind, to: URL(fileURLWithPath: out))
                Output.write("wrote \(format.rawValue) report of case \(name.terminalSafe) to \(out)\(files.count > 1 ? " and \(files.count - 1) figure file(s)" : "")\n")
            }
        } catch let error as ExportError {
            Output.error(error.description); throw ExitCode(1)
        } catch let error as CaseStoreError {
            Output.error(error.description); throw ExitCode(1)
        }
        let broken = report.evidence.filter { $0.custody != "unchanged" }
        for e in broken { Output.error("\(e.path): \(e.custodyDetail)") }
        if !broken.isEmpty { throw ExitCode(1) }
    }
}
