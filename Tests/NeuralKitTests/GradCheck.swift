// Finite-difference gradient checking (ggml's test-backend-ops, tinygrad's helper_test_op).
// For a layer f and a fixed random upstream gradient G, the scalar L = sum(f(x) * G) is
// accumulated in Double; its central difference (L(x + e) - L(x - e)) / 2e for every input
// element and every parameter element is compared with what `backward(G)` produced.
// Tolerance: |analytic - numeric| <= tolerance * max(1, |numeric|), tolerance 1e-2 unless a test
// states otherwise; e = 1e-2 (Float32 forward passes: roundoff in L is ~1e-6, so ~1e-4 in the
// difference quotient; truncation is O(e^2)).
// Kinks (ReLU6 at 0 and 6, a max changing hands) make the difference quotient meaningless when a
// perturbation straddles one: such a probe shows up as one-sided differences that disagree by more
// than twice the tolerance, is skipped and counted; a check fails if more than 10% of probes are
// skipped. Single layers get inputs kept away from kinks, so they skip none.
import Testing
@testable import NeuralKit

struct GradCheckReport: CustomStringConvertible {
    var worstError = 0.0
    var worstWhere = ""
    var checked = 0
    var skippedAtKinks = 0
    var description: String {
        "worst error \(worstError) at \(worstWhere) over \(checked) values (\(skippedAtKinks) skipped at kinks)"
    }
}

enum GradCheck {
    /// Compares analytic and numeric gradients for input and all parameters of `layer`.
    /// `prepare` runs before every forward (e.g. to replay a dropout mask).
    static func check(_ layer: any Layer, input: Tensor, eps: Float = 1e-2, tolerance: Double = 1e-2,
                      seed: UInt64 = 99, prepare: () -> Void = {}) -> GradCheckReport {
        prepare()
        let y0 = layer.forward(input)
        var rng = SeededRandom(seed: seed)
        let upstream = Tensor(shape: y0.shape, rng: &rng) { $0.normal() }
        layer.zeroGrad()
        let dx = layer.backward(upstream)
        var report = GradCheckReport()

        func objective() -> Double {
            prepare()
            let y = layer.forward(input).contiguous()
            var s = 0.0
            for i in 0..<y.count { s += Double(y.pointer[i]) * Double(upstream.pointer[i]) }
            return s
        }
        let base = objective()
        func probe(_ values: Tensor, _ analytic: Tensor, _ name: String) {
            for i in 0..<values.count {
                let saved = values.pointer[i]
                values.pointer[i] = saved + eps; let plus = objective()
                values.pointer[i] = saved - eps; let minus = objective()
                values.pointer[i] = saved
                let numeric = (plus - minus) / (2 * Double(eps))
                let forward = (plus - base) / Double(eps), backward = (base - minus) / Double(eps)
                if abs(forward - backward) > 2 * tolerance * max(1, abs(numeric)) { report.skippedAtKinks += 1; continue }
                let err = abs(Double(analytic.pointer[i]) - numeric) / max(1, abs(numeric))
                report.checked += 1
                if err > report.worstError { report.worstError = err; report.worstWhere = "\(name)[\(i)] analytic \(analytic.pointer[i]) numeric \(numeric)" }
            }
        }
        probe(input, dx, "input")
        for (name, p) in layer.namedParameters() where p.trainable {
            let grad = p.grad.copy()      // objective() does not touch grads, but keep the snapshot honest
            probe(p.value, grad, name)
        }
        return report
    }

    /// Inputs whose values are at least `gap` apart (shuffled), so max-based layers keep their argmax
    /// under a perturbation of `eps` < gap / 2.
    static func distinctInput(_ shape: [Int], gap: Float = 0.05, seed: UInt64) -> Tensor {
        let n = shape.reduce(1, *)
        var values = (0..<n).map { Float($0) * gap - Float(n) * gap / 2 }
        var rng = SeededRandom(seed: seed)
        values.shuffle(using: &rng)
        return Tensor(shape: shape, values: values)
    }

    /// Normal inputs pushed at least `margin` away from the kinks at 0 and 6 (ReLU, ReLU6, LeakyReLU).
    static func awayFromKinks(_ shape: [Int], scale: Float = 1, margin: Float = 0.05, seed: UInt64) -> Tensor {
        var rng = SeededRandom(seed: seed)
        return Tensor(shape: shape, rng: &rng) { r in
            var v = r.normal() * scale
            for kink: Float in [0, 6] where abs(v - kink) < margin { v = kink + (v < kink ? -margin : margin) }
            return v
        }
    }
}

/// Fails the current test when the report exceeds `tolerance`.
func expectGradientsMatch(_ report: GradCheckReport, tolerance: Double = 1e-2,
                          sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(report.checked > 0, sourceLocation: sourceLocation)
    #expect(report.skippedAtKinks * 10 <= report.checked, "too many probes at kinks: \(report)", sourceLocation: sourceLocation)
    #expect(report.worstError <= tolerance, "\(report)", sourceLocation: sourceLocation)
}
