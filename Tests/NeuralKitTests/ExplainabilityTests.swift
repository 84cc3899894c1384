// Explainability hooks: intermediate activations, gradients with respect to an activation and to
// the input, and Grad-CAM, which for conv -> ReLU -> global pool -> linear must equal the class
// activation map (Zhou et al. 2016) ReLU(sum_c w[class, c] / HW * A_c).
import Testing
@testable import NeuralKit

@Suite struct ExplainabilityTests {
    @Test func gradCAMEqualsCAMForAGlobalPoolHead() {
        var rng = SeededRandom(seed: 70)
        let fc = Linear(4, 3, rng: &rng)
        let model = Sequential(named: [("conv", Conv2d(2, 4, kernel: 3, padding: 1, rng: &rng)), ("act", Activation(.relu)),
                                       ("pool", GlobalAvgPool()), ("fc", fc)])
        let x = Tensor(shape: [2, 2, 5, 5], rng: &rng) { $0.normal() }
        let cam = GradCAM.compute(model: model, layer: "act", input: x, classIndex: 1)
        #expect(cam.shape == [2, 5, 5])
        let a = model.forwardCollecting(x).activations["act"]!
        var worst: Float = 0
        for b in 0..<2 { for i in 0..<5 { for j in 0..<5 {
            var s: Float = 0
            for c in 0..<4 { s += fc.weight.value[1, c] / 25 * a[b, c, i, j] }
            worst = max(worst, abs(max(s, 0) - cam[b, i, j]))
        } } }
        #expect(worst < 1e-6)
    }

    @Test func inputGradientIsASaliencyMap() {
        var rng = SeededRandom(seed: 71)
        let model = Sequential([Conv2d(1, 2, kernel: 3, padding: 1, rng: &rng), Activation(.tanh), GlobalAvgPool(), Linear(2, 1, rng: &rng)])
        let x = Tensor(shape: [1, 1, 4, 4], rng: &rng) { $0.normal() }
        _ = model.forward(x)
        let saliency = model.backward(Tensor(repeating: 1, shape: [1, 1]))
        #expect(saliency.shape == x.shape)
        // Finite difference on one pixel.
        let base = Double(model.forward(x)[0, 0])
        x[0, 0, 2, 1] += 1e-2
        let moved = Double(model.forward(x)[0, 0])
        #expect(abs((moved - base) / 1e-2 - Double(saliency[0, 0, 2, 1])) < 1e-2)
    }
}
