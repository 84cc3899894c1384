// EXIF thumbnail against the main image. A camera writes the thumbnail from the same capture as the
// main image; many editors re-encode the main image and leave the old thumbnail in place, so a
// thumbnail that shows something else is a well-known trace of editing (Kee & Farid, "Digital
// Image Authentication from Thumbnails", SPIE 2010, use the thumbnail's formation; here only its
// content is compared). The main image is fitted to the thumbnail's size in three ways (stretched,
// centre-cropped to the thumbnail's aspect, and fitted inside black bars that the thumbnail
// carries), each is compared with the thumbnail after normalising brightness and contrast, and
// the best fit is kept. A low correlation says the two show different pictures; a compact group of
// thumbnail blocks that disagree says a part was changed.
import Evidence
import Foundation
import Media

/// Consistency of the EXIF thumbnail with the main image.
public struct ThumbnailConsistency: ForensicAnalysis {
    public struct Parameters: Sendable, Equatable {
        /// Correlation below which the thumbnail is said to show another picture.
        public var minCorrelation: Double = 0.85
        /// Block side in thumbnail pixels for the local map.
        public var blockSize: Int = 4
        /// Difference of block means (in standard deviations of the normalised luma) from which a
        /// block counts as changed.
        public var minCellDifference: Float = 0.5
        public init(minCorrelation: Double = 0.85, blockSize: Int = 4, minCellDifference: Float = 0.5) {
            self.minCorrelation = minCorrelation; self.blockSize = blockSize; self.minCellDifference = minCellDifference
        }
    }

    public let id = "thumbnail"
    public let title = "EXIF thumbnail consistency"
    public var parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public func analyze(_ input: ForensicInput) throws -> AnalysisResult {
        guard let thumb = input.thumbnail else { return .skipped(id, title, reason: "The file carries no decodable EXIF thumbnail.") }
        let main = input.luma
        let bs = max(parameters.blockSize, 1)
        guard thumb.width >= 2 * bs, thumb.height >= 2 * bs, main.width >= thumb.width / 4, main.height >= thumb.height / 4 else {
            return .skipped(id, title, reason: "The thumbnail (\(thumb.width)x\(thumb.height)) or the image is too small to compare.")
        }
        let t = Plane(luma: thumb)
        let content = Self.contentBox(t)  // inside any black bars
        let tc = Self.crop(t, content)
        var best: (corr: Double, diff: Plane, fitted: Plane, thumb: Plane, how: String)? = nil
        let W = main.width, H = main.height
        let aspect = Double(tc.width) / Double(tc.height)
        let cropW = min(W, Int(Double(H) * aspect)), cropH = min(H, Int(Double(W) / aspect))
        let candidates = [("the whole image", (0, 0, W, H)),
                          ("the centre of the image cropped to the thumbnail's aspect", ((W - cropW) / 2, (H - cropH) / 2, cropW, cropH))]
        for (how, box) in candidates where box.2 > 0 && box.3 > 0 {
            let fitted = Self.fit(Self.crop(main, box), width: tc.width, height: tc.height)
            let (corr, diff, na, nb) = Self.compare(fitted, tc)
            if best == nil || corr > best!.corr { best = (corr, diff, na, nb, how) }
        }
        guard let b = best else { return .skipped(id, title, reason: "The thumbnail could not be compared.") }
        // Differences of block means, not of pixels: thumbnails are made with other filters, so
        // fine texture aliases differently while block means agree.
        let fittedCells = b.fitted.blockMeans(bs), thumbCells = b.thumb.blockMeans(bs)
        let cells = Plane(width: fittedCells.width, height: fittedCells.height,
                          values: zip(fittedCells.values, thumbCells.values).map { abs($0 - $1) })
        let region = BlockRegion.largest(in: cells, threshold: parameters.minCellDifference)
        let strength = region.map { $0.mean * Double($0.area) } ?? 0
        let globalScore = RobustStats.squash(parameters.minCorrelation - b.corr, centre: 0, width: 0.04)
        let localScore = RobustStats.squash(strength, centre: 6, width: 2)
        let score = max(globalScore, localScore)
        var findings: [Finding] = []
        if globalScore >= 0.5 {
            findings.append(Finding(code: "thumbnail-mismatch", severity: .warning,
                                    message: "The EXIF thumbnail does not show the same picture as the image (correlation \(String(format: "%.2f", b.corr)) with \(b.how)). Editors often re-save the image and keep the camera's thumbnail: the thumbnail may show the picture before it was changed.",
                                    source: id))
        } else if let r = region, localScore >= 0.5 {
            let sx = Double(main.width) / Double(tc.width), sy = Double(main.height) / Double(tc.height)
            let loc = "x=\(Int(Double(r.box.x * bs) * sx)) y=\(Int(Double(r.box.y * bs) * sy)) w=\(Int(Double(r.box.width * bs) * sx)) h=\(Int(Double(r.box.height * bs) * sy))"
            findings.append(Finding(code: "thumbnail-region-differs", severity: .warning,
                                    message: "The EXIF thumbnail matches the image except in one area (about \(loc) in the image): that part was probably changed after the thumbnail was written.",
                                    source: id, location: loc))
        } else {
            findings.append(Finding(code: "thumbnail-consistent", severity: .info,
                                    message: "The EXIF thumbnail shows the same picture as the image (correlation \(String(format: "%.2f", b.corr)) with \(b.how)).", source: id))
        }
        return AnalysisResult(id: id, title: title, score: score,
                              maps: [cells.heatmap(label: "thumbnail vs image: difference of \(bs)px thumbnail block means (normalised luma, 0...1 sd)", lo: 0, hi: 1)],
                              findings: findings,
                              measurements: ["thumbnail_correlation": b.corr, "thumbnail_mean_difference": RobustStats.mean(b.diff.values),
                                             "thumbnail_region_strength": strength])
    }

    /// The box of `p` inside uniform near-black bars (rows/columns whose mean is under 16).
    static func contentBox(_ p: Plane) -> (Int, Int, Int, Int) {
        func rowMean(_ y: Int) -> Float { (0..<p.width).reduce(0) { $0 + p[$1, y] } / Float(p.width) }
        func colMean(_ x: Int) -> Float { (0..<p.height).reduce(0) { $0 + p[x, $1] } / Float(p.height) }
        var top = 0, bottom = p.height - 1, left = 0, right = p.width - 1
        while top < p.height / 3 && rowMean(top) < 16 { top += 1 }
        while bottom > 2 * p.height / 3 && rowMean(bottom) < 16 { bottom -= 1 }
        while left < p.width / 3 && colMean(left) < 16 { left += 1 }
        while right > 2 * p.width / 3 && colMean(right) < 16 { right -= 1 }
        return (left, top, right - left + 1, bottom - top + 1)
    }

    static func crop(_ p: Plane, _ box: (Int, Int, Int, Int)) -> Plane {
        let (x0, y0, w, h) = box
        var v = [Float](repeating: 0, count: w * h)
        for y in 0..<h { for x in 0..<w { v[y * w + x] = p[x0 + x, y0 + y] } }
        return Plane(width: w, height: h, values: v)
    }

    /// Box-downscale by the largest integer factor that keeps it above the target, then bilinear.
    static func fit(_ p: Plane, width: Int, height: Int) -> Plane {
        let f = max(1, min(p.width / max(width, 1), p.height / max(height, 1)))
        return p.downscaled(by: f).resized(width: width, height: height)
    }

    /// Pearson correlation, |a - b| per pixel, and both planes, after each is normalised to zero
    /// mean and unit standard deviation.
    static func compare(_ a: Plane, _ b: Plane) -> (Double, Plane, Plane, Plane) {
        func norm(_ p: Plane) -> [Float] {
            let m = Float(RobustStats.mean(p.values))
            let sd = max(Float((p.values.reduce(0.0) { $0 + Double(($1 - m) * ($1 - m)) } / Double(max(p.values.count, 1))).squareRoot()), 1e-3)
            return p.values.map { ($0 - m) / sd }
        }
        let na = norm(a), nb = norm(b)
        let corr = zip(na, nb).reduce(0.0) { $0 + Double($1.0 * $1.1) } / Double(max(na.count, 1))
        return (corr, Plane(width: a.width, height: a.height, values: zip(na, nb).map { abs($0 - $1) }),
                Plane(width: a.width, height: a.height, values: na), Plane(width: b.width, height: b.height, values: nb))
    }
}
