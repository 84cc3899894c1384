// torchvision's ImageNet MobileNetV2, converted from its .pth with Scripts/pth-to-safetensors, loads
// by name into `MobileNetV2.make()` and classifies a real photo as ONNX Runtime does with the same
// weights. The weights (14 MB) are not committed: Scripts/fetch-pretrained-mobilenetv2 puts them and
// the reference run in cache/pretrained/; without them these tests are skipped.
import Foundation
import Testing
@testable import NeuralKit

@Suite struct PretrainedTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("cache/pretrained")
    static let weights = dir.appendingPathComponent("mobilenet_v2.safetensors").path
    static let check = dir.appendingPathComponent("mobilenet_v2_check.safetensors").path
    static var available: Bool { FileManager.default.fileExists(atPath: weights) && FileManager.default.fileExists(atPath: check) }

    @Test(.enabled(if: available, "run Scripts/fetch-pretrained-mobilenetv2 first"))
    func imagenetMobileNetV2MatchesONNXRuntimeOnARealPhoto() throws {
        var rng = SeededRandom(seed: 0)
        let model = MobileNetV2.make(rng: &rng)
        let file = try SafetensorsFile(path: Self.weights)
        try model.loadWeights(from: file)
        let card = try ModelCard.load(path: ModelCard.path(forWeights: Self.weights))
        try card.check(against: file)
        model.setTraining(false)
        let io = try SafetensorsFile(path: Self.check)
        let x = io.tensor("input")!, expected = io.tensor("logits")!
        for (label, m) in [("as built", model), ("BatchNorm folded", model.foldingBatchNorm())] {
            let y = try m.checkedForward(x, spec: card.inputSpec)
            let err = y.maxAbsDifference(expected) / expected.maxAbs()
            let logits = y.toArray(), top = logits.indices.max { logits[$0] < logits[$1] }!
            print("pretrained mobilenet_v2 (\(label)): logits error \(err) relative to max |logit| \(expected.maxAbs()), top-1 class \(top)")
            #expect(err <= 1e-4)
            #expect(top == 652)      // ImageNet "military uniform": Grace Hopper in uniform
        }
    }
}
