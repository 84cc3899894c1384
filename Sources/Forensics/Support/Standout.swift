// How much the most anomalous region of a block map stands out from the rest of the image. Used by
// ELA, noise and ghost analyses so that their scores mean the same thing: take a per-block figure,
// turn it into robust z-scores against the image's own median and MAD, find the strongest
// connected region of blocks above a threshold, and summarise it (area, mean z, contrast).
import Foundation

/// The strongest anomalous region of a block map and the figures behind a score.
struct Standout: Sendable {
    /// Robust z-score of every block (0 where invalid). Plane of the map's size.
    var z: Plane
    /// The strongest region, if any block passed the threshold.
    var region: BlockRegion?
    /// Region area as a fraction of the valid blocks.
    var areaFraction: Double
    /// Mean z over the region.
    var meanZ: Double
    /// Median raw value inside the region divided by the median outside (1 when no region).
    var contrast: Double

    /// - Parameters:
    ///   - map: one figure per block (larger is more suspicious).
    ///   - valid: blocks to use (e.g. not flat or saturated); nil uses all.
    ///   - threshold: z at which a block counts as anomalous.
    ///   - twoSided: also flag blocks far *below* the median (noise that is too clean).
    ///   - minSpread: smallest MAD used, so a near-uniform map does not turn small differences into huge z.
    init(map: Plane, valid: [Bool]? = nil, threshold: Float = 3, twoSided: Bool = false, minSpread: Float = 0) {
        let use = valid ?? [Bool](repeating: true, count: map.values.count)
        let vals = zip(map.values, use).compactMap { $1 && $0.isFinite ? $0 : nil }
        let med = RobustStats.median(vals)
        // The MAD floor keeps a perfectly uniform map from turning rounding into huge z.
        let spread = max(RobustStats.mad(vals, median: med), 1e-3 * max(abs(med), 1e-3), minSpread, 1e-6)
        var zv = [Float](repeating: 0, count: map.values.count)
        for i in zv.indices where use[i] && map.values[i].isFinite {
            let d = (map.values[i] - med) / spread
            zv[i] = twoSided ? abs(d) : d
        }
        z = Plane(width: map.width, height: map.height, values: zv)
        let regions = BlockRegion.find(in: z, threshold: threshold, valid: use)
        // Rank by area x mean z, but require two cells: a lone block is texture more often than not.
        region = regions.first { $0.area >= 2 } ?? regions.first
        let n = max(vals.count, 1)
        areaFraction = Double(region?.area ?? 0) / Double(n)
        meanZ = region?.mean ?? 0
        if let r = region {
            let inside = Set(r.cells)
            let inVals = r.cells.map { map.values[$0] }
            let outVals = map.values.indices.filter { use[$0] && !inside.contains($0) }.map { map.values[$0] }
            let mo = RobustStats.median(outVals)
            contrast = Double(RobustStats.median(inVals)) / Double(max(abs(mo), 1e-6))
        } else {
            contrast = 1
        }
    }

    /// Strength of the region in one figure: mean z times the square root of its size in blocks,
    /// capped so a region covering most of the image (a global property, not a local edit) counts
    /// less. 0 without a region.
    var strength: Double {
        guard let r = region else { return 0 }
        let coverPenalty = areaFraction > 0.5 ? (1 - areaFraction) * 2 : 1
        return meanZ * Double(r.area).squareRoot() * coverPenalty
    }
}
