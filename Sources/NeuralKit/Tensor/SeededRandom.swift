// Deterministic random numbers for weight initialisation, dropout masks and synthetic data.
// SplitMix64: tiny, fast, good enough statistics for ML init, and identical on every machine,
// so a seed reproduces a run exactly (no global generator: each user owns its state).

/// A seeded SplitMix64 generator.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    /// The whole generator state (internal: training checkpoints save it; `init(seed: state)` resumes).
    var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 24 bits of mantissa.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// Uniform in [lo, hi).
    public mutating func uniform(_ lo: Float, _ hi: Float) -> Float {
        lo + (hi - lo) * nextUniform()
    }

    /// Standard normal (Box-Muller).
    public mutating func normal() -> Float {
        let u1 = max(nextUniform(), 1e-7), u2 = nextUniform()
        return (-2 * logf(u1)).squareRoot() * cosf(2 * .pi * u2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
