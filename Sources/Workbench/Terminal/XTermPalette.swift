// RGB to the xterm 256-colour and 8-colour palettes, for terminals without truecolor. Pure
// arithmetic: the 6x6x6 cube (levels 0, 95, 135, 175, 215, 255) and the 24-step grey ramp
// (8, 18, ..., 238); the 16 system colours are skipped for 256 colours because terminals theme them.

/// Nearest-colour mapping to terminal palettes.
public enum XTermPalette {
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The colour of palette entry `index` (16...255) as xterm defines it.
    public static func color(_ index: Int) -> RGB {
        precondition((16...255).contains(index))
        if index >= 232 {
            let v = UInt8(8 + 10 * (index - 232))
            return RGB(v, v, v)
        }
        let i = index - 16
        return RGB(UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
    }

    /// The nearest entry of 16...255 to `c` (squared RGB distance; cube or grey ramp).
    public static func index256(_ c: RGB) -> Int {
        let r = Int(c.r), g = Int(c.g), b = Int(c.b)
        let ri = cubeIndex(r), gi = cubeIndex(g), bi = cubeIndex(b)
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cr = cubeLevels[ri], cg = cubeLevels[gi], cb = cubeLevels[bi]
        let cubeDistance = sq(r - cr) + sq(g - cg) + sq(b - cb)
        // The grey ramp entry nearest the mean.
        let mean = (r + g + b) / 3
        let gIndex = mean < 8 ? 0 : min(23, (mean - 8 + 5) / 10)
        let gv = 8 + 10 * gIndex
        let greyDistance = sq(r - gv) + sq(g - gv) + sq(b - gv)
        return greyDistance < cubeDistance ? 232 + gIndex : cube
    }

    /// The nearest of the 8 ANSI colours (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta,
    /// 6 cyan, 7 white), each channel thresholded at its midpoint.
    public static func index8(_ c: RGB) -> Int {
        let hi = max(Int(c.r), Int(c.g), Int(c.b))
        // Dark colours read as black; otherwise a channel counts when it is near the brightest one.
        if hi < 64 { return 0 }
        let t = hi / 2
        return (Int(c.r) > t ? 1 : 0) | (Int(c.g) > t ? 2 : 0) | (Int(c.b) > t ? 4 : 0)
    }

    @inline(__always) static func sq(_ x: Int) -> Int { x * x }

    /// Index of the nearest cube level to a channel value (midpoints 47, 115, 155, 195, 235).
    @inline(__always)
    static func cubeIndex(_ v: Int) -> Int {
        if v < 48 { return 0 }
        if v < 115 { return 1 }
        return min(5, (v - 35) / 40)
    }
}
