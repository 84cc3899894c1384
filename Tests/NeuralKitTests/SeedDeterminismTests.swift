// Deterministic seeds: a training run is a function of its seed. The same seed (initial weights,
// dropout masks, batches) gives bit-identical weights and losses, with one worker and with two
// threads racing; another seed gives another run.
import Testing
@testable import NeuralKit

@Suite struct SeedDeterminismTests {
    /// Trains a conv + BatchNorm + dropout + linear model for 6 steps from `seed` on `workers`
    /// workers; returns the losses and the bits of every parameter and buffer.
    static func run(seed: UInt64, workers: Int) -> (losses: [UInt32], weights: [[UInt32]]) {
        let dp = DataParallel(workers: workers) {
            var rng = SeededRandom(seed: seed)
            return Sequential([
                Conv2d(1, 4, kernel: 3, padding: 1, rng: &rng), BatchNorm2d(4), Activation(.relu),
                Dropout(0.3, seed: seed &+ 1), MaxPool2d(kernel: 2), Flatten(), Linear(64, 1, rng: &rng),
            ])
        }
        let opt = AdamW(dp.model.parameters, learningRate: 0.01)
        var data = SeededRandom(seed: seed &+ 2)
        var losses: [UInt32] = []
        for _ in 0..<6 {
            let (x, y) = TrainingTests.batch(10, rng: &data)
            losses.append(dp.step(input: x, target: y, optimizer: opt, clipNorm: 1) { Loss.bceWithLogits($0, $1) }.bitPattern)
        }
        return (losses, dp.model.namedParameters().map { $0.1.value.toArray().map(\.bitPattern) })
    }

    @Test(arguments: [1, 2]) func sameSeedGivesBitIdenticalRuns(_ workers: Int) {
        let a = Self.run(seed: 42, workers: workers), b = Self.run(seed: 42, workers: workers)
        #expect(a.losses == b.losses)
        #expect(a.weights == b.weights)
        let c = Self.run(seed: 43, workers: workers)
        #expect(a.losses != c.losses && a.weights != c.weights)
    }
}
