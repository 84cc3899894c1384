// JPEG ghosts (Farid, "Exposing Digital Forgeries from JPEG Ghosts", IEEE TIFS 2009). Re-compress
// the image at a range of qualities and measure, per block, how much it changes. A block that was
// once saved at quality q1 changes least when re-saved at q1, so its difference curve dips there:
// a "ghost". A region pasted from an image saved at another quality has its dip at another quality
// than the rest. The re-compression is done in the DCT domain on the aligned 8x8 grid of the luma
// (orthonormal DCT: the squared coefficient error equals the squared pixel error, Parseval), which
// needs no codec round trip and makes ten qualities cost about one. Like Farid, differences are
// averaged over 3x3 blocks (24 pixels). Instead of Farid's per-pixel normalisation to 0...1, each
// block's log-difference curve is compared with the image's median curve, so that dips every block
// shares (where a step is a multiple of the last save's) cancel and a region's own ghost remains.
// A ghost that covers the whole image (an earlier save) is left to the double-quantisation analysis.
import Evidence
import Foundation
import Media

/// JPEG ghost maps over a range of qualities.
public struct JPEGGhostAnalysis: ForensicAnalysis {
    public struct Parameters: Sendable, Equatable {
        /// Qualities tried.
        public var qualities: [Int] = Array(stride(from: 50, through: 95, by: 5))
        /// Smallest dip that counts as a ghost: how much lower (natural log) the block's difference
        /// is at that quality than its usual level, relative to the image's median curve.
        public var minimumDip: Float = 0.5
        /// Blocks whose largest difference (mean squared grey levels) is below this are too flat to judge.
        public var minimumError: Float = 1.0
        public init(qualities: [Int] = Array(stride(from: 50, through: 95, by: 5)), minimumDip: Float = 0.5, minimumError: Float = 1.0) {
            self.qualities = qualities; self.minimumDip = minimumDip; self.minimumError = minimumError
        }
    }

    public let id = "ghost"
    public let title = "JPEG ghosts"
    public var parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public func analyze(_ input: ForensicInput) throws -> AnalysisResult {
        let luma = input.luma
        let qs = parameters.qualities.filter { (1...100).contains($0) }.sorted()
        let bw = luma.width / 8, bh = luma.height / 8
        guard bw >= 3, bh >= 3, qs.count >= 2 else {
            return .skipped(id, title, reason: "The image (\(luma.width)x\(luma.height)) is too small for JPEG ghost analysis.")
        }
        // The quality the file itself was last saved at dips everywhere; ghosts are looked for below it.
        let last = input.jpeg?.estimatedQuality.first?.quality ?? 101
        let nq = qs.count
        let diff = Self.differences(luma, qualities: qs)  // (bh, bw, nq)
        let smooth = Self.boxSmooth(diff, bw: bw, bh: bh, nq: nq)
        // Log difference curves, compared with the image's median curve: what every block does
        // at a quality (the dip where a step is a multiple of the last one, the steady fall with
        // quality) cancels, and what only some blocks do remains.
        let eps: Float = 0.5
        var valid = [Bool](repeating: false, count: bw * bh), minQ = [Float](repeating: 0, count: bw * bh)
        var logE = [Float](repeating: 0, count: bw * bh * nq)
        for b in 0..<(bw * bh) {
            let e = smooth[(b * nq)..<(b * nq + nq)]
            minQ[b] = Float(qs[e.firstIndex(of: e.min()!)! - b * nq])
            valid[b] = e.max()! >= parameters.minimumError
            for q in 0..<nq { logE[b * nq + q] = log(smooth[b * nq + q] + eps) }
        }
        let nValid = valid.filter { $0 }.count
        // The median curve from at most ~20k valid blocks (a regular sample on large images).
        let validBlocks = (0..<(bw * bh)).filter { valid[$0] }
        let sample = Swift.stride(from: 0, to: validBlocks.count, by: max(1, validBlocks.count / 20_000)).map { validBlocks[$0] }
        let median = (0..<nq).map { q in RobustStats.median(sample.map { logE[$0 * nq + q] }) }
        let candidates = qs.indices.filter { qs[$0] < last - 2 }
        var strength = [Float](repeating: 0, count: bw * bh), ghostQ = [Int](repeating: 0, count: bw * bh)
        var dev = [Float](repeating: 0, count: candidates.count)
        for b in validBlocks where !candidates.isEmpty {
            for (k, i) in candidates.enumerated() { dev[k] = logE[b * nq + i] - median[i] }
            var sorted = dev
            sorted.sort()
            let level = sorted[sorted.count / 2]
            for (k, i) in candidates.enumerated() where level - dev[k] > strength[b] { strength[b] = level - dev[k]; ghostQ[b] = qs[i] }
        }
        var findings: [Finding] = []
        var measurements: [String: Double] = ["ghost_last_quality": Double(min(last, 100))]
        var best: (q: Int, region: BlockRegion)? = nil
        for q in qs {
            let at = Plane(width: bw, height: bh, values: (0..<(bw * bh)).map { ghostQ[$0] == q ? strength[$0] : 0 })
            guard let r = BlockRegion.largest(in: at, threshold: parameters.minimumDip),
                  r.area >= max(6, nValid / 500), r.area <= nValid / 2 else { continue }
            if best == nil || Double(r.area) * r.mean > Double(best!.region.area) * best!.region.mean { best = (q, r) }
            findings.append(Finding(code: "ghost-region", severity: .notice,
                                    message: "Blocks at \(r.describe(blockSize: 8)) change least, compared with the rest of the image, when re-saved at quality \(q): that part was probably saved at about quality \(q) before.",
                                    source: id, location: r.describe(blockSize: 8)))
        }
        var score = 0.0
        if let (q, r) = best {
            let area = Double(r.area) / Double(nValid)
            let s = r.mean * Double(r.area).squareRoot() * (area > 0.3 ? 0.5 : 1)
            score = RobustStats.squash(s, centre: 8, width: 2.5)
            measurements["ghost_quality"] = Double(q); measurements["ghost_region_area"] = area
            measurements["ghost_strength"] = s
        } else if findings.isEmpty {
            findings.append(Finding(code: "ghost-none", severity: .info,
                                    message: "No region shows a JPEG ghost of its own at qualities \(qs.first!)...\(qs.last!).", source: id))
        }
        let lo = Float(qs.first!), hi = Float(qs.last!)
        return AnalysisResult(
            id: id, title: title, score: score,
            maps: [Plane(width: bw, height: bh, values: strength).heatmap(label: "JPEG ghost depth per 8px block (log dip against the image median curve, 0...2)", lo: 0, hi: 2),
                   Plane(width: bw, height: bh, values: minQ).heatmap(label: "quality of least difference per 8px block (\(qs.first!)...\(qs.last!))", lo: lo, hi: hi)],
            findings: findings, measurements: measurements)
    }

    /// Mean squared difference per 8x8 block between the luma and its JPEG re-quantisation at each
    /// quality (standard IJG luminance tables). Result: (bh, bw, qualities), row-major.
    static func differences(_ luma: Plane, qualities: [Int]) -> [Float] {
        let bw = luma.width / 8, bh = luma.height / 8, nq = qualities.count
        let tables = qualities.map { JPEGQualityEstimate.scaledTable(chrominance: false, quality: $0).map(Float.init) }
        let inverse = tables.map { $0.map { 1 / $0 } }
        return luma.values.withUnsafeBufferPointer { src in
            let s = SharedConst(base: src.baseAddress!)
            let stride = luma.width
            return Parallel.fill(bw * bh * nq, initial: Float(0), minimumPerChunk: 8 * nq * 64) { range, out in
                var block = [Float](repeating: 0, count: 64), coef = [Float](repeating: 0, count: 64)
                let first = range.lowerBound / nq, last = (range.upperBound - 1) / nq
                for b in first...last where b * nq >= range.lowerBound {
                    let bx = b % bw, by = b / bw
                    for y in 0..<8 { for x in 0..<8 { block[y * 8 + x] = s[(by * 8 + y) * stride + bx * 8 + x] } }
                    block.withUnsafeBufferPointer { bp in coef.withUnsafeMutableBufferPointer { DCT8.forward(bp.baseAddress!, stride: 8, into: $0.baseAddress!) } }
                    for qi in 0..<nq {
                        let t = tables[qi], inv = inverse[qi]
                        var e: Float = 0
                        // Ties to even rather than libjpeg's away from zero: exact ties do not occur in practice.
                        for i in 0..<64 { let r = coef[i] - t[i] * (coef[i] * inv[i]).rounded(.toNearestOrEven); e += r * r }
                        out[b * nq + qi] = e / 64
                    }
                }
            }
        }
    }

    /// 3x3-block mean of each quality's difference (Farid's spatial averaging).
    static func boxSmooth(_ d: [Float], bw: Int, bh: Int, nq: Int) -> [Float] {
        d.withUnsafeBufferPointer { src in
            let s = SharedConst(base: src.baseAddress!)
            return Parallel.fill(bw * bh * nq, initial: Float(0), minimumPerChunk: 4096) { range, out in
                for i in range {
                    let q = i % nq, b = i / nq, bx = b % bw, by = b / bw
                    let y0 = max(by - 1, 0), y1 = min(by + 1, bh - 1), x0 = max(bx - 1, 0), x1 = min(bx + 1, bw - 1)
                    var acc: Float = 0
                    for y in y0...y1 { for x in x0...x1 { acc += s[(y * bw + x) * nq + q] } }
                    out[i] = acc / Float((y1 - y0 + 1) * (x1 - x0 + 1))
                }
            }
        }
    }
}
