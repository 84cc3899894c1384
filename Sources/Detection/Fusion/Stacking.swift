// Learned fusion: logistic regression on the branches' logits. A branch that did not answer
// contributes logit(0.5) = 0, so the same model works whatever subset of branches answered.
// Fitted by the training pipeline on a validation set; stored in models/fusion.json.
import Foundation

/// p = σ(intercept + Σ coefficient[id] · logit(score[id])).
public struct Stacking: Codable, Sendable, Equatable {
    public var intercept: Double
    public var coefficients: [String: Double]

    public init(intercept: Double, coefficients: [String: Double]) { self.intercept = intercept; self.coefficients = coefficients }

    /// The probability and each branch's additive term on the logit scale.
    public func predict(_ scores: [String: Double]) -> (probability: Double, terms: [String: Double]) {
        var z = intercept
        var terms: [String: Double] = [:]
        for (id, s) in scores {
            let t = (coefficients[id] ?? 0) * logit(s)
            terms[id] = t; z += t
        }
        return (sigmoid(z), terms)
    }

    /// Fits by gradient descent with L2 regularisation `l2` on the coefficients (not the intercept).
    /// `rows` are branch id -> score for each validation file (missing branches absent); labels 1 = fake.
    public static func fit(rows: [[String: Double]], labels: [Int], l2: Double = 1e-3, iterations: Int = 2000, learningRate: Double = 0.5) -> Stacking {
        precondition(rows.count == labels.count && !rows.isEmpty)
        let ids = Array(Set(rows.flatMap(\.keys))).sorted()
        let x = rows.map { r in ids.map { r[$0].map(logit) ?? 0 } }
        var w = [Double](repeating: 0, count: ids.count), b = 0.0
        let n = Double(rows.count)
        for _ in 0..<iterations {
            var gw = [Double](repeating: 0, count: ids.count), gb = 0.0
            for (xi, y) in zip(x, labels) {
                var z = b
                for j in 0..<ids.count { z += w[j] * xi[j] }
                let d = sigmoid(z) - Double(y)
                gb += d
                for j in 0..<ids.count { gw[j] += d * xi[j] }
            }
            b -= learningRate * gb / n
            for j in 0..<ids.count { w[j] -= learningRate * (gw[j] / n + l2 * w[j]) }
        }
        return Stacking(intercept: b, coefficients: Dictionary(uniqueKeysWithValues: zip(ids, w)))
    }
}
