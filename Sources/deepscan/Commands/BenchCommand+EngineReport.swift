// What `deepscan bench engine` reports: one row per model and shape (NeuralKit median, achieved
// GFLOP/s, its share of the sgemm peak measured in the same run, ONNX Runtime's median and the
// ratio NeuralKit / ORT: below 1 is faster than ORT), then the sgemm peak, training throughput and
// memory as notes. ORT columns are empty when onnxruntime is not installed (never a made-up number).
import Foundation

extension BenchCommand {
    struct EngineReport: BenchReport {
        /// One model at one input shape.
        struct Row: Codable {
            var name: String
            var flops: Int
            var medianMs: Double
            var gflops: Double
            var ortMs: Double?
            /// NeuralKit time / ORT time: below 1 is faster than ORT.
            var ratio: Double?
            enum CodingKeys: String, CodingKey {
                case name, flops, medianMs = "median_ms", gflops = "gflop_s", ortMs = "ort_median_ms", ratio
            }

            init(name: String, flops: Int, medianSeconds: Double, ortMs: Double?) {
                self.name = name; self.flops = flops; self.ortMs = ortMs
                medianMs = medianSeconds * 1000
                gflops = Double(flops) / max(medianSeconds, 1e-12) / 1e9
                ratio = ortMs.map { medianMs / max($0, 1e-9) }
            }
        }

        /// Peak resident memory of one 224x224 MobileNetV2 inference, measured in a child process.
        struct Memory: Codable {
            /// VmRSS before the model was built (runtime and libraries).
            var startMB: Double
            /// Bytes of the folded model's weights.
            var weightsMB: Double
            /// VmHWM after one inference (high-water mark reset after building the model when the kernel allows).
            var peakMB: Double
            /// peak - start - weights: what inference itself needed.
            var beyondWeightsMB: Double
            /// True when /proc/self/clear_refs reset the high-water mark after the model was built.
            var peakReset: Bool
            enum CodingKeys: String, CodingKey {
                case startMB = "start_mb", weightsMB = "weights_mb", peakMB = "peak_mb"
                case beyondWeightsMB = "beyond_weights_mb", peakReset = "peak_reset"
            }
        }

        var suite: String
        var threads: Int
        var runs: Int
        var rows: [Row]
        /// The better of the two 1024^3 figures below: what "% sgemm" divides by.
        var sgemmPeakGFLOPs: Double
        /// `cblas_sgemm` with OpenBLAS's own threads.
        var sgemmOpenBLASGFLOPs: Double
        /// The same product through `BLAS.gemm` (blocks over NeuralKit's threads).
        var sgemmNeuralKitGFLOPs: Double
        var trainingSamplesPerSecond: Double?
        var rss: Memory?
        /// "onnxruntime <version>", or nil when it could not run.
        var ort: String?
        /// Why ORT figures are missing, if they are.
        var ortNote: String?
        var openblasCoreType: String?
        var loadAverage: Double?

        enum CodingKeys: String, CodingKey {
            case suite, threads, runs, rows, ort, rss
            case sgemmPeakGFLOPs = "sgemm_peak_gflop_s", sgemmOpenBLASGFLOPs = "sgemm_openblas_gflop_s"
            case sgemmNeuralKitGFLOPs = "sgemm_neuralkit_gflop_s", trainingSamplesPerSecond = "training_samples_per_s"
            case ortNote = "ort_note", openblasCoreType = "openblas_coretype", loadAverage = "load_average"
        }

        var table: [[String]] {
            [["model", "ms", "GFLOP/s", "% sgemm", "ORT ms", "ratio"]] + rows.map { r in
                [r.name, String(format: "%.2f", r.medianMs), String(format: "%.1f", r.gflops),
                 String(format: "%.0f%%", 100 * r.gflops / sgemmPeakGFLOPs),
                 r.ortMs.map { String(format: "%.2f", $0) } ?? "", r.ratio.map { String(format: "%.2f", $0) } ?? ""]
            }
        }
        var leftAlignedColumns: Int { 1 }

        var notes: [String] {
            var out = [String(format: "sgemm peak (1024^3, %d threads): %.1f GFLOP/s (OpenBLAS threading %.1f, NeuralKit BLAS.gemm blocks %.1f)",
                              threads, sgemmPeakGFLOPs, sgemmOpenBLASGFLOPs, sgemmNeuralKitGFLOPs)
                       + (openblasCoreType.map { " (OPENBLAS_CORETYPE=\($0))" } ?? "")]
            if let t = trainingSamplesPerSecond {
                out.append(String(format: "training MobileNetV2 128x128 batch 16 (forward+backward+AdamW): %.1f samples/s", t))
            }
            if let m = rss {
                out.append(String(format: "RSS, one 224x224 MobileNetV2 inference: peak %.1f MB, start %.1f MB, weights %.1f MB -> %.1f MB beyond start + weights%@",
                                  m.peakMB, m.startMB, m.weightsMB, m.beyondWeightsMB, m.peakReset ? "" : " (peak not reset after building)"))
            }
            out.append(ort.map { "peer: \($0), \(threads) intra-op threads; ratio = NeuralKit / ORT (below 1 is faster)" }
                       ?? "ORT: \(ortNote ?? "not installed — run Scripts/setup-bench")")
            out.append("medians of \(runs) runs after a warm-up" + (loadAverage.map { String(format: "; load average %.2f (shared machine)", $0) } ?? ""))
            return out
        }
    }
}
