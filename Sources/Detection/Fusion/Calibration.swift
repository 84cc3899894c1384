// Turning a raw fused score into a calibrated probability, and fitting that map on a validation
// set. Platt scaling: p = σ(a·logit(s) + b). Isotonic: a monotone step map fitted by pool-adjacent-
// violators, applied with linear interpolation between its knots.
import Foundation

/// A fitted map from raw score to calibrated probability.
public enum Calibration: Codable, Sendable, Equatable {
    case platt(a: Double, b: Double)
    /// Knots sorted by `x`; values non-decreasing.
    case isotonic(x: [Double], y: [Double])

    public var name: String {
        switch self { case .platt: return "platt"; case .isotonic: return "isotonic" }
    }

    public func apply(_ s: Double) -> Double {
        switch self {
        case .platt(let a, let b): return sigmoid(a * logit(s) + b)
        case .isotonic(let xs, let ys):
            guard let first = xs.first, let last = xs.last else { return s }
            if s <= first { return ys[0] }
            if s >= last { return ys[ys.count - 1] }
            var hi = 1
            while xs[hi] < s { hi += 1 }
            let lo = hi - 1
            let t = xs[hi] == xs[lo] ? 0 : (s - xs[lo]) / (xs[hi] - xs[lo])
            return ys[lo] + t * (ys[hi] - ys[lo])
        }
    }

    /// Fits Platt scaling by Newton's method on the log loss of `labels` (1 = fake) given raw `scores`.
    public static func fitPlatt(scores: [Double], labels: [Int], iterations: Int = 50) -> Calibration {
        precondition(scores.count == labels.count && !scores.isEmpty)
        let xs = scores.map(logit)
        // Platt's smoothed targets avoid infinite weights on separable data.
        let pos = Double(labels.filter { $0 == 1 }.count), neg = Double(labels.count) - pos
        let tPos = (pos + 1) / (pos + 2), tNeg = 1 / (neg + 2)
        let ts = labels.map { $0 == 1 ? tPos : tNeg }
        var a = 1.0, b = 0.0
        for _ in 0..<iterations {
            var gA = 0.0, gB = 0.0, hAA = 1e-9, hAB = 0.0, hBB = 1e-9
            for (x, t) in zip(xs, ts) {
                let p = sigmoid(a * x + b)
                let d = p - t, w = p * (1 - p)
                gA += d * x; gB += d
                hAA += w * x * x; hAB += w * x; hBB += w
            }
            let det = hAA * hBB - hAB * hAB
            guard abs(det) > 1e-12 else { break }
            let da = (hBB * gA - hAB * gB) / det, db = (hAA * gB - hAB * gA) / det
            a -= da; b -= db
            if abs(da) + abs(db) < 1e-10 { break }
        }
        return .platt(a: a, b: b)
    }

    /// Fits isotonic regression (pool adjacent violators) of `labels` on `scores`.
    public static func fitIsotonic(scores: [Double], labels: [Int]) -> Calibration {
        precondition(scores.count == labels.count && !scores.isEmpty)
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var blocks: [(sum: Double, n: Double, x: Double)] = []
        for i in order {
            blocks.append((Double(labels[i]), 1, scores[i]))
            while blocks.count > 1 && blocks[blocks.count - 2].sum / blocks[blocks.count - 2].n > blocks[blocks.count - 1].sum / blocks[blocks.count - 1].n {
                let last = blocks.removeLast()
                let prev = blocks.removeLast()
                blocks.append((prev.sum + last.sum, prev.n + last.n, (prev.x * prev.n + last.x * last.n) / (prev.n + last.n)))
            }
        }
        return .isotonic(x: blocks.map(\.x), y: blocks.map { $0.sum / $0.n })
    }

    /// Expected calibration error with `bins` equal-width bins.
    public static func expectedCalibrationError(probabilities: [Double], labels: [Int], bins: Int = 10) -> Double {
        precondition(probabilities.count == labels.count)
        guard !probabilities.isEmpty else { return 0 }
        var conf = [Double](repeating: 0, count: bins), acc = [Double](repeating: 0, count: bins), n = [Double](repeating: 0, count: bins)
        for (p, y) in zip(probabilities, labels) {
            let b = min(Int(p * Double(bins)), bins - 1)
            conf[b] += p; acc[b] += Double(y); n[b] += 1
        }
        var ece = 0.0
        for b in 0..<bins where n[b] > 0 { ece += n[b] / Double(probabilities.count) * abs(acc[b] / n[b] - conf[b] / n[b]) }
        return ece
    }
}

@inline(__always) func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
@inline(__always) func logit(_ p: Double) -> Double {
    let q = min(max(p, 1e-6), 1 - 1e-6)
    return log(q / (1 - q))
}
