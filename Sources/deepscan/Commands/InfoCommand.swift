// `deepscan info FILE... [--json]`: identify each file by content and print its metadata.
// One bad file does not stop the others; the exit status is non-zero if any failed.
import ArgumentParser
import Evidence
import Foundation
import Media

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Identify files by content and print their facts and metadata.",
        discussion: "With --json prints one JSON object per file (JSON Lines); a file that cannot be read gives {\"path\", \"error\"}. A damaged file (truncated, unreadable) is described as far as it can be read and the exit status is 1.")

    @Argument(help: "Files to inspect.") var files: [String]
    @Flag(help: "Print JSON (one object per line) instead of text.") var json = false
    @OptionGroup var media: MediaOptionGroup

    func run() throws {
        var failed = 0
        for path in files {
            do {
                let summary = try MediaInspector.summarize(path, options: media.options)
                if json { try Output.jsonLine(summary) } else { Output.write(summary.text() + "\n") }
                // Damaged evidence is still described (what could be read is useful), but the
                // command fails so scripts notice.
                for f in summary.findings where f.severity == .critical {
                    failed += 1
                    Output.error("\(path): \(f.message)")
                }
            } catch {
                failed += 1
                Output.error("\(error)")
                if json { try Output.jsonLine(["path": path, "error": "\(error)"]) }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
