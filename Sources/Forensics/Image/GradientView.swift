// Luminance gradient view (an analyst view, no score): the magnitude of the luma gradient per block.
// Edges of a pasted object often have a sharpness (or a halo from feathering) unlike the edges
// around them; Sherloq and Forensically show the same view. The per-pixel magnitude is also the
// texture measure that ELA and noise analyses normalise by.
import Evidence

/// Luminance gradient magnitude map.
public struct GradientView: ForensicAnalysis {
    public struct Parameters: Sendable, Equatable {
        /// Map cell size in pixels.
        public var blockSize: Int = 8
        public init(blockSize: Int = 8) { self.blockSize = blockSize }
    }

    public let id = "gradient"
    public let title = "Luminance gradient"
    public var parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public func analyze(_ input: ForensicInput) throws -> AnalysisResult {
        let bs = max(parameters.blockSize, 1)
        let g = Self.magnitude(input.luma).blockMeans(bs)
        let hi = max(RobustStats.percentile(g.values, 0.99), 1)
        return AnalysisResult(id: id, title: title,
                              maps: [g.heatmap(label: "luminance gradient magnitude per \(bs)px block (scaled to the 99th percentile)", lo: 0, hi: hi)],
                              measurements: ["gradient_mean": RobustStats.mean(g.values)])
    }

    /// |d/dx| + |d/dy| by central differences (one-sided at the borders), per pixel. (height, width)
    static func magnitude(_ p: Plane) -> Plane {
        let w = p.width, h = p.height
        guard w > 1, h > 1 else { return Plane(width: w, height: h) }
        let values = p.values.withUnsafeBufferPointer { src in
            let s = SharedConst(base: src.baseAddress!)
            return Parallel.fill(w * h, initial: Float(0), minimumPerChunk: 65536) { range, out in
                for i in range {
                    let x = i % w, y = i / w
                    let xl = x > 0 ? i - 1 : i, xr = x < w - 1 ? i + 1 : i
                    let yu = y > 0 ? i - w : i, yd = y < h - 1 ? i + w : i
                    let gx = (s[xr] - s[xl]) / Float(xr - xl == 2 ? 2 : 1)
                    let gy = (s[yd] - s[yu]) / Float(yd - yu == 2 * w ? 2 : 1)
                    out[i] = abs(gx) + abs(gy)
                }
            }
        }
        return Plane(width: w, height: h, values: values)
    }
}
