// Optimizers, schedules and clipping on cases with known answers, and an end-to-end check that a
// tiny CNN learns a separable synthetic task from a fixed seed.
import Testing
@testable import NeuralKit

@Suite struct TrainingTests {
    /// One parameter with loss 0.5 * w^2 (gradient w).
    static func quadratic(_ w: Float) -> Parameter { Parameter(Tensor(shape: [1], values: [w])) }

    @Test func sgdWithMomentumFollowsTheRecurrence() {
        let p = Self.quadratic(1)
        let opt = SGD([p], learningRate: 0.1, momentum: 0.9)
        var w: Float = 1, v: Float = 0
        for _ in 0..<5 {
            p.grad.assign(p.value)
            opt.step()
            v = 0.9 * v + w; w -= 0.1 * v
            #expect(abs(p.value[0] - w) < 1e-6)
        }
    }

    @Test func adamFirstStepIsLearningRateTimesSign() {
        let p = Self.quadratic(3)
        p.grad.fill(0.02)
        Adam([p], learningRate: 0.01).step()
        #expect(abs(p.value[0] - 2.99) < 1e-5)      // bias correction makes step 1 exactly lr * sign(g)
    }

    @Test func adamWDecaysWeightsWithoutTouchingMoments() {
        let a = Self.quadratic(2), b = Self.quadratic(2)
        let adamw = AdamW([a], learningRate: 0.1, weightDecay: 0.5)
        let adamL2 = Adam([b], learningRate: 0.1, weightDecay: 0.5)
        a.grad.fill(0); b.grad.fill(0)
        adamw.step(); adamL2.step()
        #expect(abs(a.value[0] - 2 * (1 - 0.05)) < 1e-6)   // decoupled: w -= lr * wd * w
        #expect(abs(b.value[0] - (2 - 0.1)) < 1e-4)        // L2 through Adam: a unit-sized step
    }

    @Test func schedules() {
        #expect(abs(ExponentialDecay(initial: 0.1, gamma: 0.5).learningRate(epoch: 3) - 0.0125) < 1e-7)
        let cos = CosineAnnealing(initial: 1, minimum: 0.1, total: 10)
        #expect(cos.learningRate(epoch: 0) == 1)
        #expect(abs(cos.learningRate(epoch: 5) - 0.55) < 1e-6)
        #expect(abs(cos.learningRate(epoch: 12) - 0.1) < 1e-6)
        var plateau = ReduceOnPlateau(initial: 1, factor: 0.5, patience: 2)
        for m: Float in [1, 0.9, 0.9, 0.9] { plateau.step(metric: m) }
        #expect(plateau.learningRate == 1)       // two epochs without improvement: patience 2 holds
        plateau.step(metric: 0.95)
        #expect(plateau.learningRate == 0.5)     // third epoch without improvement cuts the rate
        plateau.step(metric: 0.5)
        #expect(plateau.learningRate == 0.5)
    }

    @Test func clippingByGlobalNorm() {
        let a = Self.quadratic(0), b = Self.quadratic(0)
        a.grad.fill(3); b.grad.fill(4)
        let norm = GradientClipping.clipNorm([a, b], maxNorm: 1)
        #expect(abs(norm - 5) < 1e-6)
        #expect(abs(a.grad[0] - 0.6) < 1e-5 && abs(b.grad[0] - 0.8) < 1e-5)
    }

    /// Images with a bright 2x2 blob on the left (label 1) or right (label 0) half, plus noise.
    static func batch(_ n: Int, rng: inout SeededRandom) -> (Tensor, Tensor) {
        let x = Tensor(shape: [n, 1, 8, 8], rng: &rng) { $0.normal() * 0.3 }
        let y = Tensor(zeros: [n, 1], pool: nil)
        for i in 0..<n {
            let left = rng.nextUniform() < 0.5
            y[i, 0] = left ? 1 : 0
            let r = Int(rng.next() % 7), c = Int(rng.next() % 3) + (left ? 0 : 4)
            for dr in 0..<2 { for dc in 0..<2 { x[i, 0, r + dr, c + dc] += 2 } }
        }
        return (x, y)
    }

    @Test func tinyCNNLearnsASeparableTask() {
        var rng = SeededRandom(seed: 2024)
        let model = Sequential([
            Conv2d(1, 4, kernel: 3, padding: 1, rng: &rng), BatchNorm2d(4), Activation(.relu),
            MaxPool2d(kernel: 2), Flatten(), Linear(64, 1, rng: &rng),
        ])
        let opt = Adam(model.parameters, learningRate: 0.02)
        var first: Float = 0, last: Float = 0
        for step in 0..<80 {
            let (x, y) = Self.batch(16, rng: &rng)
            model.zeroGrad()
            let loss = Loss.bceWithLogits(model.forward(x), y)
            _ = model.backward(loss.gradient)
            GradientClipping.clipNorm(model.parameters, maxNorm: 5)
            opt.step()
            if step == 0 { first = loss.value }
            last = loss.value
        }
        model.setTraining(false)
        let (x, y) = Self.batch(64, rng: &rng)
        let eval = Loss.bceWithLogits(model.forward(x), y)
        #expect(first > 0.5)
        #expect(eval.value < 0.15, "held-out loss \(eval.value) after 80 steps (last training loss \(last))")
    }
}
