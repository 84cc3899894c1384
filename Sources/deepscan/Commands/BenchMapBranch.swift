// The tui benchmark draws a heatmap over the video, as the workbench will once the forensic and
// spatial branches make maps; none of the registered branches makes one for video yet, so this
// stand-in adds a fixed map (a smooth 32x18 field) to the analysis. It never reaches a report
// outside `deepscan bench tui`.
import Detection
import Evidence

/// A branch that answers every video with one fixed evidence map.
struct BenchMapBranch: Branch {
    static let mapID = "forensic/bench-map"
    var id: String { "forensic" }
    var title: String { "benchmark map" }
    var media: Set<MediaKind> { [.video, .image] }
    var models: [String] { [] }

    func analyze(_ input: BranchInput) throws -> BranchOutput {
        let w = 32, h = 18
        var values = [Float](repeating: 0, count: w * h)
        for y in 0..<h { for x in 0..<w { values[y * w + x] = Float((x * 7 + y * 13) % 32) / 31 } }
        let map = Heatmap(width: w, height: h, values: values, label: "benchmark map")
        return BranchOutput(result: BranchResult(id: id, status: .ok, score: 0.5,
                                                 maps: [HeatmapRef(id: Self.mapID, label: map.label, width: w, height: h)]),
                            maps: [Self.mapID: map])
    }
}
