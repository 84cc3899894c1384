// `deepscan bench memory`: what NeuralKit's MobileNetV2 (BatchNorm folded, 1000 classes) costs in
// resident memory to load and to run one 224x224 image, for each way of holding its weights:
// Float32 with gradients allocated (how every model was held before gradients became lazy),
// Float32 alone, Float16 storage (`WeightStorage.float16`), bf16 compute beside Float32 masters,
// and bf16 compute with no Float32 master (`WeightStorage.bfloat16`). Each configuration runs in
// its own child process (`--child NAME`, this same executable), so each figure is that process's
// real peak (VmHWM of /proc/self/status), not an estimate. The child resets the peak after loading
// (writing 5 to /proc/self/clear_refs), so the inference peak is measured on its own, and reports
// it beyond the resident size before loading (runtime and libraries) and beyond the weights.
// It also times the forward pass (median of --runs; the reduced-storage rows alternate with a twin
// holding Float32 masters, same compute) and the widening of every Float16 weight to Float32,
// which is what Float16 storage adds to each forward pass.
// Weights: torchvision's ImageNet MobileNetV2 when Scripts/fetch-pretrained-mobilenetv2 has put
// them in cache/pretrained/, else a seeded random initialisation (the same bytes either way).
// On a CPU without AVX-512 BF16 the two bf16 rows are left out, and the report says why.
import ArgumentParser
import Foundation
import Media
import NeuralKit

extension BenchCommand {
    struct Memory: Suite {
        static let suiteName = "memory"
        static let configuration = CommandConfiguration(
            commandName: "memory",
            abstract: "Peak RSS of MobileNetV2 inference at 224x224 per weight storage (one child process each).",
            shouldDisplay: false)

        @OptionGroup var options: Options
        @Option(help: .hidden) var child: String?

        /// The configurations, in the order the table lists them.
        static let configurations: [(name: String, summary: String)] = [
            ("float32+grads", "Float32, gradients allocated (before lazy gradients)"),
            ("float32", "Float32, no gradients"),
            ("float16", "Float16 storage, widened on use"),
            ("bf16+float32", "bf16 compute beside Float32 masters"),
            ("bf16", "bf16 compute, bf16 copies only (rest Float16)"),
        ]

        func run() throws {
            guard options.runs >= 1 else { throw ValidationError("--runs must be at least 1") }
            if let child {
                let figures = try Self.measureChild(child, runs: options.runs, photo: options.file ?? Self.photo)
                let enc = JSONEncoder()
                enc.outputFormatting = [.sortedKeys]
                Swift.print(String(decoding: try enc.encode(figures), as: UTF8.self))
                return
            }
            try BenchCommand.print(try measure(), json: options.json)
        }

        static let photo = "samples/photo-exif.jpg"

        func measure() throws -> MemoryReport {
            let photo = options.file ?? Self.photo
            guard FileManager.default.fileExists(atPath: photo) else {
                throw Failure("\(photo) not found: run from the repository root, or pass --file IMAGE.")
            }
            // The bf16 rows need AVX-512 BF16; without it the others are still measured, and the report says why not those.
            let support = BF16Support.detected
            var rows: [MemoryReport.Row] = []
            for (name, _) in Self.configurations where support.available || !name.hasPrefix("bf16") {
                rows.append(try Self.spawnChild(name, runs: options.runs, photo: photo))
            }
            return MemoryReport(weights: FileManager.default.fileExists(atPath: Precision.pretrained)
                                    ? "torchvision ImageNet MobileNetV2 (\(Precision.pretrained))" : "seeded random initialisation",
                                photo: photo, runs: options.runs, openblasThreads: BLAS.threads,
                                loadAverage: BenchCommand.loadAverage(), rows: rows,
                                omitted: support.available ? nil : "bf16 rows: " + PrecisionError.bf16Unsupported(isa: support.isa).description)
        }

        /// Runs this executable as `bench memory --child NAME` and reads its one JSON line.
        static func spawnChild(_ name: String, runs: Int, photo: String) throws -> MemoryReport.Row {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            p.arguments = ["bench", "memory", "--child", name, "--runs", "\(runs)", "--file", photo]
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            let message = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else {
                throw Failure("the \(name) child process failed (status \(p.terminationStatus)): \(String(decoding: message, as: UTF8.self))")
            }
            do {
                return try JSONDecoder().decode(MemoryReport.Row.self, from: data)
            } catch {
                throw Failure("the \(name) child process printed no figures: \(String(decoding: data, as: UTF8.self))")
            }
        }

        /// In the child: load, set the storage, run, and measure this process.
        static func measureChild(_ name: String, runs: Int, photo: String) throws -> MemoryReport.Row {
            guard configurations.contains(where: { $0.name == name }) else {
                throw ValidationError("unknown configuration \(name); one of \(configurations.map(\.name).joined(separator: ", "))")
            }
            let input = Precision.tensor([ImageNetInput.preprocess(try ImageDecoder.decode(path: photo))], side: Precision.side)
            let before = try ProcessMemory.read()

            // Built in Float32 (the layers' initialisers), then: Float16 storage is set before the
            // weights load (they load straight into halves, and folding keeps them there); bf16
            // needs the folded layers' precision first.
            // The unfolded network is gone when `folded()` returns (its BatchNorms with it).
            func folded(_ name: String) throws -> Sequential {
                var rng = SeededRandom(seed: 0)
                let built = MobileNetV2.make(rng: &rng)
                if name == "float16" { try built.setWeightStorage(.float16) }
                if FileManager.default.fileExists(atPath: Precision.pretrained) { try built.loadWeights(path: Precision.pretrained) }
                built.setTraining(false)
                return built.foldingBatchNorm()
            }
            let model = try folded(name)
            switch name {
            case "float32+grads": try model.prepareForTraining()
            case "float16": try model.setWeightStorage(.float16)    // the classifier, shared unfolded: already Float16
            case "bf16+float32": try model.setPrecision(.bfloat16)
            case "bf16": try model.setPrecision(.bfloat16); try model.setWeightStorage(.bfloat16)
            default: break
            }
            let footprint = model.memoryFootprint
            let loaded = try ProcessMemory.read()

            try ProcessMemory.resetPeak()
            let start = DispatchTime.now().uptimeNanoseconds
            let logits = model.forward(input)
            let firstMs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            guard logits.shape == [1, 1000], (0..<1000).allSatisfy({ logits.pointer[$0].isFinite }) else {
                throw Failure("\(name): the network answered \(logits.shape) with non-finite logits")
            }
            let inference = try ProcessMemory.read()
            let scratch = WeightMemory.threadScratchBytes

            // Latency: alternating with a Float32 twin in this process (after the memory figures),
            // so the machine's load, which other processes change, hits both alike.
            var forwardS: Double, twinS: Double?
            if name == "float16" || name == "bf16" {
                let twin = try folded("float32")
                if name == "bf16" { try twin.setPrecision(.bfloat16) }   // the twin of bf16 is bf16 beside Float32
                (forwardS, twinS) = try BenchCommand.medianSeconds(runs: runs, ours: { _ = model.forward(input) },
                                                                   peer: { _ = twin.forward(input) })
            } else {
                forwardS = try BenchCommand.medianSeconds(runs: runs) { _ = model.forward(input) }
            }
            // Widening alone: every Float16 weight read once in order (more weights than scratch
            // slots, so each read widens, as in a forward pass; bf16 copies are used as they are).
            let reduced = model.namedParameters().map(\.1).filter { $0.weightStorage == .float16 }
            let widenS = reduced.isEmpty ? 0 : try BenchCommand.medianSeconds(runs: runs) {
                for p in reduced { _ = p.value.pointer }
            }
            return MemoryReport.Row(
                name: name, summary: configurations.first { $0.name == name }!.summary,
                startKB: before.rssKB, loadedKB: loaded.rssKB, loadPeakKB: loaded.peakKB, inferencePeakKB: inference.peakKB,
                valueBytes: footprint.valueBytes, gradientBytes: footprint.gradientBytes, bf16CopyBytes: footprint.reducedCopyBytes,
                scratchBytes: scratch, firstForwardMs: firstMs, forwardMs: forwardS * 1000, twinForwardMs: twinS.map { $0 * 1000 }, widenMs: widenS * 1000,
                widenedScalars: reduced.reduce(0) { $0 + $1.count })
        }
    }
}
