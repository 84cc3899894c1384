// bf16 compute (`ComputePrecision.bfloat16`, oneDNN) and reduced-precision weight files, against
// the Float32 path. Tolerances come from bf16's 8 significant bits: rounding an input costs at most
// u = 2^-8 relatively, a product of two rounded inputs at most 2u = 2^-7, and the k errors of a dot
// product have independent signs and add like a random walk, so a k-term dot product is off by
// about 2^-7 * sqrt(k) * max|a| * max|b| at most in practice: the tolerance. The same tests check
// the error is far above Float32's, so bf16 really ran.
import Foundation
import Testing
import TestSupport
@testable import NeuralKit

// Serialized: one test counts the process-wide oneDNN primitive cache, which the others would grow.
@Suite(.serialized) struct ReducedPrecisionTests {
    static let bf16 = BF16Support.detected.available

    static func uniform(_ count: Int, seed: UInt64) -> [Float] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in rng.uniform(-1, 1) }
    }

    static func tolerance(k: Int) -> Float { powf(2, -7) * Float(k).squareRoot() }

    /// A whole network: each of its L GEMM layers adds a relative error of a few unit roundoffs u
    /// (2^-8 for bf16, 2^-11 for F16) to its output, independent of the others', so they grow like
    /// sqrt(L); 4 u sqrt(L) of the largest logit is the bound (MobileNetV2: L = 36, 0.094 for bf16).
    static func networkTolerance(_ model: Sequential, unitRoundoff u: Float) -> Float {
        let gemmLayers = model.precisionSelectableLayers().filter {
            !(($0 as? Conv2d).map { $0.groups == $0.inChannels && $0.groups > 1 } ?? false)
        }.count
        return 4 * u * Float(gemmLayers).squareRoot()
    }

    @Test func bfloat16RoundsToNearestEven() {
        #expect(BFloat16.bits(1) == 0x3F80 && BFloat16.bits(-2) == 0xC000)
        #expect(BFloat16.rounded(1 + powf(2, -8)) == 1)                       // tie, 1 is even
        #expect(BFloat16.rounded(1 + 3 * powf(2, -8)) == 1 + powf(2, -6))     // tie, rounds up to even
        #expect(BFloat16.rounded(1 + powf(2, -8) + powf(2, -12)) == 1 + powf(2, -7))
        #expect(BFloat16.rounded(.greatestFiniteMagnitude) == .infinity && BFloat16.rounded(-.infinity) == -.infinity)
        #expect(BFloat16.rounded(.nan).isNaN && BFloat16.rounded(.signalingNaN).isNaN)
        for f: Float in [0.1, 3.14159, -1e-30, 6.5e4, 1e38] {
            #expect(abs(BFloat16.rounded(f) - f) <= abs(f) * powf(2, -8), "\(f)")
        }
    }

    /// Both operand layouts the layers use: bf16 weight on the left (convolution), Float32 activation
    /// on the left with a bias (Linear), and a C row stride wider than n.
    @Test(.enabled(if: bf16, "this CPU has no AVX-512 BF16"), arguments: [(64, 96, 27), (33, 200, 576), (7, 1000, 1280)])
    func gemmMatchesTheFloat32OracleWithinBF16Tolerance(shape: (Int, Int, Int)) {
        let (m, n, k) = shape, ldc = n + 3
        let a = Self.uniform(m * k, seed: 1), b = Self.uniform(k * n, seed: 2), bias = Self.uniform(n, seed: 3)
        var exact = [Float](repeating: 0, count: m * ldc), exactBias = exact
        var conv = exact, linear = exact, rounded = exact
        BLAS.gemmNaive(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: n, c: &exact, ldc: ldc)
        for i in 0..<m { for j in 0..<n { exactBias[i * ldc + j] = exact[i * ldc + j] + bias[j] } }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                let wa = BF16Matrix(rows: m, cols: k, source: pa.baseAddress!, ld: k)
                let wb = BF16Matrix(rows: k, cols: n, source: pb.baseAddress!, ld: n)
                BF16GEMM.gemm(m: m, n: n, k: k, a: .bf16(wa.pointer), b: .float32(pb.baseAddress!, ld: n), c: &conv, ldc: ldc)
                BF16GEMM.gemm(m: m, n: n, k: k, a: .float32(pa.baseAddress!, ld: k), b: .bf16(wb.pointer),
                              bias: bias, c: &linear, ldc: ldc)
                BF16GEMM.gemmNaive(m: m, n: n, k: k, a: .bf16(wa.pointer), b: .float32(pb.baseAddress!, ld: n),
                                   c: &rounded, ldc: ldc)
            }
        }
        var errConv: Float = 0, errLinear: Float = 0, errRounded: Float = 0
        for i in 0..<m {
            for j in 0..<n {
                let p = i * ldc + j
                errConv = max(errConv, abs(conv[p] - exact[p]))
                errLinear = max(errLinear, abs(linear[p] - exactBias[p]))
                errRounded = max(errRounded, abs(conv[p] - rounded[p]))
            }
        }
        let tol = Self.tolerance(k: k)
        print("bf16 gemm \(m)x\(n)x\(k): max error \(errConv) (conv layout), \(errLinear) (linear + bias); tolerance \(tol)")
        #expect(errConv <= tol && errLinear <= tol)
        // bf16 really ran: the error is far above a Float32 GEMM's (~1e-7 * sqrt(k)) ...
        #expect(errConv > tol / 100 && errLinear > tol / 100)
        // ... and it is the error of rounding the inputs to nearest even, nothing else.
        #expect(errRounded <= 1e-5 * Float(k).squareRoot())
        #expect(linear[ldc - 1] == 0 && conv[ldc - 1] == 0, "padding past n in a row of C was written")
    }

    /// A batch of images through one call, the shared bf16 weight broadcast: every item as the
    /// Float32 oracle computes it on its own, within the same tolerance, and nothing written between items.
    @Test(.enabled(if: bf16, "this CPU has no AVX-512 BF16"))
    func batchedGemmMatchesPerItemOracle() {
        let batch = 3, m = 40, n = 50, k = 96, strideB = k * n + 7, strideC = m * n + 5
        let w = Self.uniform(m * k, seed: 4), x = Self.uniform(batch * strideB, seed: 5)
        var y = [Float](repeating: 0, count: batch * strideC)
        var exact = [Float](repeating: 0, count: m * n)
        w.withUnsafeBufferPointer { pw in
            let packed = BF16Matrix(rows: m, cols: k, source: pw.baseAddress!, ld: k)
            BF16GEMM.gemmBatched(batch: batch, m: m, n: n, k: k, a: packed.pointer, b: x, ldb: n, strideB: strideB,
                                 c: &y, ldc: n, strideC: strideC)
        }
        let tol = Self.tolerance(k: k)
        for i in 0..<batch {
            x.withUnsafeBufferPointer { px in
                BLAS.gemmNaive(m: m, n: n, k: k, a: w, lda: k, b: px.baseAddress! + i * strideB, ldb: n, c: &exact, ldc: n)
            }
            let err = (0..<(m * n)).map { abs(y[i * strideC + $0] - exact[$0]) }.max()!
            #expect(err <= tol && err > tol / 100, "item \(i): error \(err), tolerance \(tol)")
            #expect(y[i * strideC + m * n..<(i + 1) * strideC].allSatisfy { $0 == 0 }, "item \(i): gap written")
        }
    }

    /// A MobileNetV2 whose activations keep their scale through its 52 convolutions: PyTorch's
    /// default init (uniform ±1/sqrt(fan-in)) shrinks them layer by layer until the logits are the
    /// classifier's bias alone, which would hide any error; He's bound sqrt(6/fan-in) does not.
    static func mobileNet(seed: UInt64, classes: Int = 10) -> Sequential {
        var rng = SeededRandom(seed: seed)
        let model = MobileNetV2.make(classes: classes, rng: &rng)
        for layer in model.precisionSelectableLayers() {
            if let conv = layer as? Conv2d { conv.weight.value.scale(by: Float(6).squareRoot()) }
        }
        model.setTraining(false)
        return model
    }

    static func image(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SeededRandom(seed: seed)
        return Tensor(shape: shape, rng: &rng) { $0.uniform(-2, 2) }
    }

    @Test(.enabled(if: bf16, "this CPU has no AVX-512 BF16"))
    func mobileNetV2InBF16StaysCloseToFloat32() throws {
        let model = Self.mobileNet(seed: 7), x = Self.image([2, 3, 64, 64], seed: 8)
        let reference = model.forward(x).copy()
        try model.setPrecision(.bfloat16)
        #expect(model.computePrecision == .bfloat16)
        let y = model.forward(x).copy()
        let cached = DNNLContext.shared.cachedMatmuls
        let again = model.forward(x)
        #expect(DNNLContext.shared.cachedMatmuls == cached, "a second forward of the same shape created primitives")
        #expect(again.maxAbsDifference(y) == 0, "bf16 forward is not deterministic")
        let rel = y.maxAbsDifference(reference) / reference.maxAbs(), tol = Self.networkTolerance(model, unitRoundoff: powf(2, -8))
        print("MobileNetV2 64x64 bf16 vs float32: max logit deviation \(rel) of max |logit|; tolerance \(tol)")
        #expect(rel <= tol)
        #expect(rel > 1e-4, "bf16 gave Float32's answer: the bf16 path did not run")
        // The Float32 weights are untouched: switching back gives the Float32 answer exactly.
        try model.setPrecision(.float32)
        #expect(model.forward(x).maxAbsDifference(reference) == 0)
        #expect(model.reducedPrecisionWeightBytes == 0)
    }

    @Test(.enabled(if: bf16, "this CPU has no AVX-512 BF16"))
    func bf16HoldsGemmWeightsAtHalfSizeAndLeavesDepthwiseInFloat32() throws {
        let model = Self.mobileNet(seed: 3)
        try model.setPrecision(.bfloat16)
        var gemmWeights = 0
        for (_, p) in model.namedParameters() where p.shape.count == 2 { gemmWeights += p.value.count }   // Linear
        for layer in model.precisionSelectableLayers() {
            guard let conv = layer as? Conv2d else { continue }
            if conv.groups == conv.inChannels && conv.groups > 1 {
                #expect(conv.packedWeight == nil, "depthwise layer got a bf16 copy")
            } else {
                gemmWeights += conv.weight.value.count
            }
        }
        #expect(model.reducedPrecisionWeightBytes == 2 * gemmWeights)
        // A depthwise convolution computes the same in either precision.
        var rng = SeededRandom(seed: 4)
        let dw = Conv2d(8, 8, kernel: 3, padding: 1, groups: 8, rng: &rng), x = Self.image([1, 8, 10, 10], seed: 5)
        let y32 = dw.forward(x).copy()
        try dw.setPrecision(.bfloat16)
        #expect(dw.forward(x).maxAbsDifference(y32) == 0)
    }

    @Test(.enabled(if: bf16, "this CPU has no AVX-512 BF16"))
    func foldingABF16ModelKeepsItInBF16() throws {
        let a = Self.mobileNet(seed: 31), b = Self.mobileNet(seed: 31), x = Self.image([1, 3, 32, 32], seed: 32)
        try a.setPrecision(.bfloat16)
        let foldedAfter = a.foldingBatchNorm()
        let foldedBefore = b.foldingBatchNorm()
        try foldedBefore.setPrecision(.bfloat16)
        #expect(foldedAfter.precisionSelectableLayers().allSatisfy { $0.precision == .bfloat16 })
        #expect(foldedAfter.forward(x).maxAbsDifference(foldedBefore.forward(x)) == 0)
    }

    @Test func unsupportedCPUIsAClearErrorAndChangesNothing() throws {
        let model = Self.mobileNet(seed: 5), x = Self.image([1, 3, 32, 32], seed: 6)
        let before = model.forward(x).copy()
        let noBF16 = BF16Support(available: false, isa: "avx2")
        #expect(throws: PrecisionError.bf16Unsupported(isa: "avx2")) { try model.setPrecision(.bfloat16, cpu: noBF16) }
        #expect(PrecisionError.bf16Unsupported(isa: "avx2").description.contains("AVX-512 BF16"))
        #expect(model.computePrecision == .float32)
        #expect(model.forward(x).maxAbsDifference(before) == 0)
        try model.setPrecision(.float32, cpu: noBF16)      // Float32 is always available
    }

    @Test func mobileNetV2LoadsFromF16AndBF16Safetensors() throws {
        let dir = TempDir(), source = Self.mobileNet(seed: 11), x = Self.image([1, 3, 48, 48], seed: 12)
        let reference = source.forward(x).copy()
        let p32 = dir.path("m32.safetensors")
        try source.saveWeights(to: p32)
        for (precision, u) in [(SafetensorsWriter.Precision.float16, powf(2, -11)), (.bfloat16, powf(2, -8))] {
            let path = dir.path("m-\(precision.rawValue).safetensors")
            try source.saveWeights(to: path, precision: precision)
            let file = try SafetensorsFile(path: path)
            #expect(file.entries.values.allSatisfy { $0.dtype == precision.rawValue })
            let bytes = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
            let bytes32 = try FileManager.default.attributesOfItem(atPath: p32)[.size] as! Int
            #expect(Double(bytes) < 0.52 * Double(bytes32), "\(precision.rawValue) file is \(bytes) bytes against \(bytes32)")
            let loaded = Self.mobileNet(seed: 99)
            try loaded.loadWeights(from: file)
            for ((name, a), (_, b)) in zip(source.namedParameters(), loaded.namedParameters()) {
                #expect(a.value.maxAbsDifference(b.value) <= a.value.maxAbs() * u, "\(name)")
            }
            let rel = loaded.forward(x).maxAbsDifference(reference) / reference.maxAbs()
            let tol = Self.networkTolerance(loaded, unitRoundoff: u)
            print("MobileNetV2 from \(precision.rawValue) safetensors: max logit deviation \(rel) of max |logit|; tolerance \(tol)")
            #expect(rel <= tol)
        }
    }

    @Test(.enabled(if: bf16, "this CPU has no AVX-512 BF16"))
    func loadingWeightsIntoABF16ModelReconvertsItsCopies() throws {
        let dir = TempDir(), source = Self.mobileNet(seed: 21), x = Self.image([1, 3, 32, 32], seed: 22)
        let path = dir.path("m.safetensors")
        try source.saveWeights(to: path)
        try source.setPrecision(.bfloat16)
        let expected = source.forward(x).copy()
        let target = Self.mobileNet(seed: 23)
        try target.setPrecision(.bfloat16)
        try target.loadWeights(path: path)
        #expect(target.forward(x).maxAbsDifference(expected) == 0, "stale bf16 weights after loadWeights")
    }

    /// The ImageNet MobileNetV2 (Scripts/fetch-pretrained-mobilenetv2) in bf16 on the real photo of
    /// PretrainedTests: still "military uniform", logits within the network tolerance of ONNX Runtime's.
    @Test(.enabled(if: bf16 && PretrainedTests.available, "needs AVX-512 BF16 and Scripts/fetch-pretrained-mobilenetv2"))
    func pretrainedMobileNetV2InBF16KeepsItsAnswer() throws {
        var rng = SeededRandom(seed: 0)
        let model = MobileNetV2.make(rng: &rng)
        try model.loadWeights(path: PretrainedTests.weights)
        model.setTraining(false)
        let folded = model.foldingBatchNorm()
        try folded.setPrecision(.bfloat16)
        let io = try SafetensorsFile(path: PretrainedTests.check)
        let x = io.tensor("input")!, expected = io.tensor("logits")!
        let y = folded.forward(x)
        let rel = y.maxAbsDifference(expected) / expected.maxAbs(), tol = Self.networkTolerance(folded, unitRoundoff: powf(2, -8))
        let logits = y.toArray(), top = logits.indices.max { logits[$0] < logits[$1] }!
        print("pretrained mobilenet_v2 in bf16: logits deviation \(rel) of max |logit| (tolerance \(tol)), top-1 class \(top)")
        #expect(rel <= tol && rel > 1e-4)
        #expect(top == 652)
    }
}
