// `deepscan bench precision`: NeuralKit's MobileNetV2 (BatchNorm folded, 1000 classes) in Float32
// against the same network with its GEMMs in bf16 (`ComputePrecision.bfloat16`, oneDNN), at
// 224x224, batch 1 and batch 16: median latency of each and the ratio; the weights' size as
// Float32, as held in bf16 mode, and as F32 / F16 safetensors files; and what bf16 (and F16 weight
// storage) changes in the answers: max and mean absolute logit deviation and top-1 agreement with
// Float32 on 16 real images (the three photos of samples/ and frames of its two videos, resized
// and centre-cropped like torchvision's ImageNet preprocessing). One GEMM-only row (a 1x1
// convolution of the network) shows what bf16 does where it applies; the whole network gains less,
// because its depthwise convolutions and elementwise layers stay Float32.
// The weights are torchvision's ImageNet MobileNetV2 when Scripts/fetch-pretrained-mobilenetv2 has
// put them in cache/pretrained/, otherwise a seeded random initialisation (the report says which:
// top-1 agreement of an untrained network says little). No detection branch is trained yet, so
// the branch's AUC change cannot be measured; logit deviation and top-1 agreement are the proxy.
import ArgumentParser
import Foundation
import Media
import NeuralKit

extension BenchCommand {
    struct Precision: Suite {
        static let suiteName = "precision"
        static let configuration = CommandConfiguration(
            commandName: "precision",
            abstract: "MobileNetV2 in Float32 against bf16 compute (oneDNN): latency, weight memory, logit change on real images.")

        @OptionGroup var options: Options

        static let pretrained = "cache/pretrained/mobilenet_v2.safetensors"
        static let side = 224

        func measure() throws -> PrecisionReport {
            let support = BF16Support.detected
            guard support.available else {
                throw Failure(PrecisionError.bf16Unsupported(isa: support.isa).description + " Nothing to compare.")
            }
            let photos = ["samples/photo-exif.jpg", "samples/ela_original.jpg", "samples/ela_modified.jpg"]
            let videos = [("samples/cockatoo-720p.mp4", 8), ("samples/webcam-face.avi", 5)]
            for f in photos + videos.map(\.0) where !FileManager.default.fileExists(atPath: f) {
                throw Failure("\(f) not found: run from the repository root.")
            }
            let usePretrained = FileManager.default.fileExists(atPath: Self.pretrained)
            // Two separate networks: folding shares the classifier, and precision is per layer.
            let f32 = try Self.network(pretrained: usePretrained).foldingBatchNorm()
            let bf16 = try Self.network(pretrained: usePretrained).foldingBatchNorm()
            try bf16.setPrecision(.bfloat16)

            var images: [RGBImage] = try photos.map { try ImageDecoder.decode(path: $0) }
            for (path, count) in videos {
                let reader = try VideoReader(path: path)
                for i in 0..<count { images.append(try reader.frame(at: (2 * i + 1) * reader.frameCount / (2 * count)).image) }
            }
            let batch16 = Self.tensor(images.map(ImageNetInput.preprocess), side: Self.side)
            let batch1 = Self.tensor([ImageNetInput.preprocess(images[0])], side: Self.side)

            // Latency with one thread and with the machine's count, both libraries alike (OpenBLAS
            // for Float32, oneDNN's OpenMP for bf16). Each side runs in its own block rather than
            // alternating: libgomp's idle threads spin for milliseconds after each oneDNN call
            // (OMP_WAIT_POLICY unset), and alternating would hand that spinning to the Float32 runs.
            let machineThreads = Parallel.threads
            defer { Parallel.setThreads(machineThreads); BF16GEMM.setThreads(machineThreads) }
            var rows: [PrecisionReport.Latency] = []
            for threads in Set([1, machineThreads]).sorted() {
                Parallel.setThreads(threads); BF16GEMM.setThreads(threads)
                let suffix = ", \(threads) thread\(threads == 1 ? "" : "s")"
                for (label, x, runs) in [("batch 1", batch1, options.runs * 4), ("batch 16", batch16, options.runs)] {
                    let a = try BenchCommand.medianSeconds(runs: runs) { _ = f32.forward(x) }
                    let b = try BenchCommand.medianSeconds(runs: runs) { _ = bf16.forward(x) }
                    rows.append(.init(name: "\(label) 224x224" + suffix, float32Ms: a * 1000, bfloat16Ms: b * 1000, runs: runs))
                }
                // The GEMM alone: one of the network's 1x1 expansions (features.12: 96 -> 576 at 14x14), batch 16.
                let (c32, c16, x) = try Self.pointwiseLayer()
                let a = try BenchCommand.medianSeconds(runs: options.runs * 4) { _ = c32.forward(x) }
                let b = try BenchCommand.medianSeconds(runs: options.runs * 4) { _ = c16.forward(x) }
                rows.append(.init(name: "GEMM only: 1x1 conv 96->576 14x14 b16" + suffix, float32Ms: a * 1000, bfloat16Ms: b * 1000,
                                  runs: options.runs * 4))
            }

            // Accuracy on the 16 real images: bf16 compute, and Float32 compute from F16-stored weights.
            let reference = f32.forward(batch16).copy()
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("deepscan-precision-\(getpid())")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: tmp) }
            // Weight files hold the state dict as trained (BatchNorm unfolded), as a shipped model would.
            let p32 = tmp.appendingPathComponent("f32.safetensors").path, p16 = tmp.appendingPathComponent("f16.safetensors").path
            let stateDict = try Self.network(pretrained: usePretrained)
            try stateDict.saveWeights(to: p32)
            try stateDict.saveWeights(to: p16, precision: .float16)
            let f16Net = try Self.network(pretrained: false)
            try f16Net.loadWeights(path: p16)
            let fromF16 = f16Net.foldingBatchNorm()
            let accuracy = [
                PrecisionReport.Agreement(name: "bf16 compute", logits: bf16.forward(batch16), reference: reference),
                PrecisionReport.Agreement(name: "F16 weights, Float32 compute", logits: fromF16.forward(batch16), reference: reference),
            ]

            let f32Bytes = f32.namedParameters().reduce(0) { $0 + 4 * $1.1.value.count }
            // In bf16 mode a GEMM weight is needed only as its bf16 copy (half its Float32 bytes).
            let copies = bf16.reducedPrecisionWeightBytes
            func fileSize(_ p: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: p)[.size] as? Int) ?? 0 }
            let memory = PrecisionReport.Memory(
                float32MB: Double(f32Bytes) / 1e6,
                bfloat16MB: Double(f32Bytes - 2 * copies + copies) / 1e6,
                bfloat16CopiesMB: Double(copies) / 1e6,
                fileF32MB: Double(try fileSize(p32)) / 1e6, fileF16MB: Double(try fileSize(p16)) / 1e6)

            #if DEBUG
            let build = "debug"
            #else
            let build = "release"
            #endif
            let env = ProcessInfo.processInfo.environment
            return PrecisionReport(
                suite: Self.suiteName, build: build, isa: support.isa, openblasThreads: machineThreads,
                openblasCoretype: env["OPENBLAS_CORETYPE"], ompThreads: env["OMP_NUM_THREADS"], ompWaitPolicy: env["OMP_WAIT_POLICY"],
                weights: usePretrained ? "torchvision ImageNet MobileNetV2 (\(Self.pretrained))"
                                       : "random initialisation, seed 0 (run Scripts/fetch-pretrained-mobilenetv2 for ImageNet weights)",
                images: images.count, latency: rows, memory: memory, accuracy: accuracy, loadAverage: BenchCommand.loadAverage())
        }

        /// MobileNetV2 with 1000 classes in inference mode (fold its BatchNorm to run it).
        static func network(pretrained: Bool) throws -> Sequential {
            var rng = SeededRandom(seed: 0)
            let m = MobileNetV2.make(rng: &rng)
            if pretrained { try m.loadWeights(path: Self.pretrained) }
            m.setTraining(false)
            return m
        }

        /// A 96 -> 576 pointwise convolution (MobileNetV2's features.12 expansion) twice, the second
        /// in bf16, and a (16, 96, 14, 14) input.
        static func pointwiseLayer() throws -> (Conv2d, Conv2d, Tensor) {
            var rng = SeededRandom(seed: 1)
            let a = Conv2d(96, 576, kernel: 1, bias: false, rng: &rng)
            rng = SeededRandom(seed: 1)
            let b = Conv2d(96, 576, kernel: 1, bias: false, rng: &rng)
            try b.setPrecision(.bfloat16)
            let x = Tensor(shape: [16, 96, 14, 14], rng: &rng) { $0.uniform(0, 6) }
            return (a, b, x)
        }

        /// (N, 3, side, side) from N preprocessed images.
        static func tensor(_ images: [[Float]], side: Int) -> Tensor {
            Tensor(shape: [images.count, 3, side, side], values: images.flatMap { $0 })
        }
    }
}
