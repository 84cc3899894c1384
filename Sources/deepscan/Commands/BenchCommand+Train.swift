// `deepscan bench train`: training throughput of a small spatial CNN at 128x128, batch 16, on one
// and two data-parallel workers (NeuralKit's `DataParallel`): samples per second of full training
// steps (forward, BCE-with-logits, backward, gradient sum, AdamW update). Each configuration runs
// 3 warm-up steps, then `--runs` timed rounds of `--steps` steps; the median round is reported,
// with the cores the process actually had (CPU time / wall time: on a shared machine two workers
// are only as fast as the cores they get) and samples per CPU-second (the work itself: equal
// across configurations when splitting the batch costs nothing). The peer is the same model on
// one worker with NeuralKit's threads inside each product; the ratio is 2 workers over that.
// (MobileNetV2's training throughput is a row of `bench engine`.)
import ArgumentParser
import Foundation
import NeuralKit

extension BenchCommand {
    struct Train: Suite {
        static let suiteName = "train"
        static let configuration = CommandConfiguration(
            commandName: "train",
            abstract: "Training samples/s of a small CNN at 128x128 on 1 and 2 data-parallel workers.")

        @OptionGroup var options: Options
        @Option(help: "Training steps per timed round.") var steps = 10
        @Option(help: "Images per batch.") var batch = 16
        @Option(help: "Image side in pixels.") var size = 128

        struct Row: Encodable {
            var config: String
            var workers: Int
            var threadsPerWorker: Int
            var samplesPerSecond: Double
            var stepMs: Double
            var coresBusy: Double
            var samplesPerCPUSecond: Double
            enum CodingKeys: String, CodingKey {
                case config, workers, threadsPerWorker = "threads_per_worker", samplesPerSecond = "samples_per_second"
                case stepMs = "step_ms", coresBusy = "cores_busy", samplesPerCPUSecond = "samples_per_cpu_second"
            }
        }

        struct TrainReport: BenchReport {
            var suite = "train"
            var model = "spatial CNN 4x(conv3x3 s2 + BN + ReLU) 3-16-32-64-128 + GAP + linear, AdamW + BCE"
            var input: [Int]
            var roundsOfSteps: [Int]
            var loadAverageBefore: Double?
            var rows: [Row]
            /// 2 workers' samples/s over 1 worker's with the process's threads inside each product.
            var ratio: Double?

            var table: [[String]] {
                [["configuration", "samples/s", "ms/step", "cores busy", "samples/CPU-s"]]
                    + rows.map { [$0.config, String(format: "%.1f", $0.samplesPerSecond), String(format: "%.1f", $0.stepMs),
                                  String(format: "%.2f", $0.coresBusy), String(format: "%.1f", $0.samplesPerCPUSecond)] }
            }
            var leftAlignedColumns: Int { 1 }
            var notes: [String] {
                ["  \(model), input \(input.map(String.init).joined(separator: "x")), median of \(roundsOfSteps[0]) rounds x \(roundsOfSteps[1]) steps"
                    + (loadAverageBefore.map { ", load average \($0) before the run" } ?? ""),
                 ratio.map { "  2 workers / 1 worker: \(String(format: "%.2f", $0))x" } ?? ""].filter { !$0.isEmpty }
            }
        }

        func validate() throws {
            guard steps >= 1, batch >= 2, size >= 16 else { throw ValidationError("--steps >= 1, --batch >= 2, --size >= 16") }
        }

        func measure() throws -> TrainReport {
            var rng = SeededRandom(seed: 7)
            let input = Tensor(shape: [batch, 3, size, size], rng: &rng) { $0.normal() }
            let target = Tensor(shape: [batch, 1], rng: &rng) { $0.nextUniform() < 0.5 ? 0 : 1 }
            let processThreads = Parallel.threads
            let load = BenchCommand.loadAverage()
            var rows: [Row] = []
            for (name, workers, perWorker) in [("1 worker, \(processThreads) threads", 1, processThreads),
                                               ("1 worker, 1 thread", 1, 1), ("2 workers, 1 thread each", 2, 1)] {
                rows.append(Self.run(name: name, workers: workers, threads: perWorker, input: input, target: target,
                                     rounds: options.runs, steps: steps))
            }
            let ratio = rows[2].samplesPerSecond / rows[0].samplesPerSecond
            return TrainReport(input: [batch, 3, size, size], roundsOfSteps: [options.runs, steps],
                               loadAverageBefore: load, rows: rows, ratio: ratio)
        }

        /// conv 3x3 stride 2 + BatchNorm + ReLU four times (3->16->32->64->128), global pool, linear -> 1 logit.
        static func spatialCNN() -> any Layer {
            var rng = SeededRandom(seed: 1)
            var layers: [any Layer] = []
            var channels = 3
            for width in [16, 32, 64, 128] {
                layers += [Conv2d(channels, width, kernel: 3, stride: 2, padding: 1, bias: false, rng: &rng),
                           BatchNorm2d(width), Activation(.relu)]
                channels = width
            }
            return Sequential(layers + [GlobalAvgPool(), Linear(channels, 1, rng: &rng)])
        }

        /// Process CPU time (user + system) in seconds.
        static func cpuSeconds() -> Double {
            var u = rusage()
            getrusage(RUSAGE_SELF.rawValue, &u)
            return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
        }

        static func run(name: String, workers: Int, threads: Int, input: Tensor, target: Tensor, rounds: Int, steps: Int) -> Row {
            let batch = input.shape[0]
            let dp = DataParallel(workers: workers, makeModel: spatialCNN)
            dp.threadsPerWorker = threads
            let opt = AdamW(dp.model.parameters, learningRate: 1e-3)
            let step = { Parallel.withThreads(threads) { _ = dp.step(input: input, target: target, optimizer: opt) { Loss.bceWithLogits($0, $1) } } }
            for _ in 0..<3 { step() }
            var rates: [Double] = []
            let cpu0 = cpuSeconds(), wall0 = ContinuousClock.now
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                for _ in 0..<steps { step() }
                rates.append(Double(steps * batch) / seconds(ContinuousClock.now - start))
            }
            let cpu = cpuSeconds() - cpu0, busy = cpu / seconds(ContinuousClock.now - wall0)
            let median = rates.sorted()[rates.count / 2]
            return Row(config: name, workers: workers, threadsPerWorker: threads, samplesPerSecond: median,
                       stepMs: 1000 * Double(batch) / median, coresBusy: busy, samplesPerCPUSecond: Double(rounds * steps * batch) / cpu)
        }

        static func seconds(_ d: Duration) -> Double {
            Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
    }
}
