// The block features of CopyMoveAnalysis: for every overlapping block, the 10 lowest-frequency
// coefficients of its orthonormal 2D DCT (u + v <= 3), computed separably (a row pass, then a
// column pass) so that the cost per block is about 100 multiply-adds rather than 2,500. Features
// are in grey levels times the block side, so the Euclidean distance divided by the block side is
// the RMS difference of the two blocks' low-pass content.
import Foundation

/// Low-frequency DCT features of overlapping blocks, and the similar pairs among them.
struct CopyMoveFeatures {
    /// A pair of similar blocks: the first at (x, y), the second at (x + dx, y + dy).
    struct Pair { var x: Int, y: Int, dx: Int, dy: Int }

    static let frequencies: [(u: Int, v: Int)] = [(0, 0), (1, 0), (0, 1), (2, 0), (1, 1), (0, 2), (3, 0), (2, 1), (1, 2), (0, 3)]
    static let count = frequencies.count

    let blockSize: Int
    /// Top-left corners of the kept (textured) blocks.
    var xs: [Int32] = [], ys: [Int32] = []
    /// features: (blocks, count)
    var features: [Float] = []

    init(_ p: Plane, blockSize B: Int, stride S: Int, minDeviation: Float, minStructure: Float) {
        blockSize = B
        var basis: [[Float]] = []
        for u in 0..<4 {
            let c: Double = u == 0 ? (1 / Double(B)).squareRoot() : (2 / Double(B)).squareRoot()
            basis.append((0..<B).map { (i: Int) -> Float in Float(c * cos(Double(2 * i + 1) * Double(u) * Double.pi / Double(2 * B))) })
        }
        let nx = (p.width - B) / S + 1, ny = (p.height - B) / S + 1
        // Row pass: rows[(y * nx + ix) * 4 + u] = sum_i p(ix*S + i, y) basis_u(i), for every row y.
        var rows = [Float](repeating: 0, count: p.height * nx * 4)
        let width = p.width, table = basis
        p.values.withUnsafeBufferPointer { src in
            rows.withUnsafeMutableBufferPointer { dst in
                let s = SharedConst(base: src.baseAddress!), out = SharedBuffer(base: dst.baseAddress!)
                Parallel.forEachChunk(p.height, minimumPerChunk: 32) { range in
                    for y in range {
                        for ix in 0..<nx {
                            let base = y * width + ix * S
                            for u in 0..<4 {
                                var acc: Float = 0
                                for i in 0..<B { acc += s[base + i] * table[u][i] }
                                out[(y * nx + ix) * 4 + u] = acc
                            }
                        }
                    }
                }
            }
        }
        // Block standard deviation from integral images of p and p^2.
        let integral = IntegralImage(p)
        let n = Double(B * B)
        for iy in 0..<ny {
            for ix in 0..<nx {
                let x = ix * S, y = iy * S
                let (sum, sq) = integral.sums(x: x, y: y, width: B, height: B)
                let variance = max(sq / n - (sum / n) * (sum / n), 0)
                guard Float(variance.squareRoot()) >= minDeviation else { continue }
                var f = [Float](repeating: 0, count: Self.count)
                var ac: Float = 0
                for (k, (u, v)) in Self.frequencies.enumerated() {
                    var acc: Float = 0
                    for j in 0..<B { acc += rows[((y + j) * nx + ix) * 4 + u] * basis[v][j] }
                    f[k] = acc
                    if k > 0 { ac += acc * acc }
                }
                // Noisy but flat blocks have high deviation and no low-frequency structure: they
                // all look alike to these features, so they are left out.
                guard ac.squareRoot() / Float(B) >= minStructure else { continue }
                xs.append(Int32(x)); ys.append(Int32(y))
                features += f
            }
        }
    }

    /// Pairs of blocks whose features differ by at most `maxDistance` RMS grey levels and which are
    /// at least `minShift` apart, found among `neighbours` successors in lexicographic order.
    /// Candidates are then verified on the full pixels of `plane`: the RMS difference of the two
    /// blocks must be at most `maxPixelDistance` (smooth or noisy areas match in their low
    /// frequencies but not pixel for pixel; a copy does, up to re-compression noise).
    func similarPairs(_ plane: Plane, maxDistance: Float, maxPixelDistance: Float, minShift: Int, neighbours: Int) -> [Pair] {
        let n = xs.count, C = Self.count
        let q = max(maxDistance * Float(blockSize), 1e-3)
        // Quantised keys of the first four features (the DC and the three lowest ACs).
        let keys = (0..<n).map { i in (0..<4).map { Int32((features[i * C + $0] / q).rounded(.down)) } }
        let order = (0..<n).sorted { a, b in keys[a].lexicographicallyPrecedes(keys[b]) }
        let limit = maxDistance * maxDistance * Float(blockSize * blockSize)
        let minShift2 = minShift * minShift
        var out: [Pair] = []
        for (r, a) in order.enumerated() {
            for b in order[(r + 1)..<min(r + 1 + neighbours, n)] {
                var d: Float = 0
                for c in 0..<C { let t = features[a * C + c] - features[b * C + c]; d += t * t }
                guard d <= limit else { continue }
                var dx = Int(xs[b] - xs[a]), dy = Int(ys[b] - ys[a])
                guard dx * dx + dy * dy >= minShift2,
                      Self.rmsDifference(plane, Int(xs[a]), Int(ys[a]), Int(xs[b]), Int(ys[b]), blockSize) <= maxPixelDistance else { continue }
                var (x, y) = (Int(xs[a]), Int(ys[a]))
                // One orientation per pair: the shift points right (or down when vertical).
                if dx < 0 || (dx == 0 && dy < 0) { x += dx; y += dy; dx = -dx; dy = -dy }
                out.append(Pair(x: x, y: y, dx: dx, dy: dy))
            }
        }
        return out
    }

    /// RMS difference of the B x B blocks at (ax, ay) and (bx, by).
    static func rmsDifference(_ p: Plane, _ ax: Int, _ ay: Int, _ bx: Int, _ by: Int, _ B: Int) -> Float {
        var s: Float = 0
        p.values.withUnsafeBufferPointer { v in
            for j in 0..<B {
                let ra = (ay + j) * p.width + ax, rb = (by + j) * p.width + bx
                for i in 0..<B { let d = v[ra + i] - v[rb + i]; s += d * d }
            }
        }
        return (s / Float(B * B)).squareRoot()
    }
}
