// Local noise level and its inconsistency. A camera leaves sensor noise of roughly one level over
// the whole picture; a region pasted from another photo, painted, blurred or generated carries
// another. The residual is the finest diagonal wavelet band (Haar HH), where image content is
// weakest; each block's noise level is a robust estimate in the spirit of Donoho's
// median(|HH|) / 0.6745 (Donoho & Johnstone 1994, used for splicing by Mahdian & Saic 2009, "Using
// noise inconsistencies for blind image forensics"). JPEG zeroes most HH values, which makes the
// median jump between a few discrete levels, so the estimate is the mean of the smallest 75% of
// |HH| divided by 0.5147 (the same figure for Gaussian noise, continuous, and still blind to the
// few large values that edges produce). Blocks whose log sigma is far from the image's
// robust median, in either direction, are inconsistent; the score rests on the size and strength
// of the largest connected inconsistent region.
import Evidence
import Foundation

/// Noise residual, local noise level and noise inconsistency.
public struct NoiseResidualAnalysis: ForensicAnalysis {
    public struct Parameters: Sendable, Equatable {
        /// Block size in pixels for the noise level (the estimate uses (blockSize/2)^2 wavelet values);
        /// nil picks 16 up to 2 megapixels and 32 above (steadier estimates where blocks are many).
        public var blockSize: Int? = nil
        /// Robust z (of log sigma) above which a block is inconsistent.
        public var threshold: Float = 3
        /// Blocks whose mean luma is within this many levels of 0 or 255 are skipped (clipping hides noise).
        public var clipMargin: Float = 6
        public init(blockSize: Int? = nil, threshold: Float = 3, clipMargin: Float = 6) {
            self.blockSize = blockSize; self.threshold = threshold; self.clipMargin = clipMargin
        }
    }

    public let id = "noise"
    public let title = "Noise inconsistency"
    public var parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public func analyze(_ input: ForensicInput) throws -> AnalysisResult {
        let p = parameters
        let auto = input.image.width * input.image.height > 2_000_000 ? 32 : 16
        let bs = max(4, (p.blockSize ?? auto) & ~1)
        let luma = input.luma
        guard luma.width >= 2 * bs, luma.height >= 2 * bs else {
            return .skipped(id, title, reason: "The image (\(luma.width)x\(luma.height)) is too small to estimate local noise.")
        }
        let hh = Self.diagonalDetail(luma)
        let cell = bs / 2
        let bw = hh.width / cell, bh = hh.height / cell
        let brightness = luma.blockMeans(bs)
        // sigma per block: trimmed mean of |HH| (lowest 75%), scaled for Gaussian noise.
        let sigma = Parallel.fill(bw * bh, initial: Float(0), minimumPerChunk: 8) { range, out in
            var buf = [Float](repeating: 0, count: cell * cell)
            for b in range {
                let bx = b % bw, by = b / bw
                var k = 0
                for y in (by * cell)..<(by * cell + cell) {
                    for x in (bx * cell)..<(bx * cell + cell) { buf[k] = abs(hh.values[y * hh.width + x]); k += 1 }
                }
                buf.sort()
                let keep = max(1, buf.count * 3 / 4)
                var s: Float = 0
                for i in 0..<keep { s += buf[i] }
                out[b] = s / Float(keep) / 0.5147
            }
        }
        let level = Plane(width: bw, height: bh, values: sigma)
        var valid = [Bool](repeating: true, count: bw * bh)
        for b in 0..<(bw * bh) {
            let m = brightness[b % bw, b / bw]
            if m < p.clipMargin || m > 255 - p.clipMargin { valid[b] = false }
        }
        // Sensor noise grows with brightness (shot noise), and JPEG wipes it out of smooth areas, so
        // each block is compared with blocks of similar brightness and texture: log sigma minus the
        // median log sigma of its brightness x texture cell (in the spirit of the noise level
        // function of Liu, Szeliski et al. 2006).
        let logSigma = sigma.map { log($0 + 0.25) }
        let texture = GradientView.magnitude(luma).blockMeans(bs)
        let expected = Self.expectedLogSigma(logSigma, brightness: brightness, texture: texture, width: bw, valid: valid)
        let deviation = Plane(width: bw, height: bh, values: zip(logSigma, expected).map { $0 - $1 })
        // A 15% difference in noise level is within what exposure and content do to one photo.
        let standout = Standout(map: deviation, valid: valid, threshold: p.threshold, twoSided: true, minSpread: 0.15)

        let validSigma = zip(sigma, valid).compactMap { $1 ? $0 : nil }
        let median = Double(RobustStats.median(validSigma))
        let regionSigma = standout.region.map { r in Double(RobustStats.median(r.cells.map { sigma[$0] })) } ?? median
        let regionExpected = standout.region.map { r in Double(exp(RobustStats.median(r.cells.map { expected[$0] })) - 0.25) } ?? median
        // Strength ~ mean |z| x sqrt(blocks): a handful of stray blocks in a pristine photo stays
        // under ~18; a pasted region of 20+ blocks with a clearly different noise level passes 25.
        let score = RobustStats.squash(standout.strength, centre: 22, width: 4)
        var findings: [Finding] = []
        if let r = standout.region, score >= 0.5 {
            let kind = regionSigma < regionExpected ? "cleaner (less noise)" : "noisier"
            findings.append(Finding(
                code: "noise-inconsistent", severity: score > 0.8 ? .warning : .notice,
                message: "A region (\(r.describe(blockSize: bs))) is \(kind) than the rest of the image: noise level \(fmt(regionSigma)) grey levels where blocks of the same brightness and texture elsewhere have \(fmt(max(regionExpected, 0))). Parts of one photograph normally share one noise level; pasted, painted or smoothed areas do not.",
                source: id, location: r.describe(blockSize: bs)))
        } else {
            findings.append(Finding(code: "noise-consistent", severity: .info,
                                    message: "The noise level (about \(fmt(median)) grey levels) is consistent across the image.", source: id))
        }
        let residualMap = Plane(width: hh.width, height: hh.height, values: hh.values.map(abs)).blockMeans(4)
        let hiLevel = max(RobustStats.percentile(sigma, 0.99), 0.5)
        let hiResidual = max(RobustStats.percentile(residualMap.values, 0.99), 0.5)
        return AnalysisResult(
            id: id, title: title, score: score,
            maps: [
                level.heatmap(label: "local noise level (robust sigma per \(bs)px block, scaled to the 99th percentile)", lo: 0, hi: hiLevel),
                standout.z.heatmap(label: "noise inconsistency (|robust z| of log noise level, 0...\(Int(2 * p.threshold)))", lo: 0, hi: 2 * p.threshold),
                residualMap.heatmap(label: "noise residual (mean |HH wavelet| per 8px block)", lo: 0, hi: hiResidual),
            ],
            findings: findings,
            measurements: ["noise_sigma_median": median, "noise_region_sigma": regionSigma, "noise_region_z": standout.meanZ,
                           "noise_region_area": standout.areaFraction, "noise_strength": standout.strength])
    }

    /// For each block, the median log sigma of the valid blocks in its cell of a 4x4 grid of
    /// brightness quartiles by texture quartiles (the global median when the cell has fewer than
    /// 8 blocks). `brightness` and `texture` are block-mean planes that may be one column wider than
    /// the sigma grid (partial blocks); only the first `width` columns count.
    static func expectedLogSigma(_ logSigma: [Float], brightness: Plane, texture: Plane, width: Int, valid: [Bool]) -> [Float] {
        let n = logSigma.count
        let level = (0..<n).map { b in brightness[b % width, b / width] }
        let detail = (0..<n).map { b in texture[b % width, b / width] }
        let usable = (0..<n).filter { valid[$0] }
        let global = RobustStats.median(usable.map { logSigma[$0] })
        let levelCuts = (1..<4).map { RobustStats.percentile(usable.map { level[$0] }, Double($0) / 4) }
        let detailCuts = (1..<4).map { RobustStats.percentile(usable.map { detail[$0] }, Double($0) / 4) }
        func cell(_ b: Int) -> Int {
            (levelCuts.firstIndex { level[b] < $0 } ?? 3) * 4 + (detailCuts.firstIndex { detail[b] < $0 } ?? 3)
        }
        var members = [[Float]](repeating: [], count: 16)
        for b in usable { members[cell(b)].append(logSigma[b]) }
        let medians = members.map { $0.count >= 8 ? RobustStats.median($0) : global }
        return (0..<n).map { medians[cell($0)] }
    }

    /// Haar HH band: (a - b - c + d) / 2 for every 2x2 cell. (height/2, width/2)
    static func diagonalDetail(_ p: Plane) -> Plane {
        let w = p.width / 2, h = p.height / 2
        var out = [Float](repeating: 0, count: w * h)
        p.values.withUnsafeBufferPointer { s in
            for y in 0..<h {
                let r0 = 2 * y * p.width, r1 = r0 + p.width
                for x in 0..<w {
                    out[y * w + x] = (s[r0 + 2 * x] - s[r0 + 2 * x + 1] - s[r1 + 2 * x] + s[r1 + 2 * x + 1]) / 2
                }
            }
        }
        return Plane(width: w, height: h, values: out)
    }
}
