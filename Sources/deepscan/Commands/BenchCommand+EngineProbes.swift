// The measurements of `deepscan bench engine` beside the latency table: ONNX Runtime through
// Scripts/ort_bench.py (cache/pyenv's interpreter when Scripts/setup-bench made it, else python3),
// the sgemm peak, MobileNetV2 training throughput, and peak RSS. ORT runs as a server (--serve)
// that times one case per request, just before NeuralKit times the same case. RSS is measured in a child
// process (this executable with the hidden --rss-probe flag) so nothing the parent did counts:
// the child reads VmRSS from /proc/self/status, builds the folded model, resets the high-water
// mark (`echo 5 > /proc/self/clear_refs`), runs one 224x224 inference and reads VmHWM.
import Foundation
import NeuralKit

extension BenchCommand {
    enum EngineProbes {
        /// Scripts/ort_bench.py --serve: ORT times one case per request, so NeuralKit times the
        /// same case right after it, under the same machine load.
        final class ORTPeer {
            private(set) var version = ""
            private let process = Process()
            private let input: FileHandle, output: FileHandle
            private var buffer = Data()

            /// Starts the helper with every case's session built; nil with the reason when ORT cannot run.
            static func start(cases: [Engine.Case], threads: Int) -> (peer: ORTPeer?, note: String?) {
                let script = "Scripts/ort_bench.py"
                guard FileManager.default.fileExists(atPath: script) else {
                    return (nil, "\(script) not found — run from the repository root")
                }
                let venv = "cache/pyenv/bin/python"
                let python = FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
                guard (try? capture(python, ["-c", "import onnx, onnxruntime, numpy"])) != nil else {
                    return (nil, "not installed — run Scripts/setup-bench")
                }
                do {
                    return (try ORTPeer(python: python, script: script, cases: cases, threads: threads), nil)
                } catch {
                    return (nil, "\(script) failed: \(error)")
                }
            }

            private init(python: String, script: String, cases: [Engine.Case], threads: Int) throws {
                let json = String(decoding: try JSONEncoder().encode(cases), as: UTF8.self)
                process.executableURL = URL(fileURLWithPath: python.contains("/") ? python : "/usr/bin/env")
                process.arguments = (python.contains("/") ? [] : [python]) + [script, "--serve", "--threads", "\(threads)", "--cases", json]
                let inPipe = Pipe(), outPipe = Pipe()
                process.standardInput = inPipe; process.standardOutput = outPipe
                process.standardError = FileHandle.nullDevice
                try process.run()
                input = inPipe.fileHandleForWriting; output = outPipe.fileHandleForReading
                let hello = try readLine()
                struct Ready: Decodable { var ready: Bool; var onnxruntime: String }
                guard let ready = try? JSONDecoder().decode(Ready.self, from: Data(hello.utf8)), ready.ready else {
                    throw Failure("unexpected greeting \(hello.prefix(200))")
                }
                version = ready.onnxruntime
            }

            /// Median milliseconds of `runs` ORT runs of case `name` (after one untimed), timed inside the helper.
            func medianMs(_ name: String, runs: Int) throws -> Double {
                input.write(Data("\(name)\t\(runs)\n".utf8))
                let line = try readLine()
                guard let ms = Double(line) else { throw Failure("ort_bench.py answered \(line.prefix(200))") }
                return ms
            }

            private func readLine() throws -> String {
                while true {
                    if let nl = buffer.firstIndex(of: 10) {
                        let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                        buffer.removeSubrange(buffer.startIndex...nl)
                        return line
                    }
                    let more = output.availableData
                    if more.isEmpty { throw Failure("ort_bench.py exited (status \(process.isRunning ? "running" : "\(process.terminationStatus)"))") }
                    buffer.append(more)
                }
            }

            deinit {
                try? input.close()
                process.waitUntilExit()
            }
        }

        /// Runs a program (through /usr/bin/env) and returns its stdout; throws with its stderr on failure.
        static func capture(_ tool: String, _ args: [String]) throws -> Data {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: tool.contains("/") ? tool : "/usr/bin/env")
            p.arguments = tool.contains("/") ? args : [tool] + args
            let out = Pipe(), err = Pipe()
            p.standardOutput = out; p.standardError = err
            try p.run()
            // Read stderr on another thread so neither pipe can fill up and block the child.
            let errBox = ErrorText()
            let reader = Thread { errBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
            reader.start()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            while !errBox.done { usleep(1000) }
            guard p.terminationStatus == 0 else {
                throw Failure("\(tool) exited with \(p.terminationStatus): \(errBox.text.suffix(800))")
            }
            return data
        }

        /// Stderr collected by a reader thread.
        final class ErrorText: @unchecked Sendable {
            private let lock = NSLock()
            private var data: Data?
            func set(_ d: Data) { lock.withLock { data = d } }
            var done: Bool { lock.withLock { data != nil } }
            var text: String { lock.withLock { String(decoding: data ?? Data(), as: UTF8.self) } }
        }

        /// GFLOP/s of a 1024^3 product (median of `runs`) with `threads` threads, two ways: OpenBLAS
        /// threading itself (`cblas_sgemm` as most programs call it) and NeuralKit's `BLAS.gemm`
        /// (single-threaded OpenBLAS on blocks over `Parallel`). The peak is the better of the two.
        static func sgemmPeak(runs: Int, threads: Int) throws -> (openBLAS: Double, neuralKit: Double) {
            let n = 1024
            var rng = SeededRandom(seed: 3)
            let a = Tensor(shape: [n, n], rng: &rng) { $0.normal() }, b = Tensor(shape: [n, n], rng: &rng) { $0.normal() }
            let c = Tensor(zeros: [n, n], pool: nil)
            let (library, ours) = try BenchCommand.medianSeconds(runs: max(runs, 5), ours: {
                BLAS.gemmOpenBLASThreads(threads, m: n, n: n, k: n, a: a.pointer, b: b.pointer, c: c.pointer)
            }, peer: {
                BLAS.gemm(m: n, n: n, k: n, a: a.pointer, lda: n, b: b.pointer, ldb: n, c: c.pointer, ldc: n)
            })
            let flop = 2 * Double(n * n * n) / 1e9
            return (flop / library, flop / ours)
        }

        /// Samples per second of MobileNetV2 (1 logit) training at 128x128, batch 16: forward,
        /// BCE loss, backward, AdamW step, with BatchNorm in training mode.
        static func trainingThroughput(runs: Int) throws -> Double {
            var rng = SeededRandom(seed: 5)
            let model = MobileNetV2.make(classes: 1, rng: &rng)
            model.setTraining(true)
            let optimizer = AdamW(model.parameters, learningRate: 1e-3)
            let batch = 16
            let x = Tensor(shape: [batch, 3, 128, 128], rng: &rng) { $0.normal() }
            let y = Tensor(shape: [batch, 1], values: (0..<batch).map { Float($0 % 2) })
            let s = try BenchCommand.medianSeconds(runs: runs) {
                model.zeroGrad()
                let loss = Loss.bceWithLogits(model.forward(x), y)
                _ = model.backward(loss.gradient)
                optimizer.step()
            }
            return Double(batch) / s
        }

        /// Runs the RSS probe in a child process and reads its JSON; nil when it cannot run.
        static func rss(threads: Int) throws -> EngineReport.Memory? {
            let exe = "/proc/self/exe"
            guard FileManager.default.fileExists(atPath: exe) else { return nil }   // not Linux
            let out = try capture(exe, ["bench", "engine", "--rss-probe", "--threads", "\(threads)"])
            return try JSONDecoder().decode(EngineReport.Memory.self, from: out)
        }

        /// The child side: prints `EngineReport.Memory` as JSON.
        static func printRSSProbe() throws {
            let start = try status("VmRSS")
            var rng = SeededRandom(seed: 7)
            let model = MobileNetV2.make(rng: &rng).foldingBatchNorm()   // the unfolded model is freed here
            let weights = model.namedParameters().reduce(0) { $0 + $1.1.value.count * 4 }
            let reset = (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
            let x = Tensor(shape: [1, 3, 224, 224], rng: &rng) { $0.normal() }
            let y = model.forward(x)
            precondition(y.shape == [1, 1000])
            let peak = try status("VmHWM")
            let m = EngineReport.Memory(startMB: start, weightsMB: Double(weights) / 1e6, peakMB: peak,
                                        beyondWeightsMB: peak - start - Double(weights) / 1e6, peakReset: reset)
            Swift.print(String(decoding: try JSONEncoder().encode(m), as: UTF8.self))
        }

        /// A field of /proc/self/status in MB (the file gives kB).
        static func status(_ field: String) throws -> Double {
            let text = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
                  let kb = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else {
                throw Failure("no \(field) in /proc/self/status")
            }
            return kb * 1024 / 1e6
        }
    }
}
