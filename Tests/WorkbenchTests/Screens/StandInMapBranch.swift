// No registered branch makes evidence maps yet, so the evidence-layer tests add this one: it
// answers for images and videos with a fixed score and one diagonal-gradient map, as the
// forensic branch will with its ELA map.
import Detection
import Evidence

/// A branch that always answers with one map.
struct StandInMapBranch: Branch {
    static let mapID = "forensic/gradient"
    var id: String { "forensic" }
    var title: String { "stand-in map" }
    var media: Set<MediaKind> { [.image, .video] }
    var models: [String] { [] }

    func analyze(_ input: BranchInput) throws -> BranchOutput {
        let w = 16, h = 12
        let values = (0..<(w * h)).map { i in Float(i % w + i / w) / Float(w + h - 2) }
        let map = Heatmap(width: w, height: h, values: values, label: "gradient")
        let result = BranchResult(id: id, status: .ok, score: 0.3,
                                  maps: [HeatmapRef(id: Self.mapID, label: map.label, width: w, height: h)])
        return BranchOutput(result: result, maps: [Self.mapID: map])
    }
}
