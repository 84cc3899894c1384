// A single-channel Float image: luma, residuals, per-block statistics. The analyses work on planes
// rather than on RGBImage so that one conversion serves several steps, and so that per-block maps
// (a plane with one value per block) share the same helpers.
import Evidence
import Media

/// A row-major grid of Floats. values: (height, width)
public struct Plane: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var values: [Float]

    public init(width: Int, height: Int, values: [Float]) {
        precondition(width >= 0 && height >= 0 && values.count == width * height, "Plane: \(values.count) values for \(width)x\(height)")
        self.width = width; self.height = height; self.values = values
    }

    public init(width: Int, height: Int, fill: Float = 0) {
        self.init(width: width, height: height, values: [Float](repeating: fill, count: width * height))
    }

    /// BT.601 luma of an image, 0...255.
    public init(luma image: RGBImage) {
        self.init(width: image.width, height: image.height, values: image.luma())
    }

    /// One channel (0 R, 1 G, 2 B) of an image, 0...255.
    public init(channel c: Int, of image: RGBImage) {
        precondition((0..<3).contains(c))
        var v = [Float](repeating: 0, count: image.width * image.height)
        image.pixels.withUnsafeBufferPointer { p in for i in v.indices { v[i] = Float(p[3 * i + c]) } }
        self.init(width: image.width, height: image.height, values: v)
    }

    @inline(__always) public subscript(x: Int, y: Int) -> Float {
        get { values[y * width + x] }
        set { values[y * width + x] = newValue }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// Mean of each `size`x`size` block (blocks cut at the right and bottom edges are partial).
    /// Result: (ceil(height/size), ceil(width/size))
    public func blockMeans(_ size: Int) -> Plane {
        precondition(size > 0)
        let bw = (width + size - 1) / size, bh = (height + size - 1) / size
        let (w, h) = (width, height)
        let out = values.withUnsafeBufferPointer { src in
            let s = SharedConst(base: src.baseAddress!)
            return Parallel.fill(bw * bh, initial: Float(0), minimumPerChunk: max(bw, 1) * 4) { range, out in
                // Whole block rows: a row belongs to the chunk its first cell falls in.
                let firstRow = range.lowerBound / bw, lastRow = (range.upperBound - 1) / bw
                for by in firstRow...lastRow where by * bw >= range.lowerBound {
                    var sums = [Double](repeating: 0, count: bw)
                    let y1 = min(by * size + size, h)
                    for y in (by * size)..<y1 {
                        let row = y * w
                        var bx = 0, x = 0
                        while x < w {
                            let end = min(x + size, w)
                            var acc: Float = 0
                            for i in x..<end { acc += s[row + i] }
                            sums[bx] += Double(acc)
                            bx += 1; x = end
                        }
                    }
                    for bx in 0..<bw {
                        let cw = min(bx * size + size, w) - bx * size
                        out[by * bw + bx] = Float(sums[bx] / Double(cw * (y1 - by * size)))
                    }
                }
            }
        }
        return Plane(width: bw, height: bh, values: out)
    }

    /// Box-filter downscale by an integer factor (area average; partial edge blocks averaged too).
    public func downscaled(by factor: Int) -> Plane { factor <= 1 ? self : blockMeans(factor) }

    /// Bilinear resampling to `w`x`h` (pixel centres aligned, as most editors do).
    public func resized(width w: Int, height h: Int) -> Plane {
        guard w > 0, h > 0, width > 0, height > 0 else { return Plane(width: max(w, 0), height: max(h, 0)) }
        var out = [Float](repeating: 0, count: w * h)
        let sx = Float(width) / Float(w), sy = Float(height) / Float(h)
        for y in 0..<h {
            let fy = max(0, min(Float(height - 1), (Float(y) + 0.5) * sy - 0.5))
            let y0 = Int(fy), y1 = min(y0 + 1, height - 1), ty = fy - Float(y0)
            for x in 0..<w {
                let fx = max(0, min(Float(width - 1), (Float(x) + 0.5) * sx - 0.5))
                let x0 = Int(fx), x1 = min(x0 + 1, width - 1), tx = fx - Float(x0)
                let top = self[x0, y0] * (1 - tx) + self[x1, y0] * tx
                let bottom = self[x0, y1] * (1 - tx) + self[x1, y1] * tx
                out[y * w + x] = top * (1 - ty) + bottom * ty
            }
        }
        return Plane(width: w, height: h, values: out)
    }

    /// A heatmap of these values mapped linearly from `lo...hi` to 0...1 (clamped; NaN becomes 0).
    public func heatmap(label: String, lo: Float, hi: Float) -> Heatmap {
        let span = hi > lo ? hi - lo : 1
        return Heatmap(width: width, height: height,
                       values: values.map { v in v.isFinite ? min(max((v - lo) / span, 0), 1) : 0 }, label: label)
    }
}
