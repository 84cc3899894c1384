import Testing
import Forensics
import Evidence
import Media
import TestSupport
import Foundation

@Suite struct ForensicProbe {
    func ascii(_ m: Heatmap) {
        for y in 0..<m.height { print(String((0..<m.width).map { x in let v = m[x, y]; return v > 0.8 ? "#" : v > 0.5 ? "+" : v > 0.25 ? "." : " " })) }
    }
    func show(_ name: String, _ r: AnalysisResult) {
        print(name, r.id, r.score ?? -1, r.measurements.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%.3f", $0.value))" }.joined(separator: " "))
        for f in r.findings { print("   ", f.message) }
    }
    @Test func probe() throws {
        let f = SpliceFixture.shared
        let half = Synthetic.halved(Synthetic.photo)
        let inputs: [(String, ForensicInput)] = [("orig", f.original), ("mod", f.modified),
            ("photo", try SpliceFixture.load("photo-exif.jpg")),
            ("q90", try Synthetic.saved(half, qualities: [90])), ("q60q90", try Synthetic.saved(half, qualities: [60, 90])),
            ("q75q85", try Synthetic.saved(half, qualities: [75, 85]))]
        for (name, input) in inputs {
            for a in [DoubleQuantisationAnalysis() as any ForensicAnalysis, JPEGGhostAnalysis()] {
                let r = try a.analyze(input)
                show(name, r)
                if name == "mod" { for m in r.maps { ascii(m) } }
            }
        }
    }
}
