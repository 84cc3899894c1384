// The benchmark function on a small image (it runs and reports every analysis), and, when
// DEEPSCAN_BENCH_FILE names a JPEG, the timing of the whole suite on it. Measure with a release
// build: DEEPSCAN_BENCH_FILE=big.jpg swift test -c release --filter ForensicBenchmark
import Forensics
import Foundation
import Media
import Testing

@Suite("Forensic benchmark")
struct ForensicBenchmarkTests {
    @Test func reportsEveryAnalysisAndTheTotal() throws {
        let small = Synthetic.halved(Synthetic.halved(Synthetic.photo))
        let figures = try ForensicBenchmark.run(Synthetic.saved(small, qualities: [90]), runs: 1)
        #expect(figures.map(\.id) == ForensicSuite.standard.map(\.analysis.id) + ["total"])
        #expect(figures.allSatisfy { $0.medianMs.isFinite && $0.medianMs >= 0 })
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["DEEPSCAN_BENCH_FILE"] != nil))
    func timeTheSuiteOnAGivenFile() throws {
        let path = ProcessInfo.processInfo.environment["DEEPSCAN_BENCH_FILE"]!
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let start = ContinuousClock.now
        let input = try ForensicInput.jpeg(data: data, path: path)
        print("decode \(ContinuousClock.now - start) for \(input.image.width)x\(input.image.height)")
        print(ForensicBenchmark.table(try ForensicBenchmark.run(input, runs: 3)))
    }
}
