// Every layer's backward against finite differences of its forward (see GradCheck.swift for the
// objective and the tolerance: 1e-2 relative to max(1, |numeric|) unless stated).
import Testing
@testable import NeuralKit

@Suite struct LayerGradientTests {
    @Test func linear() {
        var rng = SeededRandom(seed: 1)
        let layer = Linear(5, 4, rng: &rng)
        let x = Tensor(shape: [3, 5], rng: &rng) { $0.normal() }
        expectGradientsMatch(GradCheck.check(layer, input: x))
    }

    @Test(arguments: [(1, 0, 1, 1), (2, 1, 1, 1), (1, 2, 2, 1), (1, 1, 1, 2), (2, 1, 1, 4)])
    func conv2d(stride: Int, padding: Int, dilation: Int, groups: Int) {
        var rng = SeededRandom(seed: UInt64(stride * 100 + padding * 10 + groups))
        let layer = Conv2d(4, 4, kernel: 3, stride: stride, padding: padding, dilation: dilation,
                           groups: groups, rng: &rng)
        let x = Tensor(shape: [2, 4, 6, 6], rng: &rng) { $0.normal() }
        expectGradientsMatch(GradCheck.check(layer, input: x))
    }

    @Test func depthwiseDirectKernel() {
        var rng = SeededRandom(seed: 5)
        let layer = Conv2d(3, 3, kernel: 3, stride: 2, padding: 1, groups: 3, rng: &rng)
        #expect(layer.geometry(for: [1, 3, 7, 7]).isDepthwise)
        let x = Tensor(shape: [2, 3, 7, 7], rng: &rng) { $0.normal() }
        expectGradientsMatch(GradCheck.check(layer, input: x))
    }

    @Test func batchNormTrainingAndInference() {
        var rng = SeededRandom(seed: 6)
        let bn = BatchNorm2d(3)
        bn.weight.value.assign(Tensor(shape: [3], values: [1.5, -0.5, 0.8]))
        bn.bias.value.assign(Tensor(shape: [3], values: [0.1, 0.2, -0.3]))
        let x = Tensor(shape: [2, 3, 3, 3], rng: &rng) { $0.normal() * 2 + 1 }
        // Training mode: gradients flow through the batch statistics (running stats drift during the
        // check, but the training forward does not read them).
        expectGradientsMatch(GradCheck.check(bn, input: x, eps: 1e-3))
        bn.setTraining(false)
        expectGradientsMatch(GradCheck.check(bn, input: x))
    }

    static let activations: [Activation.Kind] = [.relu, .relu6, .leakyReLU(slope: 0.1), .silu, .gelu, .sigmoid, .tanh]

    @Test(arguments: activations) func activation(_ kind: Activation.Kind) {
        let x = GradCheck.awayFromKinks([2, 3, 4], scale: 3, seed: 7)
        expectGradientsMatch(GradCheck.check(Activation(kind), input: x))
    }

    @Test func softmax() {
        var rng = SeededRandom(seed: 8)
        let x = Tensor(shape: [3, 5], rng: &rng) { $0.normal() * 2 }
        expectGradientsMatch(GradCheck.check(Softmax(), input: x))
    }

    @Test func pooling() {
        let x = GradCheck.distinctInput([2, 2, 6, 6], seed: 9)
        expectGradientsMatch(GradCheck.check(MaxPool2d(kernel: 2), input: x, eps: 1e-3))
        expectGradientsMatch(GradCheck.check(MaxPool2d(kernel: 3, stride: 2, padding: 1), input: x, eps: 1e-3))
        expectGradientsMatch(GradCheck.check(AvgPool2d(kernel: 3, stride: 2, padding: 1), input: x))
        expectGradientsMatch(GradCheck.check(GlobalAvgPool(), input: x))
        expectGradientsMatch(GradCheck.check(Flatten(), input: x))
    }

    @Test func dropoutReplaysItsSeededMask() {
        let layer = Dropout(0.3, seed: 42)
        var rng = SeededRandom(seed: 10)
        let x = Tensor(shape: [4, 8], rng: &rng) { $0.normal() }
        expectGradientsMatch(GradCheck.check(layer, input: x) { layer.reseed() })
        layer.setTraining(false)
        #expect(layer.forward(x).toArray() == x.toArray())
    }

    @Test func squeezeExcitation() {
        var rng = SeededRandom(seed: 11)
        let layer = SqueezeExcitation(channels: 4, reduction: 2, rng: &rng)
        let x = Tensor(shape: [2, 4, 3, 3], rng: &rng) { $0.normal() }
        expectGradientsMatch(GradCheck.check(layer, input: x, eps: 1e-3))
    }

    @Test func cbamChannelAndSpatialAttention() {
        var rng = SeededRandom(seed: 12)
        let x = GradCheck.distinctInput([2, 4, 4, 4], gap: 0.03, seed: 13)
        expectGradientsMatch(GradCheck.check(ChannelAttention(channels: 4, reduction: 2, rng: &rng), input: x, eps: 1e-3))
        expectGradientsMatch(GradCheck.check(SpatialAttention(kernel: 3, rng: &rng), input: x, eps: 1e-3))
        expectGradientsMatch(GradCheck.check(Sequential.cbam(channels: 4, reduction: 2, spatialKernel: 3, rng: &rng),
                                             input: x, eps: 1e-3))
    }

    @Test func invertedResidualWithSkip() {
        var rng = SeededRandom(seed: 14)
        let block = InvertedResidual(3, 3, stride: 1, expansion: 2, squeezeExcitation: true, rng: &rng)
        #expect(block.usesSkip)
        let x = Tensor(shape: [2, 3, 4, 4], rng: &rng) { $0.normal() }
        // ReLU6/ReLU kinks inside the block can sit within a perturbation: those probes are skipped.
        let report = GradCheck.check(block, input: x, eps: 1e-3)
        expectGradientsMatch(report)
        block.setTraining(false)
        expectGradientsMatch(GradCheck.check(block, input: x, eps: 1e-3))
    }

    @Test func invertedResidualStrided() {
        var rng = SeededRandom(seed: 15)
        let block = InvertedResidual(2, 4, stride: 2, expansion: 3, rng: &rng)
        #expect(!block.usesSkip)
        let x = Tensor(shape: [2, 2, 5, 5], rng: &rng) { $0.normal() }
        #expect(block.forward(x).shape == [2, 4, 3, 3])
        expectGradientsMatch(GradCheck.check(block, input: x, eps: 1e-3))
    }
}
