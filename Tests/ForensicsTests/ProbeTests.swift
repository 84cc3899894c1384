import Testing
import Forensics
import Evidence
import Media
import TestSupport
import Foundation

@Suite struct ForensicProbe {
    func show(_ name: String, _ r: AnalysisResult) {
        print(name, r.id, r.score ?? -1, r.measurements.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%.3f", $0.value))" }.joined(separator: " "))
        for f in r.findings { print("   ", f.message) }
    }
    @Test func probe() throws {
        let f = SpliceFixture.shared
        let up = Synthetic.resized(Synthetic.photo, by: 1.5)
        let inputs: [(String, ForensicInput)] = [("orig", f.original), ("mod", f.modified),
            ("photo", try SpliceFixture.load("photo-exif.jpg")), ("up1.5", ForensicInput(image: up)), ("up1.5q90", try Synthetic.saved(up, qualities: [90])),
            ("down0.8", ForensicInput(image: Synthetic.resized(Synthetic.photo, by: 0.8))), ("half", ForensicInput(image: Synthetic.halved(Synthetic.photo)))]
        let clock = ContinuousClock()
        for (name, input) in inputs {
            let t0 = clock.now
            for sc in [1, 2, 3, 5] as [Float] {
            let r = try ResamplingAnalysis(parameters: .init(residualScale: sc)).analyze(input)
            print(sc, terminator: " ")
            print(clock.now - t0)
            show(name, r) }
        }
    }
}
