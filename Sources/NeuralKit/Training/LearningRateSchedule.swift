// One of the learning-rate schedules as a value a training loop keeps and a checkpoint stores:
// exponential and cosine are pure functions of the epoch, reduce-on-plateau carries its best
// metric and bad-epoch count. JSON: {"kind": "cosine", "cosine": {...}}.

/// The schedule a training run follows, with its state.
public enum LearningRateSchedule: Codable, Equatable, Sendable {
    case exponential(ExponentialDecay)
    case cosine(CosineAnnealing)
    case plateau(ReduceOnPlateau)

    /// The learning rate for `epoch` (reduce-on-plateau: its current rate, which `step(metric:)` moves).
    public func learningRate(epoch: Int) -> Float {
        switch self {
        case let .exponential(s): return s.learningRate(epoch: epoch)
        case let .cosine(s): return s.learningRate(epoch: epoch)
        case let .plateau(s): return s.learningRate
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, exponential, cosine, plateau }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "exponential": self = .exponential(try c.decode(ExponentialDecay.self, forKey: .exponential))
        case "cosine": self = .cosine(try c.decode(CosineAnnealing.self, forKey: .cosine))
        case "plateau": self = .plateau(try c.decode(ReduceOnPlateau.self, forKey: .plateau))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c,
                debugDescription: "unknown schedule '\(other)' (expected exponential, cosine or plateau)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .exponential(s): try c.encode("exponential", forKey: .kind); try c.encode(s, forKey: .exponential)
        case let .cosine(s): try c.encode("cosine", forKey: .kind); try c.encode(s, forKey: .cosine)
        case let .plateau(s): try c.encode("plateau", forKey: .kind); try c.encode(s, forKey: .plateau)
        }
    }
}
