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
        let moved = Synthetic.copyMove(Synthetic.photo, from: (120, 200), to: (520, 90), size: 64)
        let inputs: [(String, ForensicInput)] = [("orig", f.original), ("mod", f.modified),
            ("photo", try SpliceFixture.load("photo-exif.jpg")), ("moved", try Synthetic.saved(moved, qualities: [90]))]
        let clock = ContinuousClock()
        for (name, input) in inputs {
            let t0 = clock.now
            let r = try CopyMoveAnalysis().analyze(input)
            print(clock.now - t0)
            show(name, r)
        }
    }
}
