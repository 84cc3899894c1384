// The `deepscan` executable: a root command with one subcommand per file in Commands/.
// Thin: every command parses its arguments and calls into the library targets.
import ArgumentParser

@main
struct DeepScan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deepscan",
        abstract: "Forensic workbench for suspicious images, video, audio and PDFs.",
        version: "0.1.0",
        subcommands: [OpenCommand.self, InfoCommand.self, ScanCommand.self, RevisionCommand.self, CaseCommand.self, ReportCommand.self, BenchCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
