// Timing the forensic analyses on one image: the median wall-clock time of each analysis over a
// few runs, plus the whole suite. `deepscan bench forensic` (BenchCommand+Forensic.swift) wraps it
// and adds the whole branch and its peers. Measure release builds only (`swift build -c release`):
// debug Swift is 10-50x slower on these loops.
import Foundation

/// Per-analysis timings on one input.
public enum ForensicBenchmark {
    /// One analysis's timing.
    public struct Figure: Sendable, Equatable, Codable {
        /// Analysis id, or `total` for the whole suite as the branch runs it (concurrently).
        public var id: String
        /// Median wall-clock milliseconds.
        public var medianMs: Double
        /// Fastest run, milliseconds.
        public var minMs: Double
    }

    /// Runs each analysis of `suite` `runs` times (after one untimed warm-up) on `input` and
    /// returns the median per analysis and for the whole suite, in suite order, `total` last.
    public static func run(_ input: ForensicInput, suite: [ForensicSuite.Entry] = ForensicSuite.standard, runs: Int = 3) throws -> [Figure] {
        var figures: [Figure] = []
        for entry in suite {
            let t = try time(runs: runs) { _ = try entry.analysis.analyze(input) }
            figures.append(Figure(id: entry.analysis.id, medianMs: t.median, minMs: t.min))
        }
        // The suite as the branch runs it: analyses spread over the cores.
        let total = try time(runs: runs) { _ = try ForensicSuite.run(suite, on: input) }
        figures.append(Figure(id: "total", medianMs: total.median, minMs: total.min))
        return figures
    }

    /// Median and minimum milliseconds of `runs` calls, after one untimed call.
    static func time(runs: Int, _ body: () throws -> Void) throws -> (median: Double, min: Double) {
        try body()
        var ms: [Double] = []
        for _ in 0..<max(runs, 1) {
            let start = ContinuousClock.now
            try body()
            let d = ContinuousClock.now - start
            ms.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
        }
        ms.sort()
        let mid = ms.count / 2
        return (ms.count % 2 == 1 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2, ms[0])
    }

    /// The figures as an aligned text table.
    public static func table(_ figures: [Figure]) -> String {
        figures.map { f in
            f.id.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%9.1f ms (min %.1f)", f.medianMs, f.minMs)
        }.joined(separator: "\n")
    }
}
