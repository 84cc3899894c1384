// The histogram model behind DoubleQuantisationAnalysis: the probability of each quantised value c
// of one DCT coefficient under single quantisation (step Q2) or double quantisation (Q1 then Q2).
// The unquantised coefficient is Laplacian with scale b; after the first quantisation the decoded
// value k Q1 carries Gaussian rounding noise e (pixel rounding and clipping). Bin 0 is left out
// (flat blocks crowd it whatever happened), so probabilities are conditional on c != 0. Each fit
// picks the Laplacian scale and the noise level that explain the histogram best.
import Foundation

/// One coefficient's histogram and its single / double quantisation fits.
struct DQHistogramModel: Sendable {
    /// A fitted hypothesis: log P(c) for c in -limit...limit (index c + limit) and the total log-likelihood.
    struct Fit: Sendable {
        var logProbability: [Double]
        var logLikelihood: Double
    }

    let histogram: [Double]
    let limit: Int
    let q2: Double
    /// Counts in non-zero bins.
    let nonZero: Double
    /// Moment estimate of the Laplacian scale from the dequantised values.
    let scale: Double

    init(histogram: [Double], limit: Int, q2: Double) {
        self.histogram = histogram; self.limit = limit; self.q2 = q2
        var n = 0.0, m = 0.0
        for (i, h) in histogram.enumerated() { n += h; m += h * abs(Double(i - limit)) * q2 }
        nonZero = n - histogram[limit]
        scale = max(m / max(n, 1), 0.5)
    }

    /// Best fit of single (q1 nil) or double quantisation with first step q1.
    func fit(q1: Double?) -> Fit {
        var best: Fit? = nil
        let noises: [Double] = q1 == nil ? [0] : [0.5, 1.0, 2.0]
        for f in [0.5, 0.7, 1.0, 1.4, 2.0] {
            for s in noises {
                let p = probabilities(b: scale * f, q1: q1, noise: s)
                var ll = 0.0
                for c in -limit...limit where c != 0 && histogram[c + limit] > 0 { ll += histogram[c + limit] * p[c + limit] }
                if best == nil || ll > best!.logLikelihood { best = Fit(logProbability: p, logLikelihood: ll) }
            }
        }
        return best!
    }

    /// log P(c | c != 0) for c in -limit...limit (bin 0 holds -inf-safe 0).
    func probabilities(b: Double, q1: Double?, noise: Double) -> [Double] {
        var p = [Double](repeating: 0, count: 2 * limit + 1)
        let lo = -Double(limit) - 0.5, hi = Double(limit) + 0.5
        if let q1 {
            // Sum over first-quantisation levels k that can land in the window.
            let kMax = Int(((hi * q2) + 4 * noise) / q1) + 1
            for k in -kMax...kMax {
                let pk = Self.laplaceCDF((Double(k) + 0.5) * q1, b) - Self.laplaceCDF((Double(k) - 0.5) * q1, b)
                guard pk > 1e-12 else { continue }
                let centre = Double(k) * q1
                let cLo = max(Int(((centre - 4 * noise) / q2).rounded(.down)) - 1, -limit)
                let cHi = min(Int(((centre + 4 * noise) / q2).rounded(.up)) + 1, limit)
                guard cLo <= cHi else { continue }
                for c in cLo...cHi {
                    p[c + limit] += pk * (Self.normalCDF(((Double(c) + 0.5) * q2 - centre) / noise)
                                          - Self.normalCDF(((Double(c) - 0.5) * q2 - centre) / noise))
                }
            }
        } else {
            for c in -limit...limit {
                p[c + limit] = Self.laplaceCDF((Double(c) + 0.5) * q2, b) - Self.laplaceCDF((Double(c) - 0.5) * q2, b)
            }
        }
        p[limit] = 0
        let total = max(p.reduce(0, +), 1e-300)
        // A floor keeps an empty model bin from making one stray count decide everything.
        return p.map { log(max($0 / total, 1e-6)) }
    }

    static func laplaceCDF(_ x: Double, _ b: Double) -> Double {
        x < 0 ? 0.5 * exp(x / b) : 1 - 0.5 * exp(-x / b)
    }

    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
