// Training checkpoints: a run interrupted and resumed from a checkpoint continues bit for bit as
// the uninterrupted run (weights, BatchNorm statistics, optimizer moments and step count,
// schedule, early stopping, the loop's and dropout's generators); a checkpoint of another
// architecture or optimizer, a plain weights file, a damaged or mismatched JSON are refused with
// a message naming what differs, and the model is left as it was.
import Foundation
import Testing
@testable import NeuralKit

@Suite struct CheckpointTests {
    /// conv + BatchNorm + ReLU + dropout + max pool + linear on 8x8 single-channel images.
    static func model(seed: UInt64, outputs: Int = 1) -> Sequential {
        var rng = SeededRandom(seed: seed)
        return Sequential(named: [
            ("conv", Conv2d(1, 4, kernel: 3, padding: 1, rng: &rng)), ("bn", BatchNorm2d(4)), ("act", Activation(.relu)),
            ("drop", Dropout(0.25, seed: seed)), ("pool", MaxPool2d(kernel: 2)), ("flat", Flatten()),
            ("fc", Linear(64, outputs, rng: &rng)),
        ])
    }

    static func optimizer(_ kind: String, _ model: any Layer, weightDecay: Float = 0.01) -> any Optimizer {
        kind == "sgd" ? SGD(model.parameters, learningRate: 0.05, momentum: 0.9, weightDecay: weightDecay)
                      : AdamW(model.parameters, learningRate: 0.01, weightDecay: weightDecay)
    }

    /// `steps` steps of a loop whose batches come from `progress.rng`; every 2 steps is an epoch
    /// that feeds the loss to reduce-on-plateau and early stopping. Returns the losses.
    static func train(_ model: any Layer, _ opt: any Optimizer, _ progress: inout TrainingProgress, steps: Int) -> [Float] {
        var losses: [Float] = []
        for _ in 0..<steps {
            let (x, y) = TrainingTests.batch(8, rng: &progress.rng)
            model.zeroGrad()
            let l = Loss.bceWithLogits(model.forward(x), y)
            _ = model.backward(l.gradient)
            GradientClipping.clipNorm(model.parameters, maxNorm: 1)
            opt.step()
            losses.append(l.value)
            progress.step += 1
            if progress.step % 2 == 0 {
                progress.epoch += 1
                if case var .plateau(p)? = progress.schedule {
                    opt.learningRate = p.step(metric: l.value)
                    progress.schedule = .plateau(p)
                }
                progress.earlyStopping?.record(l.value, epoch: progress.epoch)
            }
        }
        return losses
    }

    static func bits(_ model: any Layer) -> [String: [UInt32]] {
        Dictionary(uniqueKeysWithValues: model.namedParameters().map { ($0.0, $0.1.value.toArray().map(\.bitPattern)) })
    }

    static func temporaryPath(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nk-ckpt-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name + ".safetensors").path
    }

    /// Removes the temporary directory holding `path`.
    static func cleanUp(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    static func freshProgress() -> TrainingProgress {
        TrainingProgress(rng: SeededRandom(seed: 77),
                         schedule: .plateau(ReduceOnPlateau(initial: 0.01, factor: 0.5, patience: 0, threshold: 0.05)),
                         earlyStopping: EarlyStopping(patience: 3))
    }

    @Test(arguments: ["adamw", "sgd"]) func resumedRunIsBitIdenticalToUninterruptedRun(_ kind: String) throws {
        let path = Self.temporaryPath("run")
        defer { Self.cleanUp(path) }
        // Uninterrupted: 5 steps, checkpoint, 5 more.
        let a = Self.model(seed: 1), optA = Self.optimizer(kind, a)
        var progressA = Self.freshProgress()
        _ = Self.train(a, optA, &progressA, steps: 5)
        try Checkpoint.save(to: path, model: a, optimizer: optA, progress: progressA)
        let lossesA = Self.train(a, optA, &progressA, steps: 5)

        // Resumed: other initial weights, dropout seed, optimizer and loop state, all replaced by the checkpoint.
        let b = Self.model(seed: 999), optB = Self.optimizer(kind, b)
        var progressB = try Checkpoint.load(from: path, into: b, optimizer: optB)
        #expect(progressB.step == 5 && progressB.epoch == 2)
        let lossesB = Self.train(b, optB, &progressB, steps: 5)

        #expect(lossesA.map(\.bitPattern) == lossesB.map(\.bitPattern), "losses after resuming: \(lossesA) vs \(lossesB)")
        #expect(Self.bits(a) == Self.bits(b))
        #expect(progressA == progressB)
        #expect(optA.state == optB.state)

        // Without the optimizer state the continuation differs: the comparison above can fail.
        let c = Self.model(seed: 5), optC = Self.optimizer(kind, c)
        var progressC = try Checkpoint.load(from: path, into: c, optimizer: optC)
        optC.restore(stepCount: 0)
        for (_, list) in optC.slots { for t in list { t.fill(0) } }
        _ = Self.train(c, optC, &progressC, steps: 5)
        #expect(Self.bits(a) != Self.bits(c))
    }

    @Test func manifestIsReadableJSONWithTheLoopState() throws {
        let path = Self.temporaryPath("state")
        defer { Self.cleanUp(path) }
        let m = Self.model(seed: 3), opt = Self.optimizer("adamw", m)
        var progress = Self.freshProgress()
        _ = Self.train(m, opt, &progress, steps: 3)
        try Checkpoint.save(to: path, model: m, optimizer: opt, progress: progress)
        let json = try String(contentsOfFile: Checkpoint.manifestPath(for: path), encoding: .utf8)
        #expect(json.contains("\"format\" : \"deepscan.checkpoint/1\""))
        #expect(json.contains("\"kind\" : \"adamw\"") && json.contains("\"stepCount\" : 3"))
        #expect(json.contains("\"drop\""))                       // the dropout generator, by layer path
        let file = try SafetensorsFile(path: path)
        #expect(file.names.contains("optimizer.exp_avg_sq.fc.weight") && file.names.contains("model.bn.running_var"))
        #expect(file.names.count == m.namedParameters().count + 2 * m.parameters.count)
    }

    @Test func dataParallelRunWithDropoutResumesBitIdentically() throws {
        let path = Self.temporaryPath("dp")
        defer { Self.cleanUp(path) }
        func run(_ dp: DataParallel, _ opt: any Optimizer, _ rng: inout SeededRandom, steps: Int) -> [UInt32] {
            (0..<steps).map { _ in
                let (x, y) = TrainingTests.batch(10, rng: &rng)
                return dp.step(input: x, target: y, optimizer: opt) { Loss.bceWithLogits($0, $1) }.bitPattern
            }
        }
        let a = DataParallel(workers: 2) { Self.model(seed: 1) }, optA = Self.optimizer("adamw", a.model)
        var rngA = SeededRandom(seed: 9)
        _ = run(a, optA, &rngA, steps: 3)
        try Checkpoint.save(to: path, model: a.model, optimizer: optA, progress: TrainingProgress(step: 3, rng: rngA))
        let lossesA = run(a, optA, &rngA, steps: 3)

        let b = DataParallel(workers: 2) { Self.model(seed: 2) }, optB = Self.optimizer("adamw", b.model)
        var rngB = try Checkpoint.load(from: path, into: b.model, optimizer: optB).rng
        #expect(run(b, optB, &rngB, steps: 3) == lossesA)
        #expect(Self.bits(a.model) == Self.bits(b.model))
    }

    /// Expects `load` to fail with an error whose message contains every fragment, and the model unchanged.
    static func expectRefused(_ path: String, into model: any Layer, optimizer: any Optimizer, mentioning fragments: [String]) {
        let before = bits(model)
        do {
            try Checkpoint.load(from: path, into: model, optimizer: optimizer)
            Issue.record("loading \(path) succeeded; expected an error mentioning \(fragments)")
        } catch {
            let message = "\(error)"
            for f in fragments { #expect(message.contains(f), "message '\(message)' lacks '\(f)'") }
        }
        #expect(bits(model) == before, "a refused checkpoint changed the model")
    }

    @Test func checkpointOfAnotherArchitectureOrOptimizerIsRefusedByName() throws {
        let path = Self.temporaryPath("adamw")
        defer { Self.cleanUp(path) }
        let m = Self.model(seed: 1), opt = Self.optimizer("adamw", m)
        var progress = Self.freshProgress()
        _ = Self.train(m, opt, &progress, steps: 2)
        try Checkpoint.save(to: path, model: m, optimizer: opt, progress: progress)

        let wider = Self.model(seed: 2, outputs: 3)
        Self.expectRefused(path, into: wider, optimizer: Self.optimizer("adamw", wider),
                           mentioning: ["another architecture", "model.fc.weight", "[1, 64]", "[3, 64]"])
        var rng = SeededRandom(seed: 4)
        let noDropout = Sequential(named: [("conv", Conv2d(1, 4, kernel: 3, padding: 1, rng: &rng)), ("bn", BatchNorm2d(4)),
                                           ("act", Activation(.relu)), ("pool", MaxPool2d(kernel: 2)), ("flat", Flatten()),
                                           ("fc", Linear(64, 1, rng: &rng))])
        Self.expectRefused(path, into: noDropout, optimizer: Self.optimizer("adamw", noDropout), mentioning: ["dropout layer 'drop'"])
        let same = Self.model(seed: 2)
        Self.expectRefused(path, into: same, optimizer: Self.optimizer("sgd", same), mentioning: ["adamw", "sgd"])
        Self.expectRefused(path, into: same, optimizer: Self.optimizer("adamw", same, weightDecay: 0.1),
                           mentioning: ["weight_decay", "0.01", "0.1"])
    }

    @Test func damagedOrMismatchedFilesAreRefused() throws {
        let path = Self.temporaryPath("run")
        defer { Self.cleanUp(path) }
        let m = Self.model(seed: 1), opt = Self.optimizer("adamw", m)
        var progress = Self.freshProgress()
        _ = Self.train(m, opt, &progress, steps: 2)
        try Checkpoint.save(to: path, model: m, optimizer: opt, progress: progress)
        let json = Checkpoint.manifestPath(for: path)
        let target = Self.model(seed: 2), targetOpt = Self.optimizer("adamw", target)

        // The JSON of a later save beside the weights of this one (an interrupted save).
        let laterPath = Self.temporaryPath("later")
        defer { Self.cleanUp(laterPath) }
        _ = Self.train(m, opt, &progress, steps: 2)
        try Checkpoint.save(to: laterPath, model: m, optimizer: opt, progress: progress)
        let original = try Data(contentsOf: URL(fileURLWithPath: json))
        try Data(contentsOf: URL(fileURLWithPath: Checkpoint.manifestPath(for: laterPath))).write(to: URL(fileURLWithPath: json))
        Self.expectRefused(path, into: target, optimizer: targetOpt, mentioning: ["step 2", "step 4", "interrupted save"])

        try Data("{\"format\": \"deepscan.checkpoint/1\"".utf8).write(to: URL(fileURLWithPath: json))
        Self.expectRefused(path, into: target, optimizer: targetOpt, mentioning: ["not a checkpoint manifest"])
        try FileManager.default.removeItem(atPath: json)
        Self.expectRefused(path, into: target, optimizer: targetOpt, mentioning: [".json beside it"])
        try original.write(to: URL(fileURLWithPath: json))
        try Checkpoint.load(from: path, into: target, optimizer: targetOpt)      // restored: loads again

        // A truncated weights file (a copy cut short).
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: path))
        Self.expectRefused(path, into: target, optimizer: targetOpt, mentioning: ["cannot read the checkpoint", "truncated"])

        // Plain model weights (saveWeights) are not a checkpoint.
        try m.saveWeights(to: path)
        Self.expectRefused(path, into: target, optimizer: targetOpt, mentioning: ["plain weights"])
    }
}
