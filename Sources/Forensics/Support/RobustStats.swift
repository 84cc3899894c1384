// Robust statistics the analyses share: median, median absolute deviation, percentiles, and a
// logistic squash that turns a "how many robust deviations" figure into a 0...1 score. Median and
// MAD rather than mean and standard deviation because a forged region is exactly the outlier that
// must not shift the reference it is compared with.
import Foundation

enum RobustStats {
    /// Median of finite values; 0 for none.
    static func median(_ v: [Float]) -> Float { percentile(v, 0.5) }

    /// The `p` quantile (0...1) of the finite values, by nearest rank; 0 for none.
    static func percentile(_ v: [Float], _ p: Double) -> Float {
        let s = v.filter { $0.isFinite }.sorted()
        guard !s.isEmpty else { return 0 }
        let i = Int((Double(s.count - 1) * min(max(p, 0), 1)).rounded())
        return s[i]
    }

    /// Median absolute deviation from the median, scaled by 1.4826 to estimate a standard deviation.
    static func mad(_ v: [Float], median m: Float? = nil) -> Float {
        let c = m ?? median(v)
        return 1.4826 * median(v.map { abs($0 - c) })
    }

    /// Mean of finite values; 0 for none.
    static func mean(_ v: [Float]) -> Double {
        var s = 0.0, n = 0
        for x in v where x.isFinite { s += Double(x); n += 1 }
        return n > 0 ? s / Double(n) : 0
    }

    /// 1 / (1 + exp(-(x - centre) / width)): 0.5 at `centre`, finite for any finite input.
    static func squash(_ x: Double, centre: Double, width: Double) -> Double {
        guard x.isFinite else { return x > 0 ? 1 : 0 }
        return 1 / (1 + exp(-(x - centre) / max(width, 1e-9)))
    }
}
