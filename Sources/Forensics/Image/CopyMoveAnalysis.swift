// Copy-move detection by block matching (Fridrich, Soukal & Lukas, "Detection of Copy-Move Forgery
// in Digital Images", DFRWS 2003). Every overlapping 16x16 block of the (downscaled) luma is
// described by its 10 lowest 2D DCT coefficients (u + v <= 3), which survive JPEG re-compression;
// blocks are sorted lexicographically by their quantised features so that near-identical blocks
// become neighbours; pairs closer than a threshold (RMS grey levels) and farther apart than a
// minimum shift, and whose full pixels agree too, vote for their shift vector. A shift with enough votes (clustered over +-2 pixels)
// is a duplicated region. Flat blocks (sky, walls) are skipped: they match everything. Images are
// box-downscaled to about 1.5 megapixels first, which bounds the time on 12-megapixel photos.
import Evidence
import Foundation

/// Copy-move (duplicated region) detection.
public struct CopyMoveAnalysis: ForensicAnalysis {
    public struct Parameters: Sendable, Equatable {
        /// Block side, in working pixels.
        public var blockSize: Int = 16
        /// Step between block positions, in working pixels.
        public var stride: Int = 2
        /// Images above this are box-downscaled by an integer factor first.
        public var maxWorkingPixels: Int = 1_500_000
        /// Shorter shifts (working pixels) are ignored: neighbouring blocks always look alike.
        public var minShift: Int = 24
        /// Votes a shift needs to count as a duplicated region.
        public var minBlocks: Int = 40
        /// Largest low-frequency RMS difference (grey levels) between matching blocks.
        public var maxDistance: Float = 2.0
        /// Blocks with a standard deviation below this (grey levels) are too flat to match.
        public var minBlockDeviation: Float = 4
        /// Largest full-pixel RMS difference (grey levels) between matching blocks.
        public var maxPixelDistance: Float = 3
        /// Blocks whose low-frequency structure (RMS of the AC features, grey levels) is below this
        /// are left out: noisy flat areas (fabric, asphalt) would all match one another.
        public var minStructure: Float = 3
        /// How many following entries of the sorted list each block is compared with.
        public var neighbours: Int = 12
        /// Matches whose copies overlap more than this share of the smaller box do not count.
        public var maxOverlap: Double = 0.5
        /// Findings listed one by one; the rest are summarised.
        public var maxFindings: Int = 5
        public init() {}
    }

    public let id = "copy-move"
    public let title = "Copy-move"
    public var parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public func analyze(_ input: ForensicInput) throws -> AnalysisResult {
        let image = input.image
        let (all, factor, cover) = matches(input.luma)
        // Matches whose two copies mostly overlap are self-similarity, not a copy (see `overlap`).
        let found = all.filter { $0.overlap <= parameters.maxOverlap }
        guard let cover else {
            return .skipped(id, title, reason: "The image (\(image.width)x\(image.height)) is too small for block matching.")
        }
        let cell = parameters.blockSize / 2 * factor
        let score = found.map { RobustStats.squash(Double($0.blocks), centre: 1.5 * Double(parameters.minBlocks), width: 0.4 * Double(parameters.minBlocks)) }.max() ?? 0
        var findings = found.prefix(parameters.maxFindings).map { m in
            Finding(code: "copy-move", severity: m.blocks >= 2 * parameters.minBlocks ? .warning : .notice,
                    message: "The area \(m.source) appears again at \(m.target), shifted by (\(m.shift.dx), \(m.shift.dy)) pixels (\(m.blocks) matching blocks). Duplicated content is a common way to hide or repeat something; repetitive textures (tiles, fabric) can also match.",
                    source: id, location: "\(m.source) -> \(m.target)")
        }
        if found.count > parameters.maxFindings {
            findings.append(Finding(code: "copy-move-more", severity: .notice,
                                    message: "\(found.count - parameters.maxFindings) more duplicated pairs, weaker than those above. Many pairs together often mean repetitive texture rather than cloning.",
                                    source: id))
        }
        if all.count > found.count {
            findings.append(Finding(code: "copy-move-self-similar", severity: .info,
                                    message: "\(all.count - found.count) matched area\(all.count - found.count == 1 ? "" : "s") overlapped \(all.count - found.count == 1 ? "its" : "their") own copy (smooth or self-similar content at a small shift) and did not count.",
                                    source: id))
        }
        if findings.isEmpty {
            findings.append(Finding(code: "copy-move-none", severity: .info, message: "No region of the image is repeated elsewhere in it.", source: id))
        }
        var measurements: [String: Double] = ["copymove_pairs": Double(found.count), "copymove_self_similar": Double(all.count - found.count), "copymove_scale": Double(factor)]
        if let top = found.first { measurements["copymove_blocks"] = Double(top.blocks) }
        return AnalysisResult(id: id, title: title, score: score,
                              maps: [cover.heatmap(label: "duplicated regions (share of matched blocks per \(cell)px cell)", lo: 0, hi: 1)],
                              findings: findings, measurements: measurements)
    }

    /// Duplicated regions of `luma` (image pixels), strongest first, the downscale factor used, and
    /// a map of matched-block coverage (cells of blockSize/2 working pixels); nil map when too small.
    public func matches(_ luma: Plane) -> ([CopyMoveMatch], Int, Plane?) {
        let p = parameters, B = max(p.blockSize, 4), S = max(p.stride, 1)
        let factor = max(1, Int((Double(luma.width * luma.height) / Double(max(p.maxWorkingPixels, 1))).squareRoot().rounded(.up)))
        let work = luma.downscaled(by: factor)
        guard work.width >= 2 * B, work.height >= 2 * B else { return ([], factor, nil) }
        let blocks = CopyMoveFeatures(work, blockSize: B, stride: S, minDeviation: p.minBlockDeviation, minStructure: p.minStructure)
        let pairs = blocks.similarPairs(work, maxDistance: p.maxDistance, maxPixelDistance: p.maxPixelDistance, minShift: p.minShift, neighbours: p.neighbours)
        // Vote: shift -> pair indices; then cluster shifts within +-2 around each peak.
        var votes: [Int: [Int]] = [:]
        let key = { (dx: Int, dy: Int) in (dy + 100_000) * 200_001 + dx + 100_000 }
        for (i, pr) in pairs.enumerated() { votes[key(pr.dx, pr.dy), default: []].append(i) }
        let peaks = votes.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        var used = Set<Int>()
        var found: [CopyMoveMatch] = []
        let cw = (work.width + B / 2 - 1) / (B / 2), ch = (work.height + B / 2 - 1) / (B / 2)
        var cover = Plane(width: cw, height: ch)
        for (k, members) in peaks where !used.contains(k) && members.count >= 3 {
            let dx0 = k % 200_001 - 100_000, dy0 = k / 200_001 - 100_000
            var cluster: [Int] = []
            for dy in -2...2 { for dx in -2...2 {
                let kk = key(dx0 + dx, dy0 + dy)
                if !used.contains(kk), let m = votes[kk] { cluster += m; used.insert(kk) }
            } }
            guard cluster.count >= p.minBlocks else { continue }
            var sx0 = Int.max, sy0 = Int.max, sx1 = 0, sy1 = 0, tx0 = Int.max, ty0 = Int.max, tx1 = 0, ty1 = 0
            for i in cluster {
                let pr = pairs[i]
                sx0 = min(sx0, pr.x); sy0 = min(sy0, pr.y); sx1 = max(sx1, pr.x + B); sy1 = max(sy1, pr.y + B)
                tx0 = min(tx0, pr.x + pr.dx); ty0 = min(ty0, pr.y + pr.dy); tx1 = max(tx1, pr.x + pr.dx + B); ty1 = max(ty1, pr.y + pr.dy + B)
                for (x, y) in [(pr.x, pr.y), (pr.x + pr.dx, pr.y + pr.dy)] {
                    for cy in (y / (B / 2))..<min((y + B) / (B / 2), ch) { for cx in (x / (B / 2))..<min((x + B) / (B / 2), cw) { cover[cx, cy] = 1 } }
                }
            }
            let f = factor
            found.append(CopyMoveMatch(
                source: .init(x: sx0 * f, y: sy0 * f, width: (sx1 - sx0) * f, height: (sy1 - sy0) * f),
                target: .init(x: tx0 * f, y: ty0 * f, width: (tx1 - tx0) * f, height: (ty1 - ty0) * f),
                shift: (dx0 * f, dy0 * f), blocks: cluster.count))
        }
        return (found.sorted { $0.blocks > $1.blocks }, factor, cover)
    }
}
