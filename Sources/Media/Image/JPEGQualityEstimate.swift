// Estimating the IJG quality setting a quantisation table was made with: scale the standard
// luminance or chrominance table (JPEG spec Annex K, as libjpeg's jpeg_set_quality does) for every
// quality 1...100 and keep the closest. An exact match (error 0) says the encoder used the IJG
// tables (libjpeg, GIMP, ImageMagick, most software); a camera or Photoshop uses its own tables
// and shows as a non-zero error, which the metadata branch reads as "non-standard tables".

/// The IJG quality that best explains one quantisation table.
public struct JPEGQualityEstimate: Sendable, Equatable {
    /// Which table (0...3).
    public var table: Int
    /// True when compared with the chrominance reference (the table is used by a Cb/Cr component).
    public var chrominance: Bool
    /// Best quality, 1...100.
    public var quality: Int
    /// Mean absolute difference per entry between the table and the scaled standard one.
    public var error: Double

    /// True when the table is exactly an IJG standard table scaled at `quality`.
    public var isStandard: Bool { error == 0 }

    /// Annex K.1 luminance table, natural order.
    public static let standardLuminance: [Int] = [
        16, 11, 10, 16, 24, 40, 51, 61,   12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56,   14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]
    /// Annex K.2 chrominance table, natural order.
    public static let standardChrominance: [Int] = [
        17, 18, 24, 47, 99, 99, 99, 99,   18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99,   47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,   99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99,   99, 99, 99, 99, 99, 99, 99, 99,
    ]

    /// The standard table scaled for `quality` exactly as jpeg_set_quality does. With `baseline`
    /// (libjpeg's force_baseline, what most software passes) steps stop at 255; without it (cjpeg's
    /// default) they go to 32767, which only matters below quality 25.
    public static func scaledTable(chrominance: Bool, quality: Int, baseline: Bool = true) -> [Int] {
        precondition((1...100).contains(quality))
        let scale = quality < 50 ? 5000 / quality : 200 - quality * 2
        let top = baseline ? 255 : 32767
        return (chrominance ? standardChrominance : standardLuminance).map { min(max(($0 * scale + 50) / 100, 1), top) }
    }

    /// Best match for `values` (64 steps, natural order) among qualities 1...100.
    public static func estimate(table: Int, values: [UInt16], chrominance: Bool) -> JPEGQualityEstimate {
        precondition(values.count == 64)
        var best = JPEGQualityEstimate(table: table, chrominance: chrominance, quality: 1, error: .infinity)
        for q in 1...100 {
            for baseline in [true, false] where baseline || q < 25 {
                let ref = scaledTable(chrominance: chrominance, quality: q, baseline: baseline)
                var sum = 0
                for i in 0..<64 { sum += abs(Int(values[i]) - ref[i]) }
                let err = Double(sum) / 64
                if err < best.error { best.quality = q; best.error = err }
            }
        }
        return best
    }
}
