// `deepscan case analyse NAME [FILE...]`: analyse every evidence file of a case (or the ones named),
// verifying each hash first. A file that changed or went missing since intake is not analysed
// (unless an intact copy was kept with --copy-into-case) and the exit status is 1.
import ArgumentParser
import CaseStore
import Detection
import Foundation

struct CaseAnalyseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse", abstract: "Verify and analyse the evidence of a case, storing each run.", aliases: ["analyze"])

    @Argument(help: "Case name.") var name: String
    @Argument(help: "Only these evidence files (path, file name or SHA-256 prefix); default all.") var files: [String] = []
    @OptionGroup var analysis: CaseAnalysisOptions
    @OptionGroup var store: CaseStoreOptions

    func run() throws {
        let s = try store.open()
        let evidence = try CaseCLI.guarded {
            let c = try s.findCase(name)
            return files.isEmpty ? try s.evidence(caseId: c.id!) : try files.map { try s.findEvidence(caseName: name, file: $0).1 }
        }
        if evidence.isEmpty { Output.write("case '\(name.terminalSafe)' has no evidence yet\n"); return }
        let analyser = CaseAnalyser(store: s, engine: try DetectionEngine(fusionFile: URL(fileURLWithPath: analysis.fusion)),
                                    options: analysis.engineOptions, actor: store.actor)
        var failed = 0
        for e in evidence {
            do {
                Output.write(try CaseCLI.guarded { try analyser.analyse(e) } + "\n")
            } catch is ExitCode {
                failed += 1
            } catch {
                failed += 1
                Output.error("\(e.path): \(error)")
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
