// What `deepscan bench tui` reports: each figure's median against its target, with the ratio
// target / measured (above 1 meets the target), the build it was measured in, and a note that the
// machine is shared and the figures are medians.
extension BenchCommand {
    /// Workbench figures against their targets.
    struct TUIReport: BenchReport {
        /// One measured figure.
        struct Figure: Codable {
            var name: String
            var medianMs: Double
            var targetMs: Double
            /// target / measured: above 1 meets the target.
            var ratio: Double
            var samples: Int
            enum CodingKeys: String, CodingKey { case name, medianMs = "median_ms", targetMs = "target_ms", ratio, samples }

            init(name: String, medianSeconds: Double, targetMs: Double, samples: Int) {
                self.name = name; self.targetMs = targetMs; self.samples = samples
                medianMs = medianSeconds * 1000
                ratio = targetMs / max(medianMs, 1e-9)
            }
        }

        var suite: String
        var file: String
        var build: String
        var figures: [Figure]
        var note: String

        var table: [[String]] {
            [["figure", "median ms", "target ms", "ratio", "samples"]] + figures.map {
                [$0.name, String(format: "%.2f", $0.medianMs), String(format: "%.0f", $0.targetMs), String(format: "%.2f", $0.ratio), "\($0.samples)"]
            }
        }
        var leftAlignedColumns: Int { 1 }
        var notes: [String] { [note] }
    }
}
