// The real GIMP splice from opencv-doc: ela_modified.jpg is a crop of ela_original.jpg (shifted,
// not on the original's 8x8 grid) with a penguin pasted in. The two files differ in size, so the
// pasted region is found by registering them first (exhaustive translation search on a coarse grid,
// refined at full resolution) and then diffing: the region is the largest connected group of
// 16-pixel blocks that differ strongly.
import Evidence
import Foundation
import Forensics
import Media
import TestSupport

struct SpliceFixture {
    let original: ForensicInput
    let modified: ForensicInput
    /// The pasted region in modified-image pixels: x, y, width, height.
    let region: (x: Int, y: Int, width: Int, height: Int)
    /// modified(x, y) == original(x + shift.dx, y + shift.dy) outside the paste.
    let shift: (dx: Int, dy: Int)

    static let shared: SpliceFixture = try! SpliceFixture()

    init() throws {
        original = try Self.load("ela_original.jpg")
        modified = try Self.load("ela_modified.jpg")
        let a = Plane(luma: modified.image), b = Plane(luma: original.image)
        shift = Self.register(a, b)
        // Difference per 16px block over the overlap.
        let bs = 16
        let bw = a.width / bs, bh = a.height / bs
        var diff = Plane(width: bw, height: bh, fill: 0)
        for by in 0..<bh {
            for bx in 0..<bw {
                var s: Float = 0, n = 0
                for y in (by * bs)..<(by * bs + bs) {
                    for x in (bx * bs)..<(bx * bs + bs) {
                        let ox = x + shift.dx, oy = y + shift.dy
                        guard ox >= 0, oy >= 0, ox < b.width, oy < b.height else { continue }
                        s += abs(a[x, y] - b[ox, oy]); n += 1
                    }
                }
                diff[bx, by] = n > bs * bs / 2 ? s / Float(n) : 0
            }
        }
        let r = BlockRegion.largest(in: diff, threshold: 25)!
        region = (r.box.x * bs, r.box.y * bs, r.box.width * bs, r.box.height * bs)
    }

    static func load(_ name: String) throws -> ForensicInput {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path(name))))
        return try ForensicInput.jpeg(data: data, path: name)
    }

    /// Translation (dx, dy) minimising the mean |a(x,y) - b(x+dx, y+dy)|: exhaustive on 4x
    /// downscaled planes, then refined at full resolution.
    static func register(_ a: Plane, _ b: Plane) -> (dx: Int, dy: Int) {
        func cost(_ a: Plane, _ b: Plane, _ dx: Int, _ dy: Int, step: Int) -> Float {
            var sum: Float = 0, n = 0
            a.values.withUnsafeBufferPointer { pa in
                b.values.withUnsafeBufferPointer { pb in
                    for y in stride(from: max(0, -dy), to: min(a.height, b.height - dy), by: step) {
                        for x in stride(from: max(0, -dx), to: min(a.width, b.width - dx), by: step) {
                            sum += abs(pa[y * a.width + x] - pb[(y + dy) * b.width + x + dx]); n += 1
                        }
                    }
                }
            }
            guard n > (a.width / step) * (a.height / step) / 3 else { return .infinity }
            return sum / Float(n)
        }
        // Coarse to fine: exhaustive at 1/8, then +-3 cells at 1/2, then +-2 pixels at full size.
        let s8a = a.downscaled(by: 8), s8b = b.downscaled(by: 8)
        var best = (dx: 0, dy: 0), bestCost = Float.infinity
        for dy in (-s8a.height / 2)...(s8a.height / 2) {
            for dx in (-s8a.width / 2)...(s8a.width / 2) {
                let c = cost(s8a, s8b, dx, dy, step: 2)
                if c < bestCost { bestCost = c; best = (dx, dy) }
            }
        }
        let s2a = a.downscaled(by: 2), s2b = b.downscaled(by: 2)
        for (scale, pa, pb, radius, step) in [(4, s2a, s2b, 6, 3), (2, a, b, 2, 3)] {
            let centre = (dx: best.dx * scale, dy: best.dy * scale)
            bestCost = .infinity
            for dy in (centre.dy - radius)...(centre.dy + radius) {
                for dx in (centre.dx - radius)...(centre.dx + radius) {
                    let c = cost(pa, pb, dx, dy, step: step)
                    if c < bestCost { bestCost = c; best = (dx, dy) }
                }
            }
        }
        return best
    }
}

/// Where a map is hottest, and how hot the region is compared with the rest.
struct MapCheck {
    /// Centre (image pixels) of the hottest 3x3-cell window of the map.
    let hottest: (x: Int, y: Int)
    /// Mean map value inside the region over the mean outside.
    let contrast: Double

    init(_ map: Heatmap, imageWidth: Int, imageHeight: Int, region: (x: Int, y: Int, width: Int, height: Int)) {
        let cw = Double(imageWidth) / Double(map.width), ch = Double(imageHeight) / Double(map.height)
        var best = -Float.infinity, at = (0, 0)
        var inSum = 0.0, inN = 0.0, outSum = 0.0, outN = 0.0
        for y in 0..<map.height {
            for x in 0..<map.width {
                var s: Float = 0
                for dy in -1...1 { for dx in -1...1 {
                    let nx = min(max(x + dx, 0), map.width - 1), ny = min(max(y + dy, 0), map.height - 1)
                    s += map[nx, ny]
                } }
                if s > best { best = s; at = (x, y) }
                let px = (Double(x) + 0.5) * cw, py = (Double(y) + 0.5) * ch
                let inside = px >= Double(region.x) && px < Double(region.x + region.width) && py >= Double(region.y) && py < Double(region.y + region.height)
                if inside { inSum += Double(map[x, y]); inN += 1 } else { outSum += Double(map[x, y]); outN += 1 }
            }
        }
        hottest = (Int((Double(at.0) + 0.5) * cw), Int((Double(at.1) + 0.5) * ch))
        contrast = (inSum / max(inN, 1)) / max(outSum / max(outN, 1), 1e-6)
    }

    func hottestInside(_ r: (x: Int, y: Int, width: Int, height: Int), margin: Int = 16) -> Bool {
        hottest.x >= r.x - margin && hottest.x < r.x + r.width + margin && hottest.y >= r.y - margin && hottest.y < r.y + r.height + margin
    }
}
