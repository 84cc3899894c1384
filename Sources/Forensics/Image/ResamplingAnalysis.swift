// Resampling (interpolation) traces, after Popescu & Farid ("Exposing Digital Forgeries by
// Detecting Traces of Re-sampling", IEEE TSP 2005) in Kirchner's fast form ("Fast and reliable
// resampling detection by spectral analysis of fixed linear predictor residue", ACM MM&Sec 2008).
// Interpolated pixels are linear combinations of their neighbours in a pattern that repeats with
// the resampling period, so the residual of a fixed linear predictor is periodically small. The
// p-map p = exp(-(e/s)^2) of the residual e shows that period as peaks in its spectrum. Here the
// p-map of each 128x128 block is projected on rows and on columns and the spectra of both
// projections are searched for a peak that stands out from the median of its neighbouring bins; the 8x8 JPEG
// grid's own frequencies (multiples of 1/8) are skipped. The global score reads the spectrum
// averaged over all blocks, which is steadier than any one block.
import Evidence
import Foundation

/// Resampling detection from the periodicity of linear-prediction residue.
public struct ResamplingAnalysis: ForensicAnalysis {
    public struct Parameters: Sendable, Equatable {
        /// Block side (a power of two; smaller images use the largest power of two that fits).
        public var blockSize: Int = 128
        /// Spectral peak / median ratio at which the score is one half.
        public var peakCentre: Double = 3
        /// Residual scale s of the p-map exp(-(e/s)^2), grey levels. Kirchner used 1 for raw images;
        /// a larger scale keeps the pattern visible under JPEG noise.
        public var residualScale: Float = 2
        public init(blockSize: Int = 128, peakCentre: Double = 3, residualScale: Float = 2) {
            self.blockSize = blockSize; self.peakCentre = peakCentre; self.residualScale = residualScale
        }
    }

    public let id = "resampling"
    public let title = "Resampling traces"
    public var parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    /// Kirchner's fixed predictor: the 8 neighbours, weights 0.5 (edge) and -0.25 (corner).
    static let weights: [(dx: Int, dy: Int, w: Float)] = [(-1, -1, -0.25), (0, -1, 0.5), (1, -1, -0.25), (-1, 0, 0.5),
                                                           (1, 0, 0.5), (-1, 1, -0.25), (0, 1, 0.5), (1, 1, -0.25)]

    public func analyze(_ input: ForensicInput) throws -> AnalysisResult {
        let luma = input.luma
        var size = 1 << Int(log2(Double(max(parameters.blockSize, 16))))
        while size > 16 && (size > luma.width - 2 || size > luma.height - 2) { size /= 2 }
        let B = size
        let bw = (luma.width - 2) / B, bh = (luma.height - 2) / B
        guard bw >= 1, bh >= 1 else {
            return .skipped(id, title, reason: "The image (\(luma.width)x\(luma.height)) is too small to look for resampling.")
        }
        let pmap = Self.probabilityMap(luma, scale: parameters.residualScale)
        let half = B / 2
        // Frequencies searched: not near 0 (illumination), not the JPEG grid's k/8 (+-1 bin).
        let allowed = (max(3, B / 32)...half).filter { f in (1...4).allSatisfy { abs(f - $0 * B / 8) > 1 } }
        let spectra = Parallel.fill(bw * bh, initial: [Float](), minimumPerChunk: 4) { range, out in
            for b in range {
                let x0 = 1 + (b % bw) * B, y0 = 1 + (b / bw) * B
                var cols = [Float](repeating: 0, count: B), rows = [Float](repeating: 0, count: B)
                for y in 0..<B {
                    for x in 0..<B { let v = pmap[(y0 + y) * luma.width + x0 + x]; cols[x] += v; rows[y] += v }
                }
                let mc = cols.reduce(0, +) / Float(B), mr = rows.reduce(0, +) / Float(B)
                let sc = FFT.magnitudes(cols.map { $0 - mc }), sr = FFT.magnitudes(rows.map { $0 - mr })
                out[b] = zip(sc, sr).map { max($0, $1) }
            }
        }
        let peaks = spectra.map { Self.peakRatio($0, allowed: allowed).ratio }
        var mean = [Float](repeating: 0, count: half + 1)
        for s in spectra { for f in 0...half { mean[f] += s[f] / Float(spectra.count) } }
        let global = Self.peakRatio(mean, allowed: allowed)
        // Several blocks agreeing is what the averaged spectrum rewards; a lone block is noise.
        let score = RobustStats.squash(log(global.ratio), centre: log(parameters.peakCentre), width: 0.3)
        let period = global.frequency > 0 ? Double(B) / Double(global.frequency) : 0
        var findings: [Finding] = []
        if score >= 0.5 {
            findings.append(Finding(code: "resampling-periodic", severity: score > 0.8 ? .warning : .notice,
                                    message: "The prediction residue repeats with a period of about \(fmt(period)) pixels (peak \(fmt(global.ratio))x the spectrum's median): the image, or much of it, was probably scaled or rotated after capture. Resizing a whole photo is common and harmless; a resampled region inside an unresampled image is not.",
                                    source: id))
        } else {
            findings.append(Finding(code: "resampling-none", severity: .info,
                                    message: "No periodic interpolation pattern: no sign that the image was scaled or rotated (a strong JPEG re-save can hide it).", source: id))
        }
        let logPeaks = Plane(width: bw, height: bh, values: peaks.map { Float(log(max($0, 1))) })
        return AnalysisResult(id: id, title: title, score: score,
                              maps: [logPeaks.heatmap(label: "resampling periodicity per \(B)px block (log peak/median of the p-map spectrum, 2...\(Int(parameters.peakCentre * 3)))",
                                                      lo: log(2), hi: Float(log(parameters.peakCentre * 3)))],
                              findings: findings,
                              measurements: ["resampling_peak": global.ratio, "resampling_period": period,
                                             "resampling_block_peak_max": Double(peaks.max() ?? 0)])
    }

    /// p = exp(-(e/scale)^2) with e the fixed-predictor residual; borders are 0. (height, width)
    static func probabilityMap(_ p: Plane, scale: Float) -> [Float] {
        let w = p.width, h = p.height, k = 1 / max(scale * scale, 1e-6)
        return p.values.withUnsafeBufferPointer { src in
            let s = SharedConst(base: src.baseAddress!)
            return Parallel.fill(w * h, initial: Float(0), minimumPerChunk: 65536) { range, out in
                for i in range {
                    let x = i % w, y = i / w
                    guard x > 0, y > 0, x < w - 1, y < h - 1 else { continue }
                    var pred: Float = 0
                    for n in weights { pred += n.w * s[i + n.dy * w + n.dx] }
                    let e = s[i] - pred
                    out[i] = exp(-e * e * k)
                }
            }
        }
    }

    /// The allowed bin that most exceeds the median of its neighbourhood (+-8 allowed bins, itself
    /// excluded): the spectrum falls with frequency, so a global median would favour low bins.
    static func peakRatio(_ spectrum: [Float], allowed: [Int]) -> (ratio: Double, frequency: Int) {
        var best = (ratio: 1.0, frequency: 0)
        for (k, f) in allowed.enumerated() {
            let lo = max(0, k - 8), hi = min(allowed.count - 1, k + 8)
            let around = (lo...hi).filter { $0 != k }.map { spectrum[allowed[$0]] }
            let med = Double(RobustStats.median(around))
            guard med > 1e-9 else { continue }
            let r = Double(spectrum[f]) / med
            if r > best.ratio { best = (r, f) }
        }
        return best
    }
}
