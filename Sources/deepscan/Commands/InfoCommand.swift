import ArgumentParser
import Evidence
import Media

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Identify files by content and print their metadata.")
    @Argument(help: "Files to inspect.") var files: [String]
    func run() throws {
        for f in files { _ = try MediaInspector.summarize(f) }
    }
}
