// Model cards next to weights: round trip, a card that does not match its weights, a malformed
// card; and early stopping's bookkeeping.
import Foundation
import Testing
import TestSupport
@testable import NeuralKit

@Suite struct ModelCardTests {
    static func card(tensors: Int, scalars: Int) -> ModelCard {
        ModelCard(name: "tiny", architecture: "conv-bn-relu-gap-linear",
                  input: .init(shape: [nil, 2, 8, 8], mean: [0.5, 0.5], std: [0.25, 0.25]),
                  tensorCount: tensors, scalarCount: scalars, trainingData: "synthetic", recipe: "Adam 1e-3, 10 epochs",
                  metrics: ["auc": 0.97], licence: "MIT", provenance: "trained from scratch")
    }

    @Test func cardRoundTripsAndMatchesItsWeights() throws {
        let dir = TempDir(), weights = dir.path("tiny.safetensors")
        let model = SafetensorsTests.model(seed: 1)
        try model.saveWeights(to: weights)
        let scalars = model.namedParameters().reduce(0) { $0 + $1.1.value.count }
        let card = Self.card(tensors: model.namedParameters().count, scalars: scalars)
        let cardPath = ModelCard.path(forWeights: weights)
        #expect(cardPath.hasSuffix("tiny.json"))
        try card.save(path: cardPath)
        let loaded = try ModelCard.load(path: cardPath)
        #expect(loaded == card)
        #expect(loaded.inputSpec == InputSpec([nil, 2, 8, 8]))
        try loaded.check(against: SafetensorsFile(path: weights))

        let wrong = Self.card(tensors: 8, scalars: scalars + 1)
        #expect(throws: ModelCardError.self) { try wrong.check(against: SafetensorsFile(path: weights)) }
        let bad = dir.write("bad.json", Array(#"{"name": "x"}"#.utf8))
        #expect(throws: ModelCardError.self) { try ModelCard.load(path: bad) }
    }

    @Test func earlyStoppingWaitsForPatience() {
        var stop = EarlyStopping(patience: 2, minDelta: 0.01)
        let improved = [(1.0, 0), (0.8, 1), (0.795, 2)].map { stop.record($0.0, epoch: $0.1) }
        #expect(improved == [true, true, false])   // 0.795 is within minDelta: no improvement
        #expect(!stop.shouldStop)
        let last = stop.record(0.9, epoch: 3)
        #expect(!last)
        #expect(stop.shouldStop && stop.bestEpoch == 1 && stop.best == 0.8)
    }
}
