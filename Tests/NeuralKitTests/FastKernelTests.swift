// The inference fast paths against their plain references: the SIMD 3x3 depthwise row kernel
// (every stride/padding it takes, widths that hit the vector loop, its tail and the borders),
// ReLU/ReLU6 fused into convolutions by BatchNorm folding (forward and gradient equal to the
// unfused chain), the parallel loop, and FLOP counting against MobileNetV2's published size.
import Foundation
import Testing
@testable import NeuralKit

@Suite struct FastKernelTests {
    /// Depthwise 3x3 geometries: stride 1 and 2, padding 0 and 1, widths from 1 to past two SIMD
    /// blocks; the last two have enough planes to be split across threads (`Parallel.grain`).
    static let depthwise: [ConvGeometry] = [1, 2, 3, 7, 8, 9, 16, 17, 23, 40].flatMap { w in
        [(1, 1), (2, 1), (1, 0), (2, 0)].compactMap { s, p -> ConvGeometry? in
            guard w + 2 * p >= 3 else { return nil }
            return ConvGeometry(batch: 2, inChannels: 3, height: max(3, w / 2 + 1), width: w, outChannels: 3,
                                kernel: 3, stride: s, padding: p, groups: 3)
        }
    } + [ConvGeometry(batch: 2, inChannels: 96, height: 40, width: 40, outChannels: 96, kernel: 3, stride: 1, padding: 1, groups: 96),
         ConvGeometry(batch: 2, inChannels: 192, height: 40, width: 40, outChannels: 192, kernel: 3, stride: 2, padding: 1, groups: 192)]

    static func reference(_ g: ConvGeometry, _ x: Tensor, _ w: Tensor, _ b: Tensor?, _ e: ConvEpilogue) -> Tensor {
        let y = Tensor(zeros: g.outputShape)
        Conv2dReference.forward(g, x: x.pointer, weight: w.pointer, bias: b?.pointer, y: y.pointer)
        let (lo, hi) = e.bounds
        for i in 0..<y.count { y.pointer[i] = min(max(y.pointer[i], lo), hi) }
        return y
    }

    @Test(arguments: depthwise) func depthwise3x3MatchesReference(_ g: ConvGeometry) {
        #expect(DepthwiseKernels.has3x3Path(g))
        if g.inChannels > 3 { #expect(g.batch * g.inChannels / Parallel.grain(work: g.outPlane * 9) >= 2, "not split: \(g)") }
        var rng = SeededRandom(seed: UInt64(g.width * 10 + g.stride + g.padding))
        let x = Tensor(shape: [g.batch, g.inChannels, g.height, g.width], rng: &rng) { $0.normal() * 3 }
        let w = Tensor(shape: g.weightShape, rng: &rng) { $0.normal() }
        let b = Tensor(shape: [g.outChannels], rng: &rng) { $0.normal() }
        for e in [ConvEpilogue.none, .relu, .relu6] {
            let expected = Self.reference(g, x, w, b, e)
            let y = Tensor(repeating: .nan, shape: g.outputShape)
            DepthwiseKernels.forward(g, x: x.pointer, weight: w.pointer, bias: b.pointer, epilogue: e, y: y.pointer)
            #expect(!y.toArray().contains { $0.isNaN }, "an output left unwritten: \(g)")
            #expect(y.maxAbsDifference(expected) <= 1e-5 * max(1, expected.maxAbs()), "\(g) \(e)")
        }
    }

    @Test func convolutionEpilogueMatchesReference() {
        let g = ConvGeometry(batch: 2, inChannels: 5, height: 9, width: 11, outChannels: 6, kernel: 3, stride: 2, padding: 1)
        var rng = SeededRandom(seed: 4)
        let x = Tensor(shape: [2, 5, 9, 11], rng: &rng) { $0.normal() * 3 }
        let w = Tensor(shape: g.weightShape, rng: &rng) { $0.normal() }
        let b = Tensor(shape: [6], rng: &rng) { $0.normal() }
        let col = Tensor(zeros: [g.patchSize * g.outPlane])
        for e in [ConvEpilogue.relu, .relu6] {
            let y = Tensor(zeros: g.outputShape)
            Conv2dKernels.forward(g, x: x.pointer, weight: w.pointer, bias: b.pointer, epilogue: e, y: y.pointer, col: col.pointer)
            let expected = Self.reference(g, x, w, b, e)
            #expect(y.maxAbsDifference(expected) <= 1e-4 * expected.maxAbs())
            #expect(y.toArray().contains(0) && (e == .relu || y.toArray().contains(6)), "clamp never engaged: a weak test input")
        }
    }

    /// A small MobileNetV2 in eval mode: folding (with fused ReLU6) changes neither the output nor
    /// the input gradient Grad-CAM and saliency maps read.
    @Test func foldedMobileNetMatchesUnfolded() {
        var rng = SeededRandom(seed: 9)
        let model = MobileNetV2.make(classes: 4, rng: &rng)
        // Non-trivial BatchNorm statistics, so folding has something to fold.
        for (name, p) in model.namedParameters() where name.hasSuffix("running_var") || name.hasSuffix("running_mean") {
            for i in 0..<p.value.count { p.value.pointer[i] = name.hasSuffix("var") ? rng.uniform(0.5, 2) : rng.uniform(-0.2, 0.2) }
        }
        model.setTraining(false)
        let folded = model.foldingBatchNorm()
        let convs = folded.namedParameters().filter { $0.0.hasSuffix("weight") }.count
        #expect(!folded.namedParameters().contains { $0.0.contains("running_mean") })
        #expect(convs > 50)
        let x = Tensor(shape: [2, 3, 64, 64], rng: &rng) { $0.normal() }
        // Each model runs forward then backward before the other: they share the classifier layers.
        let y = model.forward(x)
        let dy = Tensor(shape: y.shape, rng: &rng) { $0.normal() }
        let dx = model.backward(dy)
        let yf = folded.forward(x), dxf = folded.backward(dy)
        #expect(yf.maxAbsDifference(y) <= 1e-4 * max(1, y.maxAbs()))
        #expect(dxf.maxAbsDifference(dx) <= 1e-3 * max(1, dx.maxAbs()))
    }

    @Test func foldingFusesTheActivationAfterBatchNorm() {
        var rng = SeededRandom(seed: 1)
        let chain = Sequential([Conv2d(3, 4, kernel: 3, padding: 1, bias: false, rng: &rng), BatchNorm2d(4), Activation(.relu6),
                                Conv2d(4, 4, kernel: 1, rng: &rng), Activation(.tanh)])
        chain.setTraining(false)
        let folded = chain.foldingBatchNorm()
        #expect(folded.layers.map(\.0) == ["0", "3", "4"])
        #expect((folded.layers[0].1 as? Conv2d)?.epilogue == .relu6)
        #expect((folded.layers[1].1 as? Conv2d)?.epilogue == ConvEpilogue.none)
    }

    /// Products big enough to be split (by columns when C is wide, by rows when narrow), a single
    /// row (the sgemv path), every transpose, against the triple loop; `blockDone` sees every element of C exactly once.
    @Test(arguments: [(64, 700, 96), (600, 40, 256), (48, 33, 5), (1, 300, 70)])
    func splitGemmMatchesNaive(_ size: (Int, Int, Int)) {
        let (m, n, k) = size
        var rng = SeededRandom(seed: UInt64(m * n))
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = Tensor(shape: ta ? [k, m] : [m, k], rng: &rng) { $0.normal() }
            let b = Tensor(shape: tb ? [n, k] : [k, n], rng: &rng) { $0.normal() }
            let c0 = Tensor(shape: [m, n], rng: &rng) { $0.normal() }
            let fast = c0.copy(), slow = c0.copy(), seen = Tensor(zeros: [m, n], pool: nil)
            BLAS.gemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 0.5, a: a.pointer, lda: ta ? m : k,
                      b: b.pointer, ldb: tb ? k : n, beta: 2, c: fast.pointer, ldc: n) { rows, cols in
                for i in rows { for j in cols { seen.pointer[i * n + j] += 1 } }
            }
            BLAS.gemmNaive(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 0.5, a: a.pointer, lda: ta ? m : k,
                           b: b.pointer, ldb: tb ? k : n, beta: 2, c: slow.pointer, ldc: n)
            #expect(fast.maxAbsDifference(slow) <= 1e-4 * slow.maxAbs(), "\(size) transA \(ta) transB \(tb)")
            #expect(seen.toArray().allSatisfy { $0 == 1 })
            // beta = 0 must ignore whatever C held (pooled buffers are uninitialised), NaN included.
            let nan = Tensor(repeating: .nan, shape: [m, n])
            BLAS.gemm(transA: ta, transB: tb, m: m, n: n, k: k, a: a.pointer, lda: ta ? m : k,
                      b: b.pointer, ldb: tb ? k : n, c: nan.pointer, ldc: n)
            BLAS.gemmNaive(transA: ta, transB: tb, m: m, n: n, k: k, a: a.pointer, lda: ta ? m : k,
                           b: b.pointer, ldb: tb ? k : n, c: slow.pointer, ldc: n)
            #expect(!nan.toArray().contains { $0.isNaN } && nan.maxAbsDifference(slow) <= 1e-4 * slow.maxAbs())
        }
        #expect(BLAS.threads == 1, "OpenBLAS must stay single-threaded while gemm splits the work")
    }

    /// The vectorised exp, sigmoid and tanh against libm over the whole useful range, including the
    /// clamp at the ends and tanh's switch between its two forms at |x| = 0.625.
    @Test func fastMathMatchesLibm() {
        let xs = (-4000...4000).map { Float($0) / 40 } + [-1e-6, 1e-6, 0, 0.6249, 0.6251, -0.6251, 87.9, -86.9]
        var expErr: Float = 0, sigErr: Float = 0, tanhErr: Float = 0
        for x in xs {
            let v = SIMD8<Float>(repeating: x)
            if x > -87 && x < 88 { expErr = max(expErr, abs(FastMath.exp(v)[3] - expf(x)) / expf(x)) }
            sigErr = max(sigErr, abs(FastMath.sigmoid(v)[5] - 1 / (1 + expf(-x))))
            let t = tanhf(x)
            tanhErr = max(tanhErr, abs(FastMath.tanh(v)[7] - t) / max(abs(t), 1e-30))
        }
        #expect(expErr < 5e-7, "exp relative error \(expErr)")
        #expect(sigErr < 1e-6, "sigmoid absolute error \(sigErr)")
        #expect(tanhErr < 1e-5, "tanh relative error \(tanhErr)")
        #expect(FastMath.exp(SIMD8(repeating: 500))[0] == expf(88) && FastMath.tanh(SIMD8(repeating: 50))[0] == 1)
    }

    @Test func parallelLoopCoversEveryIndexOnce() {
        for count in [0, 1, 2, 3, 17, 1000] {
            let hits = Tensor(zeros: [max(count, 1)], pool: nil)
            Parallel.forEach(count) { range in for i in range { hits.pointer[i] += 1 } }
            #expect(hits.toArray().prefix(count).allSatisfy { $0 == 1 }, "count \(count)")
        }
    }

    /// torchvision's MobileNetV2 is 300.8M multiply-adds at 224x224 (Sandler et al. quote 300M).
    @Test func flopCountMatchesMobileNetV2sPublishedSize() {
        var rng = SeededRandom(seed: 2)
        let model = MobileNetV2.make(rng: &rng).foldingBatchNorm()
        let flops = FLOPCount.forward(model, input: Tensor(zeros: [1, 3, 224, 224]))
        #expect(abs(Double(flops) / 2 - 300.8e6) / 300.8e6 < 0.01, "\(flops) FLOPs")
        let lstm = LSTM(inputSize: 64, hiddenSize: 128, bidirectional: true, rng: &rng)
        #expect(FLOPCount.forward(lstm, input: Tensor(zeros: [1, 32, 64])) == 2 * 2 * 32 * 4 * 128 * (64 + 128))
    }
}
