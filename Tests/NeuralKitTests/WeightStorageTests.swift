// How a model holds its weights (`WeightStorage`) and what that costs (`memoryFootprint`):
// gradients only once training needs them, Float16 storage for inference (half the bytes, answers
// within Float16's rounding, training refused, F16 files), and bf16 compute with no Float32 master.
// Float16 keeps an 11-bit significand, so rounding a weight to nearest moves it by at most
// u = 2^-11 of its magnitude (halves below 2^-14 are subnormal: an absolute step of 2^-24, at most
// half of that lost); a network's logits then move by about 4 u sqrt(L) of the largest logit over
// its L GEMM layers (`ReducedPrecisionTests.networkTolerance`).
import Foundation
import Testing
import TestSupport
@testable import NeuralKit

@Suite(.serialized) struct WeightStorageTests {
    static let u = powf(2, -11)

    static func scalars(_ model: any Layer) -> Int { model.namedParameters().reduce(0) { $0 + $1.1.count } }

    /// Bytes of `model`'s values in reduced storage: two a scalar for weights of rank 2 and up,
    /// four for vectors (biases, normalisation), which stay Float32.
    static func reducedBytes(_ model: any Layer) -> Int {
        model.namedParameters().reduce(0) { $0 + ($1.1.shape.count >= 2 ? 2 : 4) * $1.1.count }
    }

    /// The Float16 value nearest `x` is within u |x|, or 2^-25 where halves are subnormal.
    static func halfError(_ x: Float) -> Float { max(abs(x) * u, powf(2, -25)) }

    @Test func anInferenceOnlyModelHoldsNoGradients() throws {
        let model = ReducedPrecisionTests.mobileNet(seed: 1), x = ReducedPrecisionTests.image([1, 3, 32, 32], seed: 2)
        _ = model.forward(x)
        let n = Self.scalars(model)
        #expect(model.memoryFootprint == WeightMemory(valueBytes: 4 * n, gradientBytes: 0, reducedCopyBytes: 0))
        // A backward pass allocates what it accumulates into, and only that.
        model.setTraining(true)
        let y = model.forward(x)
        _ = model.backward(Tensor(repeating: 1, shape: y.shape))
        let afterBackward = model.memoryFootprint.gradientBytes
        #expect(afterBackward > 0 && afterBackward < 4 * n, "running statistics have no gradient")
        try model.prepareForTraining()
        #expect(model.memoryFootprint.gradientBytes == 4 * n)
        model.releaseGradients()
        #expect(model.memoryFootprint.gradientBytes == 0)
    }

    @Test func lazyGradientsTrainLikeAllocatedOnes() throws {
        // The same two SGD steps with gradients allocated up front and on first use.
        func train(prepare: Bool) throws -> Tensor {
            var rng = SeededRandom(seed: 5)
            let model = Sequential(named: [("0", Linear(6, 4, rng: &rng)), ("1", Activation(.relu)), ("2", Linear(4, 2, rng: &rng))])
            if prepare { try model.prepareForTraining() }
            let sgd = SGD(model.parameters, learningRate: 0.1, momentum: 0.9)
            let x = ReducedPrecisionTests.image([3, 6], seed: 6)
            for _ in 0..<2 {
                model.zeroGrad()
                let y = model.forward(x)
                _ = model.backward(y)        // d(0.5 |y|^2)/dy = y
                sgd.step()
            }
            return model.forward(x).copy()
        }
        let eager = try train(prepare: true), lazy = try train(prepare: false)
        #expect(eager.maxAbsDifference(lazy) == 0)
    }

    @Test func float16StorageHalvesTheWeightsAndStaysWithinHalfRounding() throws {
        let model = ReducedPrecisionTests.mobileNet(seed: 3), x = ReducedPrecisionTests.image([2, 3, 48, 48], seed: 4)
        let reference = model.forward(x).copy()
        let before = model.namedParameters().map { ($0.0, $0.1.value.copy()) }
        let bytes32 = model.memoryFootprint.total
        try model.setWeightStorage(.float16)
        #expect(model.weightStorage == .float16)
        #expect(model.memoryFootprint == WeightMemory(valueBytes: Self.reducedBytes(model), gradientBytes: 0, reducedCopyBytes: 0))
        print("MobileNetV2 weights: \(bytes32) bytes in Float32, \(model.memoryFootprint.total) in Float16 storage")
        #expect(Double(model.memoryFootprint.total) < 0.52 * Double(bytes32))  // vectors stay Float32
        for ((name, p), (_, v)) in zip(model.namedParameters(), before) {
            let w = p.value
            for i in 0..<w.count where abs(w.pointer[i] - v.pointer[i]) > Self.halfError(v.pointer[i]) {
                Issue.record("\(name)[\(i)]: \(v.pointer[i]) stored as \(w.pointer[i])"); break
            }
        }
        let y = model.forward(x).copy()
        let rel = y.maxAbsDifference(reference) / reference.maxAbs()
        let tol = ReducedPrecisionTests.networkTolerance(model, unitRoundoff: Self.u)
        print("MobileNetV2 48x48 with Float16 weights: max logit deviation \(rel) of max |logit|; tolerance \(tol)")
        #expect(rel <= tol)
        #expect(rel > 1e-6, "Float16 storage gave Float32's answer: the weights were not rounded")
        #expect(model.forward(x).maxAbsDifference(y) == 0, "widening is not deterministic")
        // Back to Float32: the rounded values, exactly, and training allowed again.
        try model.setWeightStorage(.float32)
        #expect(model.forward(x).maxAbsDifference(y) == 0)
        try model.prepareForTraining()
    }

    @Test func foldingAFloat16ModelKeepsItInFloat16() throws {
        let model = ReducedPrecisionTests.mobileNet(seed: 18), x = ReducedPrecisionTests.image([1, 3, 32, 32], seed: 19)
        let reference = model.foldingBatchNorm().forward(x).copy()
        try model.setWeightStorage(.float16)
        let folded = model.foldingBatchNorm()
        #expect(folded.weightStorage == .float16)
        #expect(folded.namedParameters().allSatisfy { $0.1.weightStorage == ($0.1.shape.count >= 2 ? .float16 : .float32) })
        let rel = folded.forward(x).maxAbsDifference(reference) / reference.maxAbs()
        // Rounded twice (the weights, then the folded weights): 2 u per layer.
        #expect(rel <= ReducedPrecisionTests.networkTolerance(folded, unitRoundoff: 2 * Self.u))
    }

    @Test func trainingAFloat16ModelIsRefused() throws {
        let model = ReducedPrecisionTests.mobileNet(seed: 5)
        try model.setWeightStorage(.float16)
        let first = model.namedParameters()[0].0
        #expect(throws: WeightStorageError.trainingNeedsFloat32(storage: .float16, parameter: first)) {
            try model.prepareForTraining()
        }
        let message = WeightStorageError.trainingNeedsFloat32(storage: .float16, parameter: first).description
        #expect(message.contains(first) && message.contains("setWeightStorage(.float32)"))
        #expect(model.memoryFootprint.gradientBytes == 0)
    }

    @Test func aFloat16ModelSavesAndLoadsF16Safetensors() throws {
        let dir = TempDir(), source = ReducedPrecisionTests.mobileNet(seed: 7), x = ReducedPrecisionTests.image([1, 3, 32, 32], seed: 8)
        let p32 = dir.path("m32.safetensors"), p16 = dir.path("m16.safetensors")
        try source.saveWeights(to: p32)
        try source.setWeightStorage(.float16)
        let expected = source.forward(x).copy()
        try source.saveWeights(to: p16)
        let file = try SafetensorsFile(path: p16)
        for (name, p) in source.namedParameters() {
            #expect(file.entries[name]?.dtype == (p.shape.count >= 2 ? "F16" : "F32"), "\(name)")
        }
        let size = { (p: String) in try FileManager.default.attributesOfItem(atPath: p)[.size] as! Int }
        #expect(Double(try size(p16)) < 0.52 * Double(try size(p32)))
        // The F16 file holds the stored halves exactly: a Float32 model loading it answers the same.
        let plain = ReducedPrecisionTests.mobileNet(seed: 70)
        try plain.loadWeights(from: file)
        #expect(plain.forward(x).maxAbsDifference(expected) == 0)
        // A Float16-stored model loads the F32 file straight into halves (rounding as setWeightStorage did).
        let half = ReducedPrecisionTests.mobileNet(seed: 71)
        try half.setWeightStorage(.float16)
        try half.loadWeights(path: p32)
        #expect(half.weightStorage == .float16)
        #expect(half.forward(x).maxAbsDifference(expected) == 0, "stale widened weights after loadWeights")
    }

    @Test func aHeldWidenedValueIsNeverOverwritten() throws {
        let model = ReducedPrecisionTests.mobileNet(seed: 9)
        try model.setWeightStorage(.float16)
        let params = model.namedParameters().map(\.1).filter { $0.weightStorage == .float16 }
        #expect(params.count > 2 * WidenScratch.slotCount)
        let held = params[0].value, snapshot = held.copy()
        for p in params.dropFirst() { _ = p.value.pointer }   // every slot reused several times
        #expect(held.maxAbsDifference(snapshot) == 0)
        // Two weights read at once through raw pointers (the view of the first already let go).
        let expectA = params[1].value.copy(), expectB = params[2].value.copy()
        for p in params.dropFirst(3) { _ = p.value.pointer }
        let a = params[1].value.pointer, b = params[2].value.pointer
        #expect((0..<params[1].count).allSatisfy { a[$0] == expectA.pointer[$0] })
        #expect((0..<params[2].count).allSatisfy { b[$0] == expectB.pointer[$0] })
        // After a forward pass the scratch is a few layers' worth: the Float16 model and its scratch
        // together hold less than the Float32 model did.
        WidenScratch.releaseThreadScratch()
        _ = model.forward(ReducedPrecisionTests.image([1, 3, 32, 32], seed: 10))
        let scratch = WeightMemory.threadScratchBytes, bytes32 = 4 * Self.scalars(model)
        print("Float16 MobileNetV2: \(model.memoryFootprint.total) bytes of weights + \(scratch) bytes of scratch, against \(bytes32) in Float32")
        #expect(model.memoryFootprint.total + scratch < bytes32)
    }

    /// A classifier-sized Linear with Float16 weights multiplies a block of rows at a time: the
    /// answer of its Float32 twin holding the same rounded values, without a Float32 copy of W.
    @Test func aFloat16LinearNeverWidensItsWholeMatrix() throws {
        var rng = SeededRandom(seed: 16)
        let half = Linear(1280, 1000, rng: &rng)
        try half.setWeightStorage(.float16)
        let twin = Linear(1280, 1000, rng: &rng)
        let dir = TempDir(), path = dir.path("linear.safetensors")
        try half.saveWeights(to: path)
        try twin.loadWeights(path: path)
        #expect(twin.weightStorage == .float32)
        let x = ReducedPrecisionTests.image([3, 1280], seed: 17)
        WidenScratch.releaseThreadScratch()
        let y = half.forward(x), expected = twin.forward(x)
        #expect(WeightMemory.threadScratchBytes == 0, "the whole weight was widened")
        let rel = y.maxAbsDifference(expected) / expected.maxAbs()
        #expect(rel <= 1e-6, "blocked GEMM differs from the whole one by \(rel)")
    }

    @Test func bf16StorageNeedsBF16Compute() throws {
        let model = ReducedPrecisionTests.mobileNet(seed: 11)
        #expect(throws: WeightStorageError.bf16StorageNeedsBF16Compute) { try model.setWeightStorage(.bfloat16) }
        #expect(model.weightStorage == .float32)
    }

    @Test(.enabled(if: ReducedPrecisionTests.bf16, "this CPU has no AVX-512 BF16"))
    func bf16ComputeCanDropItsFloat32Masters() throws {
        let dir = TempDir(), model = ReducedPrecisionTests.mobileNet(seed: 13), x = ReducedPrecisionTests.image([1, 3, 48, 48], seed: 14)
        let path = dir.path("m.safetensors")
        try model.saveWeights(to: path)
        let reference = model.forward(x).copy()
        try model.setPrecision(.bfloat16)
        let n = Self.scalars(model), bf16Copies = model.reducedPrecisionWeightBytes
        #expect(model.memoryFootprint == WeightMemory(valueBytes: 4 * n, gradientBytes: 0, reducedCopyBytes: bf16Copies))
        // Float16 storage beside the bf16 copies, then the bf16 copies alone: the same values, so
        // the same answer, bit for bit, in two bytes a weight (GEMM weights bf16, the rest Float16).
        try model.setWeightStorage(.float16)
        let y = model.forward(x).copy()
        #expect(model.memoryFootprint == WeightMemory(valueBytes: Self.reducedBytes(model), gradientBytes: 0, reducedCopyBytes: bf16Copies))
        try model.setWeightStorage(.bfloat16)
        #expect(model.weightStorage == .bfloat16)
        #expect(model.memoryFootprint == WeightMemory(valueBytes: Self.reducedBytes(model), gradientBytes: 0, reducedCopyBytes: 0))
        let z = model.forward(x).copy()
        #expect(z.maxAbsDifference(y) == 0)
        // Setting the precision again re-packs and shares, never holding two copies.
        try model.setPrecision(.bfloat16)
        #expect(model.memoryFootprint.total == Self.reducedBytes(model))
        #expect(model.forward(x).maxAbsDifference(z) == 0)
        // Float32 compute from the bf16 copies (widened on use) still answers, and back again.
        try model.setPrecision(.float32)
        #expect(model.memoryFootprint.total == Self.reducedBytes(model))
        let f32 = model.forward(x)
        #expect(f32.maxAbsDifference(reference) / reference.maxAbs() <= ReducedPrecisionTests.networkTolerance(model, unitRoundoff: powf(2, -8)))
        try model.setPrecision(.bfloat16)
        #expect(model.memoryFootprint.total == Self.reducedBytes(model))
        #expect(model.forward(x).maxAbsDifference(z) == 0)
        // Against Float32: bf16 compute's error (activations and GEMM weights rounded to 8 bits)
        // plus Float16's on the other weights.
        let rel = z.maxAbsDifference(reference) / reference.maxAbs()
        let tol = ReducedPrecisionTests.networkTolerance(model, unitRoundoff: powf(2, -8) + Self.u)
        print("MobileNetV2 48x48 bf16 with bf16-only weights vs float32: max deviation \(rel); tolerance \(tol)")
        #expect(rel <= tol)
        // It saves exactly what it holds (BF16, F16, F32 tensors) and loads it back bit for bit.
        let saved = dir.path("bf16.safetensors")
        try model.saveWeights(to: saved)
        let copy = ReducedPrecisionTests.mobileNet(seed: 15)
        try copy.loadWeights(path: saved)
        try copy.setPrecision(.bfloat16)
        try copy.setWeightStorage(.bfloat16)
        #expect(copy.forward(x).maxAbsDifference(z) == 0)
        // Loading again re-packs and drops the masters again, with the same answer.
        try model.loadWeights(path: path)
        #expect(model.memoryFootprint.total == Self.reducedBytes(model))
        #expect(model.forward(x).maxAbsDifference(z) == 0)
        #expect(throws: WeightStorageError.self) { try model.prepareForTraining() }
    }

    /// The ImageNet MobileNetV2 (Scripts/fetch-pretrained-mobilenetv2) with Float16 weights on the
    /// real photo of PretrainedTests: still "military uniform", logits within Float16's tolerance.
    @Test(.enabled(if: PretrainedTests.available, "run Scripts/fetch-pretrained-mobilenetv2 first"))
    func pretrainedMobileNetV2WithFloat16WeightsKeepsItsAnswer() throws {
        var rng = SeededRandom(seed: 0)
        let model = MobileNetV2.make(rng: &rng)
        try model.loadWeights(path: PretrainedTests.weights)
        model.setTraining(false)
        let folded = model.foldingBatchNorm()
        try folded.setWeightStorage(.float16)
        let io = try SafetensorsFile(path: PretrainedTests.check)
        let x = io.tensor("input")!, expected = io.tensor("logits")!
        let y = folded.forward(x)
        let rel = y.maxAbsDifference(expected) / expected.maxAbs(), tol = ReducedPrecisionTests.networkTolerance(folded, unitRoundoff: Self.u)
        let logits = y.toArray(), top = logits.indices.max { logits[$0] < logits[$1] }!
        print("pretrained mobilenet_v2 with Float16 weights: logits deviation \(rel) of max |logit| (tolerance \(tol)), top-1 class \(top)")
        #expect(rel <= tol)
        #expect(top == 652)
    }
}
