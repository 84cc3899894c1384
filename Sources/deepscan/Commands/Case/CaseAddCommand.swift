// `deepscan case add NAME FILE... [--copy-into-case] [--analyse]`: take files into a case. Each is
// identified by content and hashed at intake; with --copy-into-case a read-only content-addressed
// copy is kept next to the database; with --analyse the engine runs and the run is stored. One
// bad file does not stop the others; the exit status is 1 if any failed.
import ArgumentParser
import CaseStore
import Detection
import Foundation

struct CaseAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add evidence files to a case (hashed at intake).")

    @Argument(help: "Case name.") var name: String
    @Argument(help: "Files to add.") var files: [String]
    @Flag(help: "Keep a read-only copy of each file in the case store (objects/ab/cdef…, by SHA-256).") var copyIntoCase = false
    @Flag(name: [.customLong("analyse"), .customLong("analyze")], help: "Analyse each file after intake and store the run.") var analyse = false
    @OptionGroup var analysis: CaseAnalysisOptions
    @OptionGroup var store: CaseStoreOptions

    func run() throws {
        let s = try store.open()
        _ = try CaseCLI.guarded { try s.findCase(name) }
        let analyser = try analyse ? CaseAnalyser(store: s, engine: DetectionEngine(fusionFile: URL(fileURLWithPath: analysis.fusion)),
                                                  options: analysis.engineOptions, actor: store.actor) : nil
        var failed = 0
        for file in files {
            do {
                let e = try CaseCLI.guarded {
                    try s.addEvidence(caseName: name, file: file, actor: store.actor, copy: copyIntoCase, media: analysis.media.options)
                }
                Output.write("added \(e.fileName.terminalSafe)  [\(e.media.rawValue)/\(e.format)]  sha256 \(e.sha256)\(e.objectPath.map { "  copy \($0)" } ?? "")\n")
                if let analyser {
                    let line = try CaseCLI.guarded { try analyser.analyse(e) }
                    Output.write("  \(line)\n")
                }
            } catch is ExitCode {
                failed += 1
            } catch {
                failed += 1
                Output.error("\(file): \(error)")
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
