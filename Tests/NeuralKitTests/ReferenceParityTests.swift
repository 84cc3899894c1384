// Parity with an outside reference: the same models, with the same weights, run in ONNX Runtime by
// Scripts/make-neuralkit-fixtures (committed fixtures, so CI needs no Python). CNN outputs and the
// feature maps before global pooling must match to 1e-4 of the reference's largest magnitude, with
// BatchNorm as a separate layer and folded into the convolutions; so must a convolutional
// autoencoder's reconstruction and bottleneck, and the sequence outputs of a bidirectional LSTM
// and GRU.
import Foundation
import Testing
@testable import NeuralKit

@Suite struct ReferenceParityTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func fixture(_ name: String) throws -> SafetensorsFile {
        try SafetensorsFile(path: fixtures.appendingPathComponent(name + ".safetensors").path)
    }

    /// conv + BN + ReLU6 + depthwise conv + ReLU6 + SE + global pool + linear.
    static func mobilenetSE() -> Sequential {
        var rng = SeededRandom(seed: 0)     // weights come from the fixture
        return Sequential(named: [
            ("conv1", Conv2d(3, 8, kernel: 3, padding: 1, bias: false, rng: &rng)), ("bn1", BatchNorm2d(8)),
            ("act1", Activation(.relu6)),
            ("dw", Conv2d(8, 8, kernel: 3, stride: 2, padding: 1, groups: 8, rng: &rng)), ("act2", Activation(.relu6)),
            ("se", SqueezeExcitation(channels: 8, reduction: 4, rng: &rng)),
            ("pool", GlobalAvgPool()), ("fc", Linear(8, 3, rng: &rng)),
        ])
    }

    /// stem conv + BN + ReLU6 + inverted residual (skip) + CBAM + global pool + linear.
    static func cbamResidual() -> Sequential {
        var rng = SeededRandom(seed: 0)
        return Sequential(named: [
            ("stem", Conv2d(3, 8, kernel: 3, padding: 1, bias: false, rng: &rng)), ("stem_bn", BatchNorm2d(8)),
            ("stem_act", Activation(.relu6)),
            ("block", InvertedResidual(8, 8, stride: 1, expansion: 2, rng: &rng)),
            ("cbam", Sequential.cbam(channels: 8, reduction: 4, spatialKernel: 7, rng: &rng)),
            ("pool", GlobalAvgPool()), ("fc", Linear(8, 2, rng: &rng)),
        ])
    }

    /// Convolutional autoencoder: conv, pools, transposed conv, upsampling, conv, sigmoid (the
    /// library's `ConvAutoencoder`, which the engine benchmark times too).
    static func autoencoder() -> Sequential {
        var rng = SeededRandom(seed: 0)
        return ConvAutoencoder.make(rng: &rng)
    }

    /// max |a - b| / max |b|.
    static func relativeError(_ a: Tensor, _ b: Tensor) -> Float { a.maxAbsDifference(b) / max(b.maxAbs(), 1e-12) }

    static func compare(_ name: String, _ model: Sequential, featuresAt layer: String) throws {
        try model.loadWeights(from: fixture(name))
        model.setTraining(false)
        let io = try fixture(name + "_io")
        let x = io.tensor("input")!, expected = io.tensor("output")!, expectedFeatures = io.tensor("features")!
        for (label, m) in [("as built", model), ("BatchNorm folded", model.foldingBatchNorm())] {
            let (y, acts) = m.forwardCollecting(x)
            let outErr = relativeError(y, expected), featErr = relativeError(acts[layer]!, expectedFeatures)
            print("parity \(name) (\(label)): output \(outErr), features \(featErr) (relative to max |reference| \(expected.maxAbs()), \(expectedFeatures.maxAbs()))")
            #expect(y.shape == expected.shape)
            #expect(outErr <= 1e-4, "\(name) \(label): output error \(outErr)")
            #expect(featErr <= 1e-4, "\(name) \(label): feature error \(featErr)")
        }
    }

    @Test func mobilenetWithSqueezeExcitationMatchesONNXRuntime() throws {
        try Self.compare("mobilenet_se", Self.mobilenetSE(), featuresAt: "se")
    }

    @Test func invertedResidualWithCBAMMatchesONNXRuntime() throws {
        try Self.compare("cbam_residual", Self.cbamResidual(), featuresAt: "cbam")
    }

    @Test func convolutionalAutoencoderMatchesONNXRuntime() throws {
        try Self.compare("autoencoder", Self.autoencoder(), featuresAt: "pool2")
    }

    @Test(arguments: ["bilstm", "bigru", "bilstm2"]) func bidirectionalRecurrentMatchesONNXRuntime(_ name: String) throws {
        var rng = SeededRandom(seed: 0)
        let layer: any Layer = switch name {
        case "bilstm": LSTM(inputSize: 5, hiddenSize: 4, bidirectional: true, rng: &rng)
        case "bigru": GRU(inputSize: 5, hiddenSize: 4, bidirectional: true, rng: &rng)
        default: RecurrentStack(.lstm, inputSize: 5, hiddenSize: 4, numLayers: 2, bidirectional: true, rng: &rng)
        }
        try layer.loadWeights(from: Self.fixture(name))
        let io = try Self.fixture(name + "_io")
        let y = layer.forward(io.tensor("input")!), expected = io.tensor("output")!
        #expect(y.shape == expected.shape)
        let err = Self.relativeError(y, expected)
        print("parity \(name): output \(err) (relative to max |reference| \(expected.maxAbs()))")
        #expect(err <= 1e-4, "\(name): output error \(err)")
    }

    @Test func foldingRemovesEveryBatchNorm() {
        let folded = Self.cbamResidual().foldingBatchNorm()
        #expect(!folded.namedParameters().contains { $0.0.contains("running_mean") })
        #expect(folded.namedParameters().contains { $0.0 == "block.body.dw_conv.bias" })
    }
}
