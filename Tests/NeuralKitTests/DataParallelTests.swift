// Data-parallel training: for a model without batch-dependent layers, splitting a batch across
// workers gives the full-batch gradient and the same training run up to float rounding; one
// worker is the plain single-model step bit for bit; with BatchNorm each shard uses its own
// statistics (DDP without SyncBatchNorm), which is what the trainer documents.
import Testing
@testable import NeuralKit

@Suite struct DataParallelTests {
    /// conv + ReLU + max pool + linear: nothing depends on the rest of the batch.
    static func plainCNN() -> Sequential {
        var rng = SeededRandom(seed: 11)
        return Sequential(named: [
            ("conv", Conv2d(1, 6, kernel: 3, padding: 1, rng: &rng)), ("act", Activation(.relu)),
            ("pool", MaxPool2d(kernel: 2)), ("flat", Flatten()), ("fc", Linear(96, 1, rng: &rng)),
        ])
    }

    /// The same with BatchNorm after the convolution and dropout before the linear layer.
    static func batchNormCNN() -> Sequential {
        var rng = SeededRandom(seed: 12)
        return Sequential(named: [
            ("conv", Conv2d(1, 6, kernel: 3, padding: 1, bias: false, rng: &rng)), ("bn", BatchNorm2d(6)),
            ("act", Activation(.relu)), ("pool", MaxPool2d(kernel: 2)), ("flat", Flatten()),
            ("drop", Dropout(0.2, seed: 5)), ("fc", Linear(96, 1, rng: &rng)),
        ])
    }

    static func relative(_ a: Tensor, _ b: Tensor) -> Float { a.maxAbsDifference(b) / max(b.maxAbs(), 1e-12) }

    @Test func shardsCoverTheBatchEvenly() {
        #expect(DataParallel.shards(batch: 16, workers: 2) == [0..<8, 8..<16])
        #expect(DataParallel.shards(batch: 7, workers: 3) == [0..<3, 3..<5, 5..<7])
        #expect(DataParallel.shards(batch: 1, workers: 2) == [0..<1])
    }

    @Test(arguments: [(2, 16), (2, 7), (3, 7)]) func workersGiveTheFullBatchGradient(_ workers: Int, _ batch: Int) {
        var rng = SeededRandom(seed: 3)
        let (x, y) = TrainingTests.batch(batch, rng: &rng)
        let single = DataParallel(workers: 1, makeModel: Self.plainCNN)
        let split = DataParallel(workers: workers, makeModel: Self.plainCNN)
        let l1 = single.computeGradients(input: x, target: y) { Loss.bceWithLogits($0, $1) }
        let l2 = split.computeGradients(input: x, target: y) { Loss.bceWithLogits($0, $1) }
        #expect(abs(l1 - l2) <= 1e-6 * abs(l1), "loss \(l2) with \(workers) workers, \(l1) with one")
        for ((name, p), (_, q)) in zip(single.model.namedParameters(), split.model.namedParameters()) {
            let err = Self.relative(q.grad, p.grad)
            #expect(p.grad.maxAbs() > 0 && err <= 1e-5, "\(name): gradient differs by \(err) of its scale")
        }
    }

    @Test func twoWorkerTrainingFollowsTheFullBatchRun() {
        let single = DataParallel(workers: 1, makeModel: Self.plainCNN)
        let split = DataParallel(workers: 2, makeModel: Self.plainCNN)
        let opt1 = AdamW(single.model.parameters, learningRate: 0.01), opt2 = AdamW(split.model.parameters, learningRate: 0.01)
        var rng = SeededRandom(seed: 4)
        var losses1: [Float] = [], losses2: [Float] = []
        for _ in 0..<10 {
            let (x, y) = TrainingTests.batch(12, rng: &rng)
            losses1.append(single.step(input: x, target: y, optimizer: opt1, clipNorm: 5) { Loss.bceWithLogits($0, $1) })
            losses2.append(split.step(input: x, target: y, optimizer: opt2, clipNorm: 5) { Loss.bceWithLogits($0, $1) })
        }
        for (a, b) in zip(losses1, losses2) { #expect(abs(a - b) <= 1e-4 * abs(a), "losses \(losses1) vs \(losses2)") }
        #expect(losses1.last! < losses1.first!)
        for ((name, p), (_, q)) in zip(single.model.namedParameters(), split.model.namedParameters()) {
            #expect(Self.relative(q.value, p.value) <= 1e-4, "\(name) after 10 steps")
        }
    }

    @Test func oneWorkerIsThePlainStepBitForBit() {
        let dp = DataParallel(workers: 1, makeModel: Self.batchNormCNN)
        let plain = Self.batchNormCNN()
        let optA = AdamW(dp.model.parameters, learningRate: 0.01), optB = AdamW(plain.parameters, learningRate: 0.01)
        var rng = SeededRandom(seed: 6)
        for _ in 0..<4 {
            let (x, y) = TrainingTests.batch(8, rng: &rng)
            let a = dp.step(input: x, target: y, optimizer: optA) { Loss.bceWithLogits($0, $1) }
            plain.zeroGrad()
            let l = Loss.bceWithLogits(plain.forward(x), y)
            _ = plain.backward(l.gradient)
            optB.step()
            #expect(a.bitPattern == l.value.bitPattern)
        }
        for ((name, p), (_, q)) in zip(dp.model.namedParameters(), plain.namedParameters()) {
            #expect(p.value.toArray().map(\.bitPattern) == q.value.toArray().map(\.bitPattern), "\(name)")
        }
    }

    @Test func batchNormNormalisesEachShardWithItsOwnStatistics() {
        var rng = SeededRandom(seed: 8)
        let (x, y) = TrainingTests.batch(8, rng: &rng)
        let make = { () -> any Layer in
            var r = SeededRandom(seed: 12)
            return Sequential(named: [("conv", Conv2d(1, 6, kernel: 3, padding: 1, bias: false, rng: &r)), ("bn", BatchNorm2d(6)),
                                      ("act", Activation(.relu)), ("pool", MaxPool2d(kernel: 2)), ("flat", Flatten()),
                                      ("fc", Linear(96, 1, rng: &r))])
        }
        let split = DataParallel(workers: 2, makeModel: make), whole = DataParallel(workers: 1, makeModel: make)
        _ = split.computeGradients(input: x, target: y) { Loss.bceWithLogits($0, $1) }
        _ = whole.computeGradients(input: x, target: y) { Loss.bceWithLogits($0, $1) }
        // Expected: each half run alone, gradients halved and summed; running statistics of the first half.
        let halves = (0..<2).map { h -> any Layer in
            let m = make()
            let l = Loss.bceWithLogits(m.forward(x.slice(h * 4..<h * 4 + 4)), y.slice(h * 4..<h * 4 + 4))
            l.gradient.scale(by: 0.5)
            _ = m.backward(l.gradient)
            return m
        }
        let s = split.model.namedParameters(), w = whole.model.namedParameters()
        let h0 = halves[0].namedParameters(), h1 = halves[1].namedParameters()
        var differsFromWhole = false
        for i in s.indices {
            let (name, p) = s[i]
            if p.trainable {
                let expected = h0[i].1.grad.adding(h1[i].1.grad)
                #expect(Self.relative(p.grad, expected) <= 1e-5, "\(name): not the sum of per-shard gradients")
                if Self.relative(p.grad, w[i].1.grad) > 1e-3 { differsFromWhole = true }
            } else {
                #expect(p.value.toArray() == h0[i].1.value.toArray(), "\(name): running statistics are not worker 0's")
            }
        }
        #expect(differsFromWhole, "per-shard BatchNorm statistics should change the gradient")
    }
}
