// `deepscan scan FILE... [--json] [--branches LIST] [--frames N|all] [--threshold T] [--maps DIR]`:
// analyse each file with the detection engine. Text is a compact table; --json prints one
// `deepscan.report/1` report per line. A file that cannot be read is reported and the rest go on.
import ArgumentParser
import Detection
import Evidence
import Foundation
import Media

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Analyse files with every applicable detection branch and print the verdict.")

    @Argument(help: "Files to analyse.") var files: [String]
    @Flag(help: "Print one deepscan.report/1 JSON report per line.") var json = false
    @Option(help: "Comma-separated branch ids to run (default: all).") var branches: String?
    @Option(help: "Video frames to sample: a number spread over the video, or 'all'.") var frames: String = "8"
    @Option(help: "Decision threshold (0-1); the inconclusive band moves with it.") var threshold: Double?
    @Option(help: "Write each report's heatmaps as JSON files into this folder.") var maps: String?
    @Option(help: "Fusion parameters file.") var fusion: String = "models/fusion.json"
    @Option(help: "Longest video or audio analysed, in seconds (default 3 hours).") var maxDuration: Double = EngineOptions().maxDuration
    @OptionGroup var media: MediaOptionGroup

    func validate() throws {
        if let threshold, !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
        if frames != "all", Int(frames).map({ $0 < 1 }) ?? true { throw ValidationError("--frames takes a positive number or 'all'") }
    }

    func run() throws {
        var options = EngineOptions()
        options.media = media.options
        options.threshold = threshold
        options.maxDuration = maxDuration
        options.sampling = frames == "all" ? .all : .spread(Int(frames)!)
        if let branches { options.branches = Set(branches.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let engine = try DetectionEngine(fusionFile: URL(fileURLWithPath: fusion))
        var failed = 0
        for path in files {
            do {
                let analysis = try engine.analyze(path, options: options)
                if let maps { try MapWriter.write(analysis, into: maps) }
                if json { try Output.jsonLine(analysis.report) } else { Output.write(analysis.report.text() + "\n") }
            } catch let e as EngineError {
                if case .unknownBranch = e { throw ValidationError(e.description) }
                failed += 1
                Output.error(e.description)
                if json { try Output.jsonLine(["path": path, "error": e.description]) }
            } catch {
                failed += 1
                Output.error("\(error)")
                if json { try Output.jsonLine(["path": path, "error": "\(error)"]) }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Writes an analysis's heatmaps as `<sha256-prefix>-<map id>.json` files.
enum MapWriter {
    static func write(_ a: Analysis, into dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (id, map) in a.maps {
            let name = "\(a.report.file.sha256.prefix(12))-\(id.replacingOccurrences(of: "/", with: "_")).json"
            try JSONEncoder().encode(map).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
        }
    }
}
