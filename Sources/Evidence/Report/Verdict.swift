// The fused verdict: one calibrated probability that the file was manipulated, a label, and the
// honest middle: scores inside the inconclusive band are labelled `inconclusive`, never `real` or
// `fake`. When no branch could answer, the label is `inconclusive` and there is no score.

/// The label an analyst reads first.
public enum VerdictLabel: String, Codable, Sendable, CaseIterable {
    case fake, real, inconclusive
}

/// The fused result.
public struct Verdict: Codable, Sendable, Equatable {
    public var label: VerdictLabel
    /// Calibrated probability of manipulation in 0...1; nil when no branch answered.
    public var score: Double?
    /// Scores at or above it (and above the band) are `fake`.
    public var threshold: Double
    /// Scores inside this closed interval are `inconclusive`.
    public var band: ClosedRange<Double>
    /// Each answering branch's share of the fused score (signed: towards fake is positive).
    public var contributions: [String: Double]
    /// Plain words: what drove the verdict, or why there is none.
    public var explanation: String
    /// Fusion method: `weighted-mean` or `stacking`, and the calibration used.
    public var method: String

    public init(label: VerdictLabel, score: Double?, threshold: Double, band: ClosedRange<Double>,
                contributions: [String: Double] = [:], explanation: String, method: String) {
        self.label = label; self.score = score; self.threshold = threshold; self.band = band
        self.contributions = contributions; self.explanation = explanation; self.method = method
    }

    /// The label for a score, given a threshold and band.
    public static func label(for score: Double, threshold: Double, band: ClosedRange<Double>) -> VerdictLabel {
        if band.contains(score) { return .inconclusive }
        return score >= threshold ? .fake : .real
    }

    enum CodingKeys: String, CodingKey { case label, score, threshold, band, contributions, explanation, method }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(VerdictLabel.self, forKey: .label)
        score = try c.decodeIfPresent(Double.self, forKey: .score)
        threshold = try c.decode(Double.self, forKey: .threshold)
        let b = try c.decode([Double].self, forKey: .band)
        guard b.count == 2, b[0] <= b[1] else { throw DecodingError.dataCorruptedError(forKey: .band, in: c, debugDescription: "band must be [low, high]") }
        band = b[0]...b[1]
        contributions = try c.decode([String: Double].self, forKey: .contributions)
        explanation = try c.decode(String.self, forKey: .explanation)
        method = try c.decode(String.self, forKey: .method)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(score, forKey: .score)
        try c.encode(threshold, forKey: .threshold)
        try c.encode([band.lowerBound, band.upperBound], forKey: .band)
        try c.encode(contributions, forKey: .contributions)
        try c.encode(explanation, forKey: .explanation)
        try c.encode(method, forKey: .method)
    }
}
