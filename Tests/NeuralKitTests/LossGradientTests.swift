// Losses: values on hand-computed cases and gradients against central differences of the value
// (Double objective, e = 1e-3 on logits of order 1, tolerance 1e-2 relative to max(1e-2, |numeric|)
// because loss gradients are divided by the element count and so are small).
import Testing
@testable import NeuralKit

@Suite struct LossGradientTests {
    static func check(_ prediction: Tensor, _ loss: (Tensor) -> LossResult, eps: Float = 1e-3) -> Double {
        let analytic = loss(prediction).gradient
        var worst = 0.0
        for i in 0..<prediction.count {
            let saved = prediction.pointer[i]
            prediction.pointer[i] = saved + eps; let plus = Double(loss(prediction).value)
            prediction.pointer[i] = saved - eps; let minus = Double(loss(prediction).value)
            prediction.pointer[i] = saved
            let numeric = (plus - minus) / (2 * Double(eps))
            worst = max(worst, abs(Double(analytic.pointer[i]) - numeric) / max(1e-2, abs(numeric)))
        }
        return worst
    }

    static func inputs(_ seed: UInt64) -> (Tensor, Tensor) {
        var rng = SeededRandom(seed: seed)
        let z = Tensor(shape: [4, 3], rng: &rng) { $0.normal() * 2 }
        let y = Tensor(shape: [4, 3], rng: &rng) { $0.nextUniform() < 0.5 ? 0 : 1 }
        return (z, y)
    }

    @Test func bceWithLogitsValueAndGradient() {
        let one = Loss.bceWithLogits(Tensor(shape: [1], values: [0]), Tensor(shape: [1], values: [1]))
        #expect(abs(one.value - 0.693147) < 1e-5)
        let huge = Loss.bceWithLogits(Tensor(shape: [2], values: [200, -200]), Tensor(shape: [2], values: [0, 1]))
        #expect(huge.value.isFinite && abs(huge.value - 200) < 1e-3)
        let (z, y) = Self.inputs(1)
        #expect(Self.check(z) { Loss.bceWithLogits($0, y) } < 1e-2)
        #expect(Self.check(z) { Loss.bceWithLogits($0, y, positiveWeight: 3, negativeWeight: 0.5) } < 1e-2)
    }

    @Test func focalLoss() {
        let (z, y) = Self.inputs(2)
        // gamma 0, alpha 0.5 is half of BCE.
        let f = Loss.focal(z, y, gamma: 0, alpha: 0.5), b = Loss.bceWithLogits(z, y)
        #expect(abs(f.value - b.value / 2) < 1e-5)
        #expect(Self.check(z) { Loss.focal($0, y, gamma: 2, alpha: 0.25) } < 1e-2)
        #expect(Self.check(z) { Loss.focal($0, y, gamma: 0.5, alpha: 0.75) } < 1e-2)
        // Easy examples are down-weighted: a confident correct logit costs far less than under BCE.
        let easy = Tensor(shape: [1], values: [4]), pos = Tensor(shape: [1], values: [1])
        #expect(Loss.focal(easy, pos, gamma: 2, alpha: 0.5).value < Loss.bceWithLogits(easy, pos).value / 100)
    }

    @Test func regressionLosses() {
        let p = Tensor(shape: [3], values: [1, 2, 3]), t = Tensor(shape: [3], values: [1, 0, 4])
        #expect(abs(Loss.mse(p, t).value - 5.0 / 3) < 1e-6)
        #expect(abs(Loss.l1(p, t).value - 1) < 1e-6)
        let (z, y) = Self.inputs(3)
        #expect(Self.check(z) { Loss.mse($0, y) } < 1e-2)
        #expect(Self.check(z) { Loss.l1($0, y) } < 1e-2)
    }

    @Test func crossEntropy() {
        let uniform = Loss.crossEntropy(Tensor(zeros: [2, 4]), labels: [0, 3])
        #expect(abs(uniform.value - logf(4)) < 1e-6)
        let (z, _) = Self.inputs(4)
        #expect(Self.check(z) { Loss.crossEntropy($0, labels: [0, 2, 1, 2]) } < 1e-2)
        #expect(Self.check(z) { Loss.crossEntropy($0, labels: [0, 2, 1, 2], classWeights: [1, 2, 0.5]) } < 1e-2)
    }
}

import Foundation
