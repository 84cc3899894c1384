import Testing
import Forensics
import Evidence

@Suite struct ForensicProbe {
    func ascii(_ m: Heatmap) {
        for y in 0..<m.height { print(String((0..<m.width).map { x in let v = m[x, y]; return v > 0.8 ? "#" : v > 0.5 ? "+" : v > 0.25 ? "." : " " })) }
    }
    @Test func probe() throws {
        let f = SpliceFixture.shared
        for bs in [16, 24] {
            for (name, input) in [("orig", f.original), ("mod", f.modified)] {
                let r = try NoiseResidualAnalysis(parameters: .init(blockSize: bs)).analyze(input)
                print(bs, name, r.id, r.score ?? -1, r.measurements.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%.3f", $0.value))" }.joined(separator: " "))
                if name == "mod" { ascii(r.maps[0]); ascii(r.maps[1]) }
            }
        }
    }
}
