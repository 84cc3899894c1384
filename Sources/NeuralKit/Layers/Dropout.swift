// Inverted dropout: in training, zero each element with probability p and scale survivors by
// 1/(1-p), so inference is the identity. The mask comes from a seeded generator, so a run with the
// same seed drops the same units; `reseed` restarts the sequence (gradient checks use it to
// replay one mask).

/// Seeded inverted dropout.
public final class Dropout: Layer {
    public let probability: Float
    public private(set) var training = true
    // Internal, not private: training checkpoints save it, data-parallel replicas draw from the master's.
    var rng: SeededRandom
    private var seed: UInt64
    private var mask: Tensor?

    public init(_ probability: Float, seed: UInt64 = 0) {
        precondition(probability >= 0 && probability < 1, "dropout probability \(probability) outside [0, 1)")
        self.probability = probability; self.seed = seed; rng = SeededRandom(seed: seed)
    }

    public func setTraining(_ training: Bool) { self.training = training }

    /// Restarts the mask sequence (same seed: same masks again).
    public func reseed(_ seed: UInt64? = nil) { if let seed { self.seed = seed }; rng = SeededRandom(seed: self.seed) }

    /// input: any shape -> same shape
    public func forward(_ input: Tensor) -> Tensor {
        guard training && probability > 0 else { mask = nil; return input }
        let x = input.contiguous()
        let m = Tensor(uninitialized: x.shape, pool: x.pool), y = Tensor(uninitialized: x.shape, pool: x.pool)
        let keep = 1 / (1 - probability)
        for i in 0..<x.count {
            let v: Float = rng.nextUniform() < probability ? 0 : keep
            m.pointer[i] = v; y.pointer[i] = x.pointer[i] * v
        }
        mask = m
        return y
    }

    /// gradOutput: like input -> like input
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let mask else { return gradOutput }
        precondition(gradOutput.shape == mask.shape, "Dropout gradient \(gradOutput.shape), expected \(mask.shape)")
        let dy = gradOutput.contiguous(), dx = Tensor(uninitialized: mask.shape, pool: mask.pool)
        for i in 0..<dx.count { dx.pointer[i] = dy.pointer[i] * mask.pointer[i] }
        return dx
    }
}
