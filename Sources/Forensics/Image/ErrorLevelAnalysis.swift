// Error level analysis (Krawetz, "A Picture's Worth", Black Hat 2007): re-save the image as JPEG at
// a known quality and look at how much each part changes. Regions that were compressed fewer times
// (or at another quality) than the rest change by a different amount. Raw ELA is high on every
// edge and texture, so the score compares each block's error with its own gradient energy
// (error / (floor + mean |gradient|)) and asks how far the strongest connected region of blocks
// stands out from the image's robust median, in MAD units.
import Evidence
import Foundation
import Media

/// Error level analysis at a chosen JPEG quality.
public struct ErrorLevelAnalysis: ForensicAnalysis {
    /// Knobs an analyst may turn.
    public struct Parameters: Sendable, Equatable {
        /// Quality of the re-compression (1...100).
        public var quality: Int = 90
        /// Map cell size in pixels.
        public var blockSize: Int = 8
        /// Gradient energy (grey levels) added under the normalisation, so flat blocks do not divide by ~0.
        public var textureFloor: Float = 2
        /// Robust z above which a block counts as anomalous.
        public var threshold: Float = 3
        public init(quality: Int = 90, blockSize: Int = 8, textureFloor: Float = 2, threshold: Float = 3) {
            self.quality = quality; self.blockSize = blockSize; self.textureFloor = textureFloor; self.threshold = threshold
        }
    }

    public let id = "ela"
    public let title = "Error level analysis"
    public var parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public func analyze(_ input: ForensicInput) throws -> AnalysisResult {
        let image = input.image, p = parameters
        let bs = max(p.blockSize, 1)
        guard image.width >= 2 * bs, image.height >= 2 * bs else {
            return .skipped(id, title, reason: "The image (\(image.width)x\(image.height)) is too small for error level analysis.")
        }
        let again = try JPEGCodec.decode(data: JPEGCodec.encode(image, quality: min(max(p.quality, 1), 100)))
        let error = Self.errorPlane(image, again)
        let ela = error.blockMeans(bs)
        let texture = GradientView.magnitude(input.luma).blockMeans(bs)
        let ratio = Plane(width: ela.width, height: ela.height,
                          values: zip(ela.values, texture.values).map { $0 / (p.textureFloor + $1) })
        let standout = Standout(map: ratio, threshold: p.threshold)

        let mean = RobustStats.mean(error.values)
        let p99 = Double(RobustStats.percentile(ela.values, 0.99))
        // Strength ~ mean z x sqrt(blocks). Pristine photos stay below ~30; a pasted object of a few
        // hundred blocks standing 5 MADs out reaches 50+.
        let score = RobustStats.squash(standout.strength, centre: 40, width: 8)
        var findings: [Finding] = []
        if let r = standout.region, score >= 0.5 {
            findings.append(Finding(
                code: "ela-region", severity: score > 0.8 ? .warning : .notice,
                message: "A region (\(r.describe(blockSize: bs))) re-compresses differently from the rest of the image at quality \(p.quality): after allowing for texture its error level is \(fmt(standout.contrast))x the rest (\(fmt(standout.meanZ)) robust deviations). It may have been pasted or retouched, or saved a different number of times.",
                source: id, location: r.describe(blockSize: bs)))
        } else {
            findings.append(Finding(code: "ela-consistent", severity: .info,
                                    message: "Error levels at quality \(p.quality) follow the image's texture; no region stands out.", source: id))
        }
        let hi = Float(max(p99, 1))
        return AnalysisResult(
            id: id, title: title, score: score,
            maps: [ela.heatmap(label: "error level at quality \(p.quality) (mean abs difference per \(bs)px block, scaled to the 99th percentile)", lo: 0, hi: hi),
                   standout.z.heatmap(label: "error level relative to texture (robust z, 0...\(Int(2 * p.threshold)))", lo: 0, hi: 2 * p.threshold)],
            findings: findings,
            measurements: ["ela_mean": mean, "ela_p99": p99, "ela_region_z": standout.meanZ,
                           "ela_region_area": standout.areaFraction, "ela_region_contrast": standout.contrast,
                           "ela_strength": standout.strength])
    }

    /// Mean absolute difference over the three channels, per pixel. (height, width)
    static func errorPlane(_ a: RGBImage, _ b: RGBImage) -> Plane {
        precondition(a.width == b.width && a.height == b.height)
        let n = a.width * a.height
        let values = a.pixels.withUnsafeBufferPointer { pa in
            b.pixels.withUnsafeBufferPointer { pb in
                let (sa, sb) = (SharedConst(base: pa.baseAddress!), SharedConst(base: pb.baseAddress!))
                return Parallel.fill(n, initial: Float(0), minimumPerChunk: 65536) { range, out in
                    for i in range {
                        let d = abs(Int(sa[3 * i]) - Int(sb[3 * i])) + abs(Int(sa[3 * i + 1]) - Int(sb[3 * i + 1]))
                            + abs(Int(sa[3 * i + 2]) - Int(sb[3 * i + 2]))
                        out[i] = Float(d) / 3
                    }
                }
            }
        }
        return Plane(width: a.width, height: a.height, values: values)
    }
}
