// Training parity with an outside reference: Scripts/make-training-fixtures ran five optimizer
// steps of small models in JAX/optax (float64, PyTorch's optimizer semantics) from the same initial
// weights on the same batch; these tests replay the steps with NeuralKit's losses, backward passes
// and optimizers and compare the loss before every step and every final weight and BatchNorm
// running statistic. Covered: a CNN with BatchNorm in training mode (BCE; AdamW, and SGD with
// momentum and L2 decay), a bidirectional GRU (cross-entropy; Adam, clipping), two stacked
// bidirectional LSTMs (focal loss; AdamW, clipping), a conv autoencoder (MSE; Adam).
//
// Tolerance: 1e-4 relative (loss: of the loss; weights: of the tensor's largest magnitude).
// NeuralKit computes in float32 (unit roundoff 6e-8); a forward/backward pass sums a few hundred
// terms per output in a different order than the reference, which leaves ~1e-6 relative error in
// the gradients, and Adam divides by sqrt(v), which turns a relative gradient error into the same
// relative error of the step. Five steps keep the total near 1e-5; 1e-4 leaves room for a BLAS
// with another blocking, while a wrong formula (bias correction, coupled decay, eps inside the
// sqrt, dampening, biased running variance) moves results by 1e-3 or more.
import Foundation
import Testing
@testable import NeuralKit

@Suite struct TrainingParityTests {
    static let fixtures = ReferenceParityTests.fixtures
    static func fixture(_ name: String) throws -> SafetensorsFile {
        try SafetensorsFile(path: fixtures.appendingPathComponent(name + ".safetensors").path)
    }

    /// conv 3x3 (3->4, no bias) + BatchNorm + ReLU + max pool + flatten + linear (64->1).
    static func cnn() -> Sequential {
        var rng = SeededRandom(seed: 0)     // weights come from the fixture
        return Sequential(named: [
            ("conv", Conv2d(3, 4, kernel: 3, padding: 1, bias: false, rng: &rng)), ("bn", BatchNorm2d(4)),
            ("act", Activation(.relu)), ("pool", MaxPool2d(kernel: 2)), ("flat", Flatten()), ("fc", Linear(64, 1, rng: &rng)),
        ])
    }

    /// Bidirectional GRU (4->3 per direction) over 5 steps, flattened, linear to 3 classes.
    static func bigru() -> Sequential {
        var rng = SeededRandom(seed: 0)
        return Sequential(named: [
            ("gru", GRU(inputSize: 4, hiddenSize: 3, bidirectional: true, rng: &rng)), ("flat", Flatten()),
            ("fc", Linear(30, 3, rng: &rng)),
        ])
    }

    /// Two stacked bidirectional LSTM layers (4->3 per direction), flattened, linear to one logit.
    static func bilstm2() -> Sequential {
        var rng = SeededRandom(seed: 0)
        return Sequential(named: [
            ("lstm", RecurrentStack(.lstm, inputSize: 4, hiddenSize: 3, numLayers: 2, bidirectional: true, rng: &rng)),
            ("flat", Flatten()), ("fc", Linear(30, 1, rng: &rng)),
        ])
    }

    /// conv 3x3 (1->4) + ReLU + max pool + transposed conv stride 2 (4->1) + sigmoid.
    static func autoencoder() -> Sequential {
        var rng = SeededRandom(seed: 0)
        return Sequential(named: [
            ("enc", Conv2d(1, 4, kernel: 3, padding: 1, rng: &rng)), ("act", Activation(.relu)), ("pool", MaxPool2d(kernel: 2)),
            ("dec", ConvTranspose2d(4, 1, kernel: 3, stride: 2, padding: 1, outputPadding: 1, rng: &rng)),
            ("out", Activation(.sigmoid)),
        ])
    }

    /// The optimizer the fixture's recipe names, with its hyperparameters.
    static func optimizer(_ recipe: [String: String], _ parameters: [Parameter]) throws -> any Optimizer {
        func value(_ key: String) throws -> Float {
            guard let s = recipe[key], let v = Float(s) else { throw FixtureError(message: "recipe lacks '\(key)'") }
            return v
        }
        switch recipe["optimizer"] {
        case "adamw": return AdamW(parameters, learningRate: try value("lr"), beta1: try value("beta1"), beta2: try value("beta2"),
                                   epsilon: try value("eps"), weightDecay: try value("weight_decay"))
        case "adam": return Adam(parameters, learningRate: try value("lr"), beta1: try value("beta1"), beta2: try value("beta2"),
                                 epsilon: try value("eps"))
        case "sgd": return SGD(parameters, learningRate: try value("lr"), momentum: try value("momentum"),
                               weightDecay: try value("weight_decay"))
        default: throw FixtureError(message: "unknown optimizer '\(recipe["optimizer"] ?? "")'")
        }
    }

    struct FixtureError: Error { var message: String }

    /// Replays the fixture's steps on `model` and compares losses and final weights.
    static func replay(_ name: String, _ model: Sequential,
                       loss: (Tensor, Tensor) -> LossResult) throws {
        try model.loadWeights(from: fixture("train_" + name))
        model.setTraining(true)
        let io = try fixture("train_\(name)_io")
        let x = io.tensor("input")!, target = io.tensor("target")!, expected = io.tensor("losses")!.toArray()
        let opt = try optimizer(io.metadata, model.parameters)
        let clip = io.metadata["clip_norm"].flatMap(Float.init)
        #expect(expected.count == Int(io.metadata["steps"] ?? "") && expected.count >= 5)
        var worstLoss: Float = 0
        for (step, reference) in expected.enumerated() {
            model.zeroGrad()
            let l = loss(model.forward(x), target)
            _ = model.backward(l.gradient)
            if let clip { GradientClipping.clipNorm(model.parameters, maxNorm: clip) }
            opt.step()
            let err = abs(l.value - reference) / abs(reference)
            worstLoss = max(worstLoss, err)
            #expect(err <= 1e-4, "\(name) step \(step): loss \(l.value), reference \(reference)")
        }
        let final = try fixture("train_\(name)_final")
        var worstWeight: Float = 0, worstName = ""
        for (pname, p) in model.namedParameters() {
            guard let ref = final.tensor(pname) else { Issue.record("\(name): reference lacks \(pname)"); continue }
            let err = p.value.maxAbsDifference(ref) / max(ref.maxAbs(), 1e-12)
            if err > worstWeight { worstWeight = err; worstName = pname }
            #expect(err <= 1e-4, "\(name): final \(pname) differs by \(err) of its scale")
        }
        // The steps must have moved the weights well beyond the tolerance, or the comparison proves nothing.
        let initial = try fixture("train_" + name)
        let moved = model.namedParameters().filter(\.1.trainable).map { n, p in
            p.value.maxAbsDifference(initial.tensor(n)!) / max(p.value.maxAbs(), 1e-12)
        }.max() ?? 0
        print("training parity \(name): worst loss error \(worstLoss), worst weight error \(worstWeight) (\(worstName)), weights moved \(moved)")
        #expect(moved > 1e-2, "\(name): the steps barely moved the weights (\(moved))")
    }

    @Test func cnnWithBatchNormAndAdamWMatchesJAX() throws {
        try Self.replay("cnn_adamw", Self.cnn()) { Loss.bceWithLogits($0, $1) }
    }

    @Test func cnnWithSGDMomentumMatchesJAX() throws {
        try Self.replay("cnn_sgd", Self.cnn()) { Loss.bceWithLogits($0, $1) }
    }

    @Test func bidirectionalGRUWithAdamAndClippingMatchesJAX() throws {
        try Self.replay("bigru_adam", Self.bigru()) { logits, target in
            Loss.crossEntropy(logits, labels: target.toArray().map { Int($0) })
        }
    }

    @Test func stackedBiLSTMWithFocalLossAdamWAndClippingMatchesJAX() throws {
        let io = try Self.fixture("train_bilstm2_focal_io")
        let gamma = Float(io.metadata["gamma"] ?? "") ?? .nan, alpha = Float(io.metadata["alpha"] ?? "") ?? .nan
        #expect(gamma == 2 && alpha == 0.25)
        try Self.replay("bilstm2_focal", Self.bilstm2()) { Loss.focal($0, $1, gamma: gamma, alpha: alpha) }
    }

    @Test func autoencoderWithMSEMatchesJAX() throws {
        try Self.replay("ae_mse", Self.autoencoder()) { Loss.mse($0, $1) }
    }
}
