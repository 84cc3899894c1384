// Aligned double JPEG compression: detection, primary quality, and localisation (Bianchi & Piva,
// "Image Forgery Localization via Block-Grained Analysis of JPEG Artifacts", IEEE TIFS 2012; after
// Lin, He, Tang & Tang, "Fast, automatic and fine-grained tampered JPEG image detection via DCT
// coefficient analysis", Pattern Recognition 2009). A coefficient quantised with step Q1, decoded,
// and quantised again with Q2 has a histogram with periodic peaks and gaps; a single quantisation
// gives a smooth (Laplacian-like) one. For each low-frequency AC coefficient of the luma we fit both
// models to the histogram: single, and double with Q1 taken from the standard IJG table at each
// candidate quality (x ~ Laplacian, k = round(x/Q1), c = round((k Q1 + e) / Q2), e ~ N(0, s^2) for
// the rounding of the decoded pixels). The quality whose tables explain all coefficients best is the
// primary quality estimate. Per 8x8 block, the log-likelihood ratio of the two models over its
// coefficients gives the probability that the block was NOT double compressed: pasted content in a
// double-compressed image. Like every histogram method, it is blind when Q2 divides Q1 exactly
// (and when the paste happens to sit on the same grid and quality).
import Evidence
import Foundation
import Media

/// Double-quantisation detection and localisation for JPEG files.
public struct DoubleQuantisationAnalysis: ForensicAnalysis {
    public struct Parameters: Sendable, Equatable {
        /// AC coefficients used, by zigzag index (1 is the first AC).
        public var coefficients: ClosedRange<Int> = 1...9
        /// Candidate primary qualities.
        public var primaryQualities: ClosedRange<Int> = 30...98
        /// Mean log-likelihood gain per coefficient (nats) that counts as double compression.
        public var threshold: Double = 0.02
        /// Histogram half-width in quantised units.
        public var histogramLimit: Int = 40
        public init(coefficients: ClosedRange<Int> = 1...9, primaryQualities: ClosedRange<Int> = 30...98,
                    threshold: Double = 0.02, histogramLimit: Int = 40) {
            self.coefficients = coefficients; self.primaryQualities = primaryQualities
            self.threshold = threshold; self.histogramLimit = histogramLimit
        }
    }

    public let id = "dq"
    public let title = "Double JPEG quantisation"
    public var parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public func analyze(_ input: ForensicInput) throws -> AnalysisResult {
        guard let jpeg = input.jpeg else { return .skipped(id, title, reason: "Not a JPEG: double quantisation does not apply.") }
        guard let q2Table = jpeg.components.first.flatMap({ jpeg.quantTables[$0.quantTable] }), q2Table.count == 64 else {
            return .skipped(id, title, reason: "The JPEG has no luminance quantisation table.")
        }
        let coefs = try jpeg.coefficients(component: 0)
        let nBlocks = coefs.blocksWide * coefs.blocksHigh
        guard nBlocks >= 64 else { return .skipped(id, title, reason: "Too few 8x8 blocks (\(nBlocks)) for coefficient histograms.") }
        let K = max(parameters.histogramLimit, 8)
        // Coefficients with a step small enough to leave a histogram worth reading.
        let used = parameters.coefficients.map { DCT8.zigzag[min(max($0, 1), 63)] }.filter { (1...16).contains(Int(q2Table[$0])) }
        guard used.count >= 3 else {
            return .skipped(id, title, reason: "The final quantisation is too coarse (quality about \(jpeg.estimatedQuality.first?.quality ?? 0)) to read double quantisation.")
        }
        var models: [DQHistogramModel] = []
        for i in used {
            var h = [Double](repeating: 0, count: 2 * K + 1)
            coefs.values.withUnsafeBufferPointer { v in
                for b in 0..<nBlocks { let c = Int(v[b * 64 + i]); if abs(c) <= K { h[c + K] += 1 } }
            }
            models.append(DQHistogramModel(histogram: h, limit: K, q2: Double(q2Table[i])))
        }
        // Likelihood of each hypothesis, summed over coefficients.
        let single = models.map { $0.fit(q1: nil) }
        let singleLL = single.reduce(0) { $0 + $1.logLikelihood }
        let count = models.reduce(0) { $0 + $1.nonZero }
        var best: (q: Int, fits: [DQHistogramModel.Fit], ll: Double)? = nil
        for q in parameters.primaryQualities {
            let table = JPEGQualityEstimate.scaledTable(chrominance: false, quality: q)
            let steps = used.map { Double(table[$0]) }
            // Same steps as the final table: indistinguishable from one compression.
            if zip(steps, used).allSatisfy({ $0 == Double(q2Table[$1]) }) { continue }
            let fits = zip(models, steps).map { $0.fit(q1: $1) }
            let ll = fits.reduce(0) { $0 + $1.logLikelihood }
            if best == nil || ll > best!.ll { best = (q, fits, ll) }
        }
        let gain = best.map { ($0.ll - singleLL) / Double(max(count, 1)) } ?? 0
        let detected = gain > parameters.threshold
        var measurements: [String: Double] = ["dq_gain": gain, "dq_detected": detected ? 1 : 0,
                                              "dq_last_quality": Double(jpeg.estimatedQuality.first?.quality ?? 0)]
        guard detected, let primary = best else {
            return AnalysisResult(id: id, title: title, score: 0, findings: [
                Finding(code: "dq-none", severity: .info,
                        message: "The DCT coefficient histograms look like a single JPEG compression (no periodic peaks and gaps).", source: id)],
                measurements: measurements)
        }
        measurements["dq_primary_quality"] = Double(primary.q)
        let map = blockMap(coefs, used: used, single: single, double: primary.fits, limit: K)
        // Blocks the model finds single-compressed, as a region.
        // Blocks cut by the right or bottom edge hold encoder padding, not image: left out.
        let full = (0..<nBlocks).map { b in (b % coefs.blocksWide + 1) * 8 <= jpeg.width && (b / coefs.blocksWide + 1) * 8 <= jpeg.height }
        let region = BlockRegion.find(in: map, threshold: 0.8, valid: full).first
        let area = Double(region?.area ?? 0) / Double(nBlocks)
        measurements["dq_region_area"] = area
        var findings = [Finding(code: "dq-double", severity: .notice,
                                message: "The image was JPEG-compressed twice on the same 8x8 grid: first at about quality \(primary.q), then at quality \(jpeg.estimatedQuality.first?.quality ?? 0). Re-saving is common (editors, messaging apps) and is not a forgery in itself.",
                                source: id)]
        var score = 0.1
        if let r = region, area >= 0.002, area < 0.5 {
            score = RobustStats.squash(r.mean * Double(r.area).squareRoot(), centre: 8, width: 2.5)
            if score >= 0.5 {
                findings.append(Finding(code: "dq-region", severity: score > 0.8 ? .warning : .notice,
                                        message: "A region (\(r.describe(blockSize: 8))) lacks the double-compression traces of the rest: it was probably inserted or re-rendered before the last save.",
                                        source: id, location: r.describe(blockSize: 8)))
            }
        }
        return AnalysisResult(id: id, title: title, score: score,
                              maps: [map.heatmap(label: "probability that the 8x8 block was not double compressed (aligned DQ, primary quality \(primary.q))", lo: 0, hi: 1)],
                              findings: findings, measurements: measurements)
    }

    /// Per-block probability of single compression from the summed log-likelihood ratio of the
    /// block's non-zero coefficients, averaged over 3x3 blocks. (blocksHigh, blocksWide)
    func blockMap(_ coefs: JPEGCoefficients, used: [Int], single: [DQHistogramModel.Fit],
                  double: [DQHistogramModel.Fit], limit K: Int) -> Plane {
        let w = coefs.blocksWide, h = coefs.blocksHigh
        var llr = [Float](repeating: 0, count: w * h)
        coefs.values.withUnsafeBufferPointer { v in
            for b in 0..<(w * h) {
                var s = 0.0
                for (j, i) in used.enumerated() {
                    let c = Int(v[b * 64 + i])
                    guard c != 0, abs(c) <= K else { continue }
                    s += single[j].logProbability[c + K] - double[j].logProbability[c + K]
                }
                llr[b] = Float(s)
            }
        }
        var out = [Float](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var s: Float = 0, n: Float = 0
                for yy in max(y - 1, 0)...min(y + 1, h - 1) { for xx in max(x - 1, 0)...min(x + 1, w - 1) { s += llr[yy * w + xx]; n += 1 } }
                out[y * w + x] = 1 / (1 + exp(-s / n))
            }
        }
        return Plane(width: w, height: h, values: out)
    }
}
