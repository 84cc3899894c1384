// Connected regions of anomalous blocks. Several analyses (ELA, noise, ghost, DQ) produce a
// per-block anomaly figure; a forgery is a connected group of anomalous blocks, while isolated
// hot blocks are usually texture or noise. Regions are 8-connected groups of cells at or above a
// threshold, found by a flood fill over the block grid.

/// A connected group of cells of a block map.
public struct BlockRegion: Sendable, Equatable {
    /// Cell indices (y * width + x) of the map.
    public var cells: [Int]
    /// Bounding box in cells: x, y, width, height.
    public var box: (x: Int, y: Int, width: Int, height: Int)
    /// Mean of the map over the region.
    public var mean: Double

    public var area: Int { cells.count }

    public static func == (a: BlockRegion, b: BlockRegion) -> Bool {
        a.cells == b.cells && a.box == b.box && a.mean == b.mean
    }

    /// Regions of cells with `map` >= `threshold` (cells where `valid` is false are skipped),
    /// largest area x mean first.
    static func find(in map: Plane, threshold: Float, valid: [Bool]? = nil) -> [BlockRegion] {
        let w = map.width, h = map.height
        var seen = [Bool](repeating: false, count: w * h)
        var regions: [BlockRegion] = []
        var stack: [Int] = []
        for start in 0..<(w * h) where !seen[start] && map.values[start] >= threshold && (valid?[start] ?? true) {
            seen[start] = true
            stack.append(start)
            var cells: [Int] = []
            var sum = 0.0
            var x0 = w, y0 = h, x1 = -1, y1 = -1
            while let c = stack.popLast() {
                cells.append(c); sum += Double(map.values[c])
                let cx = c % w, cy = c / w
                x0 = min(x0, cx); x1 = max(x1, cx); y0 = min(y0, cy); y1 = max(y1, cy)
                for dy in -1...1 {
                    for dx in -1...1 where dx != 0 || dy != 0 {
                        let nx = cx + dx, ny = cy + dy
                        guard nx >= 0, ny >= 0, nx < w, ny < h else { continue }
                        let n = ny * w + nx
                        if !seen[n], map.values[n] >= threshold, valid?[n] ?? true { seen[n] = true; stack.append(n) }
                    }
                }
            }
            regions.append(BlockRegion(cells: cells, box: (x0, y0, x1 - x0 + 1, y1 - y0 + 1), mean: sum / Double(cells.count)))
        }
        return regions.sorted { Double($0.area) * $0.mean > Double($1.area) * $1.mean }
    }

    /// The strongest region of `map` at `threshold`, if any cell passes.
    public static func largest(in map: Plane, threshold: Float) -> BlockRegion? {
        find(in: map, threshold: threshold).first
    }

    /// The box in image pixels, for a map of `blockSize`-pixel cells, as text: `x=.. y=.. w=.. h=..`.
    func describe(blockSize: Int) -> String {
        "x=\(box.x * blockSize) y=\(box.y * blockSize) w=\(box.width * blockSize) h=\(box.height * blockSize)"
    }
}
