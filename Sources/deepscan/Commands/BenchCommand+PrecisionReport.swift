// What `deepscan bench precision` reports: latency per batch size in Float32 and bf16 and their
// ratio, the weights' size per representation, and the logit change on real images.
import Foundation
import NeuralKit

extension BenchCommand {
    struct PrecisionReport: BenchReport {
        struct Latency: Codable {
            var name: String
            var float32Ms: Double
            var bfloat16Ms: Double
            /// float32 / bf16: above 1 means bf16 is faster.
            var speedup: Double
            var runs: Int
            enum CodingKeys: String, CodingKey { case name, float32Ms = "float32_ms", bfloat16Ms = "bfloat16_ms", speedup, runs }

            init(name: String, float32Ms: Double, bfloat16Ms: Double, runs: Int) {
                self.name = name; self.float32Ms = float32Ms; self.bfloat16Ms = bfloat16Ms; self.runs = runs
                speedup = float32Ms / max(bfloat16Ms, 1e-9)
            }
        }

        struct Memory: Codable {
            /// Every parameter as Float32.
            var float32MB: Double
            /// What bf16 inference needs: GEMM weights as bf16, depthwise weights and biases as Float32.
            var bfloat16MB: Double
            /// The bf16 copies alone (held beside the Float32 parameters, which stay for training and switching back).
            var bfloat16CopiesMB: Double
            var fileF32MB: Double
            var fileF16MB: Double
            enum CodingKeys: String, CodingKey {
                case float32MB = "float32_mb", bfloat16MB = "bfloat16_mb", bfloat16CopiesMB = "bfloat16_copies_mb"
                case fileF32MB = "file_f32_mb", fileF16MB = "file_f16_mb"
            }
        }

        /// Logits of a reduced-precision run against Float32's on the same images.
        struct Agreement: Codable {
            var name: String
            var maxAbsDeviation: Double
            var meanAbsDeviation: Double
            /// Max deviation over the largest |logit|.
            var relativeMaxDeviation: Double
            var top1Agree: Int
            var images: Int
            enum CodingKeys: String, CodingKey {
                case name, maxAbsDeviation = "max_abs_deviation", meanAbsDeviation = "mean_abs_deviation"
                case relativeMaxDeviation = "relative_max_deviation", top1Agree = "top1_agree", images
            }

            /// logits, reference: (N, classes)
            init(name: String, logits: Tensor, reference: Tensor) {
                self.name = name
                let a = logits.toArray(), b = reference.toArray(), n = reference.shape[0], k = reference.shape[1]
                var maxDev: Float = 0, sum = 0.0, agree = 0
                for i in 0..<a.count { let d = abs(a[i] - b[i]); maxDev = max(maxDev, d); sum += Double(d) }
                func top(_ v: [Float], _ row: Int) -> Int { (0..<k).max { v[row * k + $0] < v[row * k + $1] }! }
                for r in 0..<n where top(a, r) == top(b, r) { agree += 1 }
                maxAbsDeviation = Double(maxDev); meanAbsDeviation = sum / Double(a.count)
                relativeMaxDeviation = Double(maxDev / reference.maxAbs()); top1Agree = agree; images = n
            }
        }

        var suite: String
        var build: String
        var isa: String
        var openblasThreads: Int
        var openblasCoretype: String?
        var ompThreads: String?
        var ompWaitPolicy: String?
        var weights: String
        var images: Int
        var latency: [Latency]
        var memory: Memory
        var accuracy: [Agreement]
        var loadAverage: Double?
        enum CodingKeys: String, CodingKey {
            case suite, build, isa, openblasThreads = "openblas_threads", openblasCoretype = "openblas_coretype"
            case ompThreads = "omp_num_threads", ompWaitPolicy = "omp_wait_policy", weights, images, latency, memory, accuracy, loadAverage = "load_average"
        }

        var table: [[String]] {
            [["MobileNetV2", "float32", "bf16", "float32/bf16"]]
            + latency.map { [$0.name + " ms", String(format: "%.2f", $0.float32Ms), String(format: "%.2f", $0.bfloat16Ms), String(format: "%.2f", $0.speedup)] }
            + [["weights in memory MB", String(format: "%.1f", memory.float32MB), String(format: "%.1f", memory.bfloat16MB),
                String(format: "%.2f", memory.float32MB / memory.bfloat16MB)],
               ["weights file MB (F32 / F16)", String(format: "%.1f", memory.fileF32MB), String(format: "%.1f", memory.fileF16MB),
                String(format: "%.2f", memory.fileF32MB / memory.fileF16MB)]]
        }
        var leftAlignedColumns: Int { 1 }
        var notes: [String] {
            var lines = ["", "logits against float32 on \(images) real images (samples/ photos and video frames):"]
            for a in accuracy {
                let name = a.name.padding(toLength: 30, withPad: " ", startingAt: 0)
                lines.append("  " + name + String(format: "max |dev| %.4f (%.2f%% of max |logit|), mean |dev| %.5f, top-1 agrees %d/%d",
                                                  a.maxAbsDeviation, 100 * a.relativeMaxDeviation, a.meanAbsDeviation, a.top1Agree, a.images))
            }
            lines.append("weights: \(weights)")
            lines.append(String(format: "bf16 mode holds %.1f MB of bf16 GEMM weights beside the Float32 parameters (kept for training and switching back).",
                                memory.bfloat16CopiesMB))
            var machine = "\(build) build; oneDNN ISA \(isa); machine threads \(openblasThreads)"
            if let openblasCoretype { machine += ", OPENBLAS_CORETYPE=\(openblasCoretype)" }
            if let ompThreads { machine += ", OMP_NUM_THREADS=\(ompThreads)" }
            machine += ", OMP_WAIT_POLICY=" + (ompWaitPolicy ?? "unset (libgomp spins after each call)")
            if let loadAverage { machine += String(format: "; load average %.2f", loadAverage) }
            lines.append(machine)
            lines.append("No detection branch is trained yet, so its AUC change cannot be measured: logit deviation and top-1 agreement are the proxy.")
            return lines
        }
    }
}
