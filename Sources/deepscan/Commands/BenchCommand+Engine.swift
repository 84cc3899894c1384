// `deepscan bench engine`: NeuralKit inference latency against ONNX Runtime on the same models,
// shapes and thread count. Models: MobileNetV2 (torchvision layout, BatchNorm folded, as the
// spatial branch runs it) at 224x224 and 128x128, a bidirectional LSTM (sequence 32, input 64,
// hidden 128) and the parity fixture's convolutional autoencoder, each at batch 1 and 16. FLOPs
// are counted from the layer geometry (`FLOPCount`); the machine's sgemm peak is measured in the
// same run, with the same threads. Also: MobileNetV2 training throughput at 128x128 (batch 16,
// forward + backward + AdamW), and the peak RSS of one 224x224 inference in a child process
// (BenchCommand+EngineProbes.swift). ORT runs through Scripts/ort_bench.py; without onnxruntime
// its columns stay empty. Goals (issue #3): ratio <= 1.0 on the CNNs, >= 40% of sgemm peak on
// the convolution-heavy model, <= 100 MB beyond the weights.
import ArgumentParser
import Foundation
import NeuralKit

extension BenchCommand {
    struct Engine: Suite {
        static let suiteName = "engine"
        static let configuration = CommandConfiguration(
            commandName: "engine",
            abstract: "NeuralKit inference and training speed; compare with ONNX Runtime (Scripts/setup-bench).")

        @OptionGroup var options: Options
        @Option(help: "Threads for NeuralKit, OpenBLAS and ONNX Runtime (default: all cores).")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "Skip the training-throughput figure (the slowest part).") var noTraining = false
        @Option(help: "Only the cases whose name contains this text (repeatable), e.g. --only mobilenet_v2.")
        var only: [String] = []
        /// The child-process side of the RSS measurement (see `EngineProbes.rss`).
        @Flag(help: .hidden) var rssProbe = false

        /// One benchmarked model at one input shape; the JSON form is what Scripts/ort_bench.py reads.
        struct Case: Encodable {
            var name: String
            var model: String
            var input: [Int]
            var hidden: Int?
        }

        static let lstmSequence = 32, lstmInput = 64, lstmHidden = 128, autoencoderSize = 128

        static var cases: [Case] {
            var out: [Case] = []
            for size in [224, 128] {
                for batch in [1, 16] {
                    out.append(Case(name: "mobilenet_v2 \(size) b\(batch)", model: "mobilenet_v2", input: [batch, 3, size, size]))
                }
            }
            for batch in [1, 16] {
                out.append(Case(name: "bilstm T\(lstmSequence) H\(lstmHidden) b\(batch)", model: "bilstm",
                                input: [batch, lstmSequence, lstmInput], hidden: lstmHidden))
            }
            for batch in [1, 16] {
                out.append(Case(name: "autoencoder \(autoencoderSize) b\(batch)", model: "autoencoder",
                                input: [batch, 1, autoencoderSize, autoencoderSize]))
            }
            return out
        }

        /// The NeuralKit model of a case, in inference mode.
        static func model(for c: Case) -> any Layer {
            var rng = SeededRandom(seed: 7)
            switch c.model {
            case "mobilenet_v2": return MobileNetV2.make(rng: &rng).foldingBatchNorm()
            case "bilstm":
                return LSTM(inputSize: c.input[2], hiddenSize: c.hidden ?? lstmHidden, bidirectional: true, rng: &rng)
            default:
                let m = ConvAutoencoder.make(rng: &rng)
                m.setTraining(false)
                return m
            }
        }

        func validate() throws {
            guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        }

        func run() throws {
            guard options.runs >= 1 else { throw ValidationError("--runs must be at least 1") }
            Parallel.setThreads(threads)
            if rssProbe { try EngineProbes.printRSSProbe(); return }
            try BenchCommand.print(try measure(), json: options.json)
        }

        func measure() throws -> EngineReport {
            Parallel.setThreads(threads)
            let runs = options.runs
            let cases = Self.cases.filter { c in only.isEmpty || only.contains { c.name.contains($0) } }
            guard !cases.isEmpty else { throw ValidationError("--only \(only) matches no case of \(Self.cases.map(\.name))") }
            // ORT times each case just before we do, so load changes between cases hit both alike.
            let peer = EngineProbes.ORTPeer.start(cases: cases, threads: threads)
            var rows: [EngineReport.Row] = []
            for c in cases {
                let model = Self.model(for: c)
                var rng = SeededRandom(seed: 11)
                let x = Tensor(shape: c.input, rng: &rng) { $0.normal() }
                let flops = FLOPCount.forward(model, input: x)
                let ortMs = try peer.peer?.medianMs(c.name, runs: runs)
                // ORT's idle workers spin for a while after its last run (its default); in one pair of
                // runs ours right after it were up to 2x slower than without ORT, so let them park.
                if ortMs != nil { Thread.sleep(forTimeInterval: 0.5) }
                let seconds = try BenchCommand.medianSeconds(runs: runs) { _ = model.forward(x) }
                rows.append(EngineReport.Row(name: c.name, flops: flops, medianSeconds: seconds, ortMs: ortMs))
            }
            let peak = try EngineProbes.sgemmPeak(runs: runs, threads: threads)
            let training = noTraining ? nil : try EngineProbes.trainingThroughput(runs: min(runs, 5))
            let rss = try EngineProbes.rss(threads: threads)
            return EngineReport(suite: Self.suiteName, threads: threads, runs: runs, rows: rows,
                                sgemmPeakGFLOPs: max(peak.openBLAS, peak.neuralKit), sgemmOpenBLASGFLOPs: peak.openBLAS,
                                sgemmNeuralKitGFLOPs: peak.neuralKit, trainingSamplesPerSecond: training, rss: rss,
                                ort: peer.peer.map { "onnxruntime \($0.version)" }, ortNote: peer.note,
                                openblasCoreType: ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"],
                                loadAverage: BenchCommand.loadAverage())
        }
    }
}
