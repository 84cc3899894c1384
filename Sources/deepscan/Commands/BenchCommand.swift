// `deepscan bench <suite>`: performance against a reference tool (or a target) on this machine.
// Each suite is one type (a `BenchCommand.Suite`, in its own BenchCommand+<Suite>.swift) listed in
// `suites`; the shared options, the timing, the median and the printed table or JSON live here,
// so adding a suite is writing its `measure()` and adding one line. A suite answers a
// `BenchReport`: the decode suite's fixed `Report`, or another shape (the tui suite's targets).
import ArgumentParser
import Foundation

struct BenchCommand: ParsableCommand {
    /// Every suite, in the order `deepscan bench --help` lists them.
    static let suites: [any ParsableCommand.Type] = [Decode.self, Forensic.self, Scan.self, TUI.self, Engine.self, Train.self, Precision.self, Memory.self]

    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure DeepScan against a reference tool (median of several runs).",
        subcommands: suites
    )

    /// Options every suite takes.
    struct Options: ParsableArguments {
        @Flag(help: "Print one JSON object instead of a table.") var json = false
        @Option(help: "Timed runs per side (after one untimed warm-up run each).") var runs = 5
        @Option(help: "Input file (each suite has a default sample).") var file: String?
    }

    /// One side of a comparison.
    struct Side: Codable {
        var name: String?
        var fps: Double
        var medianSeconds: Double
        enum CodingKeys: String, CodingKey { case name, fps, medianSeconds = "median_s" }
    }

    /// What a suite measured: `{suite, file, runs, ours: {fps, median_s}, peer: {name, fps, median_s}, ratio}`,
    /// and for suites with more than one figure `figures: {name: number}` (omitted when nil, so
    /// the decode suite's JSON is unchanged).
    struct Report: Codable, BenchReport {
        var suite: String
        var file: String
        var runs: Int
        var ours: Side
        var peer: Side
        /// ours.fps / peer.fps: above 1 is faster than the peer.
        var ratio: Double
        /// Further named figures (milliseconds end in `_ms`, ratios in `_ratio`), printed under the table.
        var figures: [String: Double]? = nil

        var table: [[String]] {
            [["suite", "file", "runs", "ours fps", "\(peer.name ?? "peer") fps", "ratio"],
             [suite, file, "\(runs)", String(format: "%.1f", ours.fps), String(format: "%.1f", peer.fps), String(format: "%.2f", ratio)]]
        }
        var leftAlignedColumns: Int { 2 }
        var notes: [String] {
            guard let figures else { return [] }
            let width = figures.keys.map(\.count).max() ?? 0
            return figures.sorted(by: { $0.key < $1.key }).map { name, value in
                "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(format: value.magnitude >= 100 ? "%.0f" : "%.3g", value)
            }
        }
    }

    /// A benchmark suite: a subcommand that measures and reports.
    protocol Suite: ParsableCommand {
        associatedtype Output: BenchReport
        static var suiteName: String { get }
        var options: Options { get }
        func measure() throws -> Output
    }

    /// Median wall-clock seconds of `runs` calls of `body`, after one untimed call (suites measured
    /// against a target rather than a peer).
    static func medianSeconds(runs: Int, _ body: () throws -> Void) throws -> Double {
        try medianSeconds(runs: runs, ours: body, peer: {}).ours
    }

    /// Median wall-clock seconds of `runs` calls of `ours` and of `peer`, after one untimed call of
    /// each. The two alternate, so a change in machine load (other builds) hits both alike.
    static func medianSeconds(runs: Int, ours: () throws -> Void, peer: () throws -> Void) throws -> (ours: Double, peer: Double) {
        func timed(_ body: () throws -> Void) throws -> Double {
            let start = ContinuousClock.now
            try body()
            let d = ContinuousClock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        func median(_ t: [Double]) -> Double {
            let s = t.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        try ours(); try peer()
        var a: [Double] = [], b: [Double] = []
        for _ in 0..<max(1, runs) {
            a.append(try timed(ours))
            b.append(try timed(peer))
        }
        return (median(a), median(b))
    }

    /// The 1-minute load average from /proc/loadavg (Linux), recorded beside figures because other
    /// builds on the same two cores move them; nil where it cannot be read.
    static func loadAverage() -> Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
    }

    /// A failure while benchmarking (printed without the usage text).
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ message: String) { description = message }
    }

    /// Runs a command line to completion, failing with its stderr if it fails.
    static func runTool(_ tool: String, _ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure("\(tool) \(args.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }

    static func print<R: BenchReport>(_ r: R, json: Bool) throws {
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            Swift.print(String(decoding: try enc.encode(r), as: UTF8.self))
            return
        }
        let rows = r.table
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
        for row in rows {
            Swift.print(row.enumerated().map { c, cell in
                c < r.leftAlignedColumns ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                                         : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  "))
        }
        for note in r.notes { Swift.print(note) }
    }
}

extension BenchCommand.Suite {
    func run() throws {
        guard options.runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        try BenchCommand.print(try measure(), json: options.json)
    }
}
