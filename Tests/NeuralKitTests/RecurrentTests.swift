// LSTM and GRU: gradients by finite differences (both directions, every weight), shapes, and that
// the reverse direction really reads the sequence backwards.
import Testing
@testable import NeuralKit

@Suite struct RecurrentTests {
    @Test(arguments: [false, true]) func lstmGradients(bidirectional: Bool) {
        var rng = SeededRandom(seed: 21)
        let layer = LSTM(inputSize: 3, hiddenSize: 4, bidirectional: bidirectional, rng: &rng)
        let x = Tensor(shape: [2, 5, 3], rng: &rng) { $0.normal() }
        #expect(layer.forward(x).shape == [2, 5, bidirectional ? 8 : 4])
        expectGradientsMatch(GradCheck.check(layer, input: x, eps: 1e-3))
    }

    @Test(arguments: [false, true]) func gruGradients(bidirectional: Bool) {
        var rng = SeededRandom(seed: 22)
        let layer = GRU(inputSize: 3, hiddenSize: 4, bidirectional: bidirectional, rng: &rng)
        let x = Tensor(shape: [2, 5, 3], rng: &rng) { $0.normal() }
        #expect(layer.forward(x).shape == [2, 5, bidirectional ? 8 : 4])
        expectGradientsMatch(GradCheck.check(layer, input: x, eps: 1e-3))
    }

    @Test func reverseDirectionSeesTheFutureOnly() {
        var rng = SeededRandom(seed: 23)
        let layer = GRU(inputSize: 2, hiddenSize: 3, bidirectional: true, rng: &rng)
        let x = Tensor(shape: [1, 4, 2], rng: &rng) { $0.normal() }
        let a = layer.forward(x).toArray()
        x[0, 3, 0] += 1                          // change only the last step
        let b = layer.forward(x).toArray()
        // Forward features at t = 0 (indices 0..<3) cannot change; reverse features at t = 0 (3..<6) must.
        #expect(Array(a[0..<3]) == Array(b[0..<3]))
        #expect(Array(a[3..<6]) != Array(b[3..<6]))
    }

    @Test func stackedBidirectionalGRUGradientsAndNames() {
        var rng = SeededRandom(seed: 25)
        let stack = RecurrentStack(.gru, inputSize: 3, hiddenSize: 2, numLayers: 2, bidirectional: true, rng: &rng)
        let x = Tensor(shape: [2, 4, 3], rng: &rng) { $0.normal() }
        #expect(stack.forward(x).shape == [2, 4, 4])
        expectGradientsMatch(GradCheck.check(stack, input: x, eps: 1e-3))
        #expect(stack.namedParameters().first { $0.0 == "weight_ih_l1_reverse" }?.1.shape == [6, 4])
    }

    @Test func parameterNamesFollowPyTorch() {
        var rng = SeededRandom(seed: 24)
        let names = LSTM(inputSize: 2, hiddenSize: 3, bidirectional: true, rng: &rng).namedParameters().map(\.0)
        #expect(names == ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                          "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse"])
    }
}
