// Quadrant cells: four samples (top-left, top-right, bottom-left, bottom-right) become one of the
// 16 quadrant characters with a foreground and a background colour. Every split of the four into
// two groups is tried (8, since a split and its complement are the same) and the one with the least
// squared colour error wins; the colours are the groups' means. Samples past the picture's edge
// count as background.

extension HalfBlockRenderer {
    /// Quadrant characters indexed by a mask of the foreground samples: TL 1, TR 2, BL 4, BR 8.
    static let quadrantGlyphs: [Unicode.Scalar] = [" ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█"]

    func writeQuadrants(_ samples: [UInt8], layout: ImageLayout, into canvas: Canvas) {
        let sw = layout.samplesWide, sh = layout.samplesHigh
        let bg = background
        var r = [Int](repeating: 0, count: 4), g = r, b = r
        samples.withUnsafeBufferPointer { s in
            for row in 0..<layout.cells.height {
                for col in 0..<layout.cells.width {
                    for q in 0..<4 {
                        let x = col * 2 + (q & 1), y = row * 2 + (q >> 1)
                        if x < sw && y < sh {
                            let o = (y * sw + x) * 3
                            r[q] = Int(s[o]); g[q] = Int(s[o + 1]); b[q] = Int(s[o + 2])
                        } else { r[q] = Int(bg.r); g[q] = Int(bg.g); b[q] = Int(bg.b) }
                    }
                    var bestMask = 15, bestError = Int.max
                    var best = (RGB.black, RGB.black)
                    for mask in stride(from: 1, through: 15, by: 2) {
                        var fr = 0, fg = 0, fb = 0, fn = 0, br = 0, bgg = 0, bb = 0, bn = 0
                        for q in 0..<4 {
                            if mask & (1 << q) != 0 { fr += r[q]; fg += g[q]; fb += b[q]; fn += 1 }
                            else { br += r[q]; bgg += g[q]; bb += b[q]; bn += 1 }
                        }
                        let f = (fr / fn, fg / fn, fb / fn)
                        let k = bn > 0 ? (br / bn, bgg / bn, bb / bn) : f
                        var err = 0
                        for q in 0..<4 {
                            let c = mask & (1 << q) != 0 ? f : k
                            let dr = r[q] - c.0, dg = g[q] - c.1, db = b[q] - c.2
                            err += dr * dr + dg * dg + db * db
                        }
                        if err < bestError {
                            bestError = err; bestMask = mask
                            best = (RGB(UInt8(f.0), UInt8(f.1), UInt8(f.2)), RGB(UInt8(k.0), UInt8(k.1), UInt8(k.2)))
                        }
                    }
                    canvas.setNarrow(layout.cells.x + col, layout.cells.y + row, Cell(Self.quadrantGlyphs[bestMask], fg: best.0, bg: best.1))
                }
            }
        }
    }
}
