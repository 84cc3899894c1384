// What `deepscan bench memory` prints: one row per weight storage configuration, each measured in
// its own child process (see BenchCommand+Memory.swift), as a table or as JSON.
import Foundation

extension BenchCommand {
    struct MemoryReport: BenchReport {
        struct Row: Codable {
            var name: String
            var summary: String
            /// Resident KiB before the model exists (runtime, libraries, the decoded photo).
            var startKB: Int
            /// Resident KiB once the model is built, folded and stored as configured.
            var loadedKB: Int
            /// Peak resident KiB up to then (construction is Float32 in every configuration).
            var loadPeakKB: Int
            /// Peak resident KiB of the first inference, measured alone (peak reset after loading).
            var inferencePeakKB: Int
            var valueBytes: Int
            var gradientBytes: Int
            var bf16CopyBytes: Int
            /// Widening scratch this thread holds after inference.
            var scratchBytes: Int
            var firstForwardMs: Double
            var forwardMs: Double
            /// The same compute with Float32 masters, timed alternating with `forwardMs` (reduced storage rows).
            var twinForwardMs: Double?
            /// One pass widening every reduced-storage weight.
            var widenMs: Double
            var widenedScalars: Int

            var weightBytes: Int { valueBytes + gradientBytes + bf16CopyBytes }
            /// Peak of inference beyond what the process held before the model, and beyond the weights.
            var beyondWeightsKB: Int { inferencePeakKB - startKB - weightBytes / 1024 }

            enum CodingKeys: String, CodingKey {
                case name, summary, startKB = "start_kb", loadedKB = "loaded_kb", loadPeakKB = "load_peak_kb"
                case inferencePeakKB = "inference_peak_kb", valueBytes = "value_bytes", gradientBytes = "gradient_bytes"
                case bf16CopyBytes = "bf16_copy_bytes", scratchBytes = "scratch_bytes", firstForwardMs = "first_forward_ms"
                case forwardMs = "forward_ms", twinForwardMs = "float32_masters_forward_ms", widenMs = "widen_ms", widenedScalars = "widened_scalars"
            }
        }

        var suite = "memory"
        var weights: String
        var photo: String
        var runs: Int
        var openblasThreads: Int
        var loadAverage: Double?
        var rows: [Row]
        /// Why configurations are missing (bf16 on a CPU without AVX-512 BF16), or nil.
        var omitted: String?

        enum CodingKeys: String, CodingKey {
            case suite, weights, photo, runs, openblasThreads = "openblas_threads", loadAverage = "load_average", rows, omitted
        }

        private static func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
        private static func mbKB(_ kb: Int) -> String { String(format: "%.1f", Double(kb) / 1024) }

        var table: [[String]] {
            [["MobileNetV2 224x224", "weights MB", "grads MB", "bf16 MB", "scratch MB", "RSS start", "RSS loaded",
              "peak load", "peak infer", "infer beyond weights", "forward ms", "masters ms", "widen ms"]]
            + rows.map { r in
                [r.name, Self.mb(r.valueBytes), Self.mb(r.gradientBytes), Self.mb(r.bf16CopyBytes), Self.mb(r.scratchBytes),
                 Self.mbKB(r.startKB), Self.mbKB(r.loadedKB), Self.mbKB(r.loadPeakKB), Self.mbKB(r.inferencePeakKB),
                 Self.mbKB(r.beyondWeightsKB), String(format: "%.1f", r.forwardMs),
                 r.twinForwardMs.map { String(format: "%.1f", $0) } ?? "-", String(format: "%.2f", r.widenMs)]
            }
        }
        var leftAlignedColumns: Int { 1 }
        var notes: [String] {
            var lines = [""] + rows.map { "  \($0.name): \($0.summary)" }
            lines.append("RSS columns in MB (VmRSS / VmHWM of each configuration's own process); 'peak infer' is the first")
            lines.append("inference's peak with the peak reset after loading; 'infer beyond weights' = peak infer - RSS start - weight bytes.")
            lines.append("forward: median of \(runs) runs after the first, \(openblasThreads) OpenBLAS threads; masters: the same compute with")
            lines.append("Float32 masters, timed alternating with the row's own runs in the same process; widen: one pass over every")
            lines.append("Float16-stored weight (F16C), what Float16 storage adds to each forward pass (the classifier by row blocks in the")
            lines.append("forward pass itself). Latencies move with the machine's load (other processes); the RSS figures do not.")
            if let omitted { lines.append("omitted: " + omitted) }
            lines.append("weights: \(weights); photo: \(photo)" + (loadAverage.map { String(format: "; load average %.2f", $0) } ?? ""))
            return lines
        }
    }
}
