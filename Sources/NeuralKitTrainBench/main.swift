// Training throughput of a small spatial CNN at 128x128, batch 16, on one and two data-parallel
// workers (NeuralKit's `DataParallel`): samples per second of full training steps (forward,
// BCE-with-logits, backward, gradient sum, AdamW update). Run in release:
//   swift build -c release --product neuralkit-train-bench && .build/release/neuralkit-train-bench [--steps N] [--json]
// Each configuration runs 3 warm-up steps, then `--rounds` timed rounds of `--steps` steps; the
// median round is reported, with the cores the process actually had (CPU time / wall time: on a
// shared machine two workers are only as fast as the cores they get) and samples per CPU-second
// (the work itself: equal across configurations when splitting the batch costs nothing).
// (The engine benchmark, `deepscan bench engine`, is separate.)
import Foundation
import NeuralKit

/// conv 3x3 stride 2 + BatchNorm + ReLU four times (3->16->32->64->128), global pool, linear -> 1 logit.
func spatialCNN() -> any Layer {
    var rng = SeededRandom(seed: 1)
    var layers: [any Layer] = []
    var channels = 3
    for width in [16, 32, 64, 128] {
        layers += [Conv2d(channels, width, kernel: 3, stride: 2, padding: 1, bias: false, rng: &rng), BatchNorm2d(width), Activation(.relu)]
        channels = width
    }
    return Sequential(layers + [GlobalAvgPool(), Linear(channels, 1, rng: &rng)])
}

struct Options {
    var steps = 10, rounds = 3, batch = 16, size = 128, json = false
    var workers: Int? = nil
    init(_ args: [String]) {
        var i = 0
        func next() -> Int {
            i += 1
            guard i < args.count, let v = Int(args[i]), v > 0 else {
                FileHandle.standardError.write("\(args[i - 1]) needs a positive integer\n".data(using: .utf8)!)
                exit(2)
            }
            return v
        }
        while i < args.count {
            switch args[i] {
            case "--steps": steps = next()
            case "--rounds": rounds = next()
            case "--batch": batch = next()
            case "--size": size = next()
            case "--workers": workers = next()
            case "--json": json = true
            default:
                FileHandle.standardError.write("unknown option \(args[i]); options: --steps N --rounds N --batch N --size N --workers N (only that count) --json\n".data(using: .utf8)!)
                exit(2)
            }
            i += 1
        }
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
var dataRNG = SeededRandom(seed: 7)
let input = Tensor(shape: [options.batch, 3, options.size, options.size], rng: &dataRNG) { $0.normal() }
let target = Tensor(shape: [options.batch, 1], rng: &dataRNG) { $0.nextUniform() < 0.5 ? 0 : 1 }
let defaultThreads = Parallel.threads

/// Process CPU time (user + system) in seconds.
func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}

/// Median samples/s of `rounds` rounds, and the cores busy on average (CPU time / wall time) over all rounds:
/// on a machine shared with other work, two workers can only be as fast as the cores they get.
@MainActor func measure(workers: Int, blasThreads: Int) -> (samplesPerSecond: Double, stepMilliseconds: Double, coresBusy: Double, samplesPerCPUSecond: Double) {
    Parallel.setThreads(blasThreads)
    defer { Parallel.setThreads(defaultThreads) }
    let dp = DataParallel(workers: workers, makeModel: spatialCNN)
    dp.threadsPerWorker = blasThreads
    let opt = AdamW(dp.model.parameters, learningRate: 1e-3)
    let step = { _ = dp.step(input: input, target: target, optimizer: opt) { Loss.bceWithLogits($0, $1) } }
    for _ in 0..<3 { step() }
    var rates: [Double] = []
    let cpu0 = cpuSeconds(), wall0 = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<options.rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<options.steps { step() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        rates.append(Double(options.steps * options.batch) / seconds)
    }
    let cpu = cpuSeconds() - cpu0, busy = cpu / (Double(DispatchTime.now().uptimeNanoseconds - wall0) / 1e9)
    let median = rates.sorted()[rates.count / 2]
    return (median, 1000 * Double(options.batch) / median, busy, Double(options.rounds * options.steps * options.batch) / cpu)
}

let configs: [(name: String, workers: Int, blas: Int)] = [
    ("1 worker, OpenBLAS \(defaultThreads) threads", 1, defaultThreads),
    ("1 worker, OpenBLAS 1 thread", 1, 1),
    ("2 workers, OpenBLAS 1 thread each", 2, 1),
]
var rows: [[String: Any]] = []
for c in configs where options.workers == nil || options.workers == c.workers {
    let r = measure(workers: c.workers, blasThreads: c.blas)
    rows.append(["config": c.name, "workers": c.workers, "blas_threads": c.blas,
                 "samples_per_second": (r.samplesPerSecond * 10).rounded() / 10, "step_ms": (r.stepMilliseconds * 10).rounded() / 10,
                 "cores_busy": (r.coresBusy * 100).rounded() / 100,
                 "samples_per_cpu_second": (r.samplesPerCPUSecond * 10).rounded() / 10])
}
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
let coreType = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "auto"
if options.json {
    let out: [String: Any] = ["model": "spatial CNN 4x(conv3x3 s2 + BN + ReLU) 3-16-32-64-128 + GAP + linear",
                              "input": [options.batch, 3, options.size, options.size], "openblas_coretype": coreType, "load_average_1min": load,
                              "cores": ProcessInfo.processInfo.activeProcessorCount, "results": rows]
    let data = try! JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys])
    print(String(data: data, encoding: .utf8)!)
} else {
    print("training throughput: spatial CNN, batch \(options.batch) x 3 x \(options.size) x \(options.size), AdamW + BCE, "
          + "\(ProcessInfo.processInfo.activeProcessorCount) cores, OPENBLAS_CORETYPE=\(coreType), load average \(load) before the run, median of \(options.rounds) x \(options.steps) steps")
    for r in rows {
        let name = (r["config"] as! String).padding(toLength: 36, withPad: " ", startingAt: 0)
        print("  \(name) \(String(format: "%7.1f", r["samples_per_second"] as! Double)) samples/s  \(String(format: "%7.1f", r["step_ms"] as! Double)) ms/step  \(String(format: "%.2f", r["cores_busy"] as! Double)) cores busy  \(String(format: "%6.1f", r["samples_per_cpu_second"] as! Double)) samples/CPU-s")
    }
}
