// Combining the branches that answered into one verdict. Baseline: the weighted mean of their
// scores. Where the fusion file holds a fitted stacking model it is used instead; a fitted
// calibration is then applied. Scores inside the inconclusive band are labelled `inconclusive`.
import Evidence
import Foundation

public enum Fusion {
    /// Fuses `results` of a file of `kind`. Branches with status other than `ok`, or with a
    /// non-finite score, take no part. `threshold` overrides the file's threshold (the band keeps
    /// its width, centred on the new threshold).
    public static func fuse(_ results: [BranchResult], kind: MediaKind, config: FusionConfig, threshold: Double? = nil) -> (Verdict, [BranchResult]) {
        let kc = config.config(for: kind)
        var band = kc.bandRange
        var t = kc.threshold
        if let threshold {
            let lo = threshold - (kc.threshold - band.lowerBound), hi = threshold + (band.upperBound - kc.threshold)
            t = threshold; band = max(0, lo)...min(1, hi)
        }
        var weighted = results
        var scores: [String: Double] = [:]
        for i in weighted.indices {
            let r = weighted[i]
            if r.status == .ok, let s = r.score, s.isFinite, (0...1).contains(s) {
                scores[r.id] = s
                weighted[i].weight = kc.stacking != nil ? abs(kc.stacking!.coefficients[r.id] ?? 0) : (kc.weights[r.id] ?? 0)
            } else {
                weighted[i].weight = 0
            }
        }
        let answered = scores.keys.sorted()
        let silent = results.filter { scores[$0.id] == nil }.map(\.id)

        guard !answered.isEmpty, weighted.contains(where: { $0.weight > 0 }) else {
            let why = results.isEmpty ? "no branch ran" : "no branch could score this file (" + results.map { "\($0.id): \($0.reason ?? $0.status.rawValue)" }.joined(separator: "; ") + ")"
            return (Verdict(label: .inconclusive, score: nil, threshold: t, band: band, explanation: "No verdict: \(why).", method: "none"), weighted)
        }

        var raw: Double
        var contributions: [String: Double] = [:]
        var method: String
        if let st = kc.stacking {
            let (p, terms) = st.predict(scores)
            raw = p; contributions = terms; method = "stacking"
        } else {
            let total = answered.reduce(0.0) { $0 + (kc.weights[$1] ?? 0) }
            raw = answered.reduce(0.0) { $0 + (kc.weights[$1] ?? 0) * scores[$1]! } / total
            for id in answered { contributions[id] = (kc.weights[id] ?? 0) * (scores[id]! - 0.5) / total }
            method = "weighted-mean"
        }
        if let cal = kc.calibration { raw = cal.apply(raw); method += "+\(cal.name)" } else { method += " (uncalibrated)" }
        let score = min(max(raw, 0), 1)
        var label = Verdict.label(for: score, threshold: t, band: band)
        let answeredWeight = answered.reduce(0.0) { $0 + (kc.weights[$1] ?? 0) }
        let thin = kc.minimumWeight.map { answeredWeight < $0 } ?? false
        if thin { label = .inconclusive }

        let drivers = contributions.sorted { abs($0.value) > abs($1.value) }.prefix(2)
        var words = drivers.map { "\($0.key) \($0.value >= 0 ? "towards manipulated" : "towards authentic")" }.joined(separator: ", ")
        if words.isEmpty { words = "no branch leaned either way" }
        var explanation: String
        switch label {
        case .inconclusive where thin:
            let voters = answered.filter { (kc.weights[$0] ?? 0) > 0 }
            explanation = String(format: "Score %.2f, but only %@ voted (weight %.2f of the %.2f needed for a verdict): not enough evidence to call it either way.", score, voters.joined(separator: ", "), answeredWeight, kc.minimumWeight ?? 0)
        case .inconclusive: explanation = String(format: "Score %.2f lies in the inconclusive band %.2f–%.2f: the evidence does not settle it. Driven by %@.", score, band.lowerBound, band.upperBound, words)
        case .fake: explanation = String(format: "Score %.2f is above the band (threshold %.2f). Driven by %@.", score, t, words)
        case .real: explanation = String(format: "Score %.2f is below the band (threshold %.2f). Driven by %@.", score, t, words)
        }
        if !silent.isEmpty { explanation += " Did not take part: \(silent.joined(separator: ", "))." }
        return (Verdict(label: label, score: score, threshold: t, band: band, contributions: contributions, explanation: explanation, method: method), weighted)
    }
}
