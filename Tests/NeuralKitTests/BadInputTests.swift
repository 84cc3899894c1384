// Bad input at a model's boundary is an error the caller can report, and training with one seed
// is reproducible to the bit.
import Testing
@testable import NeuralKit

@Suite struct BadInputTests {
    static func model() -> Sequential {
        var rng = SeededRandom(seed: 5)
        return Sequential([Conv2d(3, 4, kernel: 3, padding: 1, rng: &rng), Activation(.relu), GlobalAvgPool(), Linear(4, 1, rng: &rng)])
    }

    @Test func wrongShapeAndNonFiniteInputsAreErrors() throws {
        let m = Self.model(), spec = InputSpec([nil, 3, 8, 8])
        #expect(throws: InputError.shape(expected: "(N, 3, 8, 8)", got: [1, 1, 8, 8])) {
            try m.checkedForward(Tensor(zeros: [1, 1, 8, 8]), spec: spec)
        }
        let x = Tensor(zeros: [2, 3, 8, 8])
        x[1, 2, 3, 4] = .nan; x[1, 2, 3, 5] = .infinity
        #expect(throws: InputError.nonFinite(count: 2, firstIndex: 192 + 2 * 64 + 3 * 8 + 4)) {
            try m.checkedForward(x, spec: spec)
        }
        x[1, 2, 3, 4] = 0; x[1, 2, 3, 5] = 0
        #expect(try m.checkedForward(x, spec: spec).shape == [2, 1])
        #expect(InputError.shape(expected: "(N, 3, 8, 8)", got: [1]).description.contains("expects (N, 3, 8, 8)"))
    }

    @Test func sameSeedSameTrainingRun() {
        func run() -> [Float] {
            var rng = SeededRandom(seed: 77)
            let m = Sequential([Conv2d(1, 2, kernel: 3, padding: 1, rng: &rng), BatchNorm2d(2), Activation(.relu),
                                Dropout(0.2, seed: 9), GlobalAvgPool(), Linear(2, 1, rng: &rng)])
            let opt = AdamW(m.parameters, learningRate: 0.05)
            var losses: [Float] = []
            for _ in 0..<5 {
                let x = Tensor(shape: [4, 1, 6, 6], rng: &rng) { $0.normal() }
                let y = Tensor(shape: [4, 1], rng: &rng) { $0.nextUniform() < 0.5 ? 0 : 1 }
                m.zeroGrad()
                let l = Loss.bceWithLogits(m.forward(x), y)
                _ = m.backward(l.gradient)
                opt.step()
                losses.append(l.value)
            }
            return losses
        }
        #expect(run() == run())
    }
}
