// The second set of layers: LayerNorm, PReLU, upsampling, transposed convolution (against a
// scatter-loop oracle) and the ResNet residual block; gradients by finite differences.
import Testing
@testable import NeuralKit

@Suite struct MoreLayerTests {
    @Test func layerNormGradientsAndStatistics() {
        var rng = SeededRandom(seed: 31)
        let ln = LayerNorm(6)
        ln.weight.value.assign(Tensor(shape: [6], rng: &rng) { 1 + 0.3 * $0.normal() })
        let x = Tensor(shape: [2, 3, 6], rng: &rng) { $0.normal() * 2 + 1 }
        expectGradientsMatch(GradCheck.check(ln, input: x, eps: 1e-3))
        let plain = LayerNorm(6).forward(x)
        let row = Array(plain.toArray()[0..<6])
        #expect(abs(row.reduce(0, +)) < 1e-4)
    }

    @Test func preluGradients() {
        let x = GradCheck.awayFromKinks([2, 3, 4], seed: 32)
        expectGradientsMatch(GradCheck.check(PReLU(channels: 3), input: x))
        expectGradientsMatch(GradCheck.check(PReLU(), input: x))
    }

    @Test func upsampleGradients() {
        var rng = SeededRandom(seed: 33)
        let x = Tensor(shape: [1, 2, 3, 2], rng: &rng) { $0.normal() }
        let up = Upsample(factor: 2)
        #expect(up.forward(x).shape == [1, 2, 6, 4])
        #expect(up.forward(x)[0, 1, 5, 3] == x[0, 1, 2, 1])
        expectGradientsMatch(GradCheck.check(up, input: x))
    }

    /// Transposed convolution by scattering every input pixel through the kernel.
    static func transposedOracle(_ layer: ConvTranspose2d, _ x: Tensor, outShape: [Int]) -> Tensor {
        let y = Tensor(zeros: outShape), k = layer.kernel, cinG = layer.inChannels / layer.groups
        let coutG = layer.outChannels / layer.groups
        for n in 0..<x.shape[0] { for c in 0..<x.shape[1] { for i in 0..<x.shape[2] { for j in 0..<x.shape[3] {
            let grp = c / cinG
            for oc in 0..<coutG { for ki in 0..<k { for kj in 0..<k {
                let oy = i * layer.stride - layer.padding + ki * layer.dilation
                let ox = j * layer.stride - layer.padding + kj * layer.dilation
                guard oy >= 0, oy < outShape[2], ox >= 0, ox < outShape[3] else { continue }
                y[n, grp * coutG + oc, oy, ox] += x[n, c, i, j] * layer.weight.value[c, oc, ki, kj]
            } } }
        } } } }
        for n in 0..<outShape[0] { for o in 0..<outShape[1] { for i in 0..<outShape[2] { for j in 0..<outShape[3] {
            y[n, o, i, j] += layer.bias?.value[o] ?? 0
        } } } }
        return y
    }

    @Test(arguments: [(2, 1, 1, 1), (2, 0, 1, 2), (3, 1, 2, 1)])
    func transposedConvolution(stride: Int, padding: Int, outputPadding: Int, groups: Int) {
        var rng = SeededRandom(seed: UInt64(34 + stride + padding * 3 + groups))
        let layer = ConvTranspose2d(4, 2 * groups, kernel: 3, stride: stride, padding: padding,
                                    outputPadding: outputPadding, dilation: outputPadding == 2 ? 2 : 1,
                                    groups: groups, rng: &rng)
        let x = Tensor(shape: [2, 4, 4, 3], rng: &rng) { $0.normal() }
        let y = layer.forward(x)
        let oracle = Self.transposedOracle(layer, x, outShape: y.shape)
        #expect(y.maxAbsDifference(oracle) <= 1e-4 * max(1, oracle.maxAbs()))
        expectGradientsMatch(GradCheck.check(layer, input: x))
    }

    @Test(arguments: [(4, 4, 1), (3, 6, 2)]) func residualBlock(cin: Int, cout: Int, stride: Int) {
        var rng = SeededRandom(seed: UInt64(40 + cout))
        let block = ResidualBlock(cin, cout, stride: stride, rng: &rng)
        #expect((block.shortcut == nil) == (cin == cout && stride == 1))
        let x = Tensor(shape: [2, cin, 4, 4], rng: &rng) { $0.normal() }
        #expect(block.forward(x).shape == [2, cout, 4 / stride, 4 / stride])
        expectGradientsMatch(GradCheck.check(block, input: x, eps: 1e-3))
    }
}

@Suite struct AttentionTests {
    @Test func multiHeadSelfAttentionGradients() {
        var rng = SeededRandom(seed: 50)
        let layer = MultiHeadSelfAttention(embedDim: 6, heads: 2, rng: &rng)
        let x = Tensor(shape: [2, 4, 6], rng: &rng) { $0.normal() }
        #expect(layer.forward(x).shape == [2, 4, 6])
        expectGradientsMatch(GradCheck.check(layer, input: x, eps: 1e-3))
        #expect(layer.namedParameters().map(\.0) == ["in_proj.weight", "in_proj.bias", "out_proj.weight", "out_proj.bias"])
    }

    @Test func attentionRowsAreDistributions() {
        var rng = SeededRandom(seed: 51)
        let layer = MultiHeadSelfAttention(embedDim: 4, heads: 4, rng: &rng)
        _ = layer.forward(Tensor(shape: [1, 5, 4], rng: &rng) { $0.normal() })
        let a = layer.lastAttention!
        #expect(a.shape == [1, 4, 5, 5])
        for r in 0..<20 { #expect(abs(a.toArray()[(r * 5)..<(r * 5 + 5)].reduce(0, +) - 1) < 1e-5) }
    }
}

@Suite struct Conv1dTests {
    @Test(arguments: [(1, 0, 1, 1), (2, 1, 1, 1), (1, 2, 2, 2), (1, 1, 1, 4)])
    func matchesReferenceAndFiniteDifferences(stride: Int, padding: Int, dilation: Int, groups: Int) {
        var rng = SeededRandom(seed: UInt64(60 + stride * 7 + padding * 3 + groups))
        let layer = Conv1d(4, 4, kernel: 3, stride: stride, padding: padding, dilation: dilation, groups: groups, rng: &rng)
        let x = Tensor(shape: [2, 4, 9], rng: &rng) { $0.normal() }
        let y = layer.forward(x), g = layer.geometry(for: x.shape)
        let ref = Tensor(zeros: y.shape)
        Conv1dKernels.reference(g, x: x.pointer, weight: layer.weight.value.pointer, bias: layer.bias!.value.pointer, y: ref.pointer)
        #expect(y.maxAbsDifference(ref) <= 1e-4 * max(1, ref.maxAbs()))
        expectGradientsMatch(GradCheck.check(layer, input: x))
    }
}
