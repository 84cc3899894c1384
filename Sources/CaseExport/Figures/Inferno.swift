// The colour scale of report figures: matplotlib's inferno, the workbench's default heatmap
// palette (Workbench/Theme/Palette.swift, same ten stops), so a map in a report looks the way the
// analyst saw it on screen. Workbench sits above this target, hence the copy of the stops.

/// inferno as a 256-entry table of (r, g, b) bytes.
enum Inferno {
    static let stops: [UInt32] = [0x000004, 0x1B0C41, 0x4A0C6B, 0x781C6D, 0xA52C60, 0xCF4446, 0xED6925, 0xFB9B06, 0xF7D13D, 0xFCFFA4]

    static let table: [(UInt8, UInt8, UInt8)] = (0..<256).map { i in
        let pos = Double(i) / 255 * Double(stops.count - 1)
        let k = min(Int(pos), stops.count - 1), next = min(k + 1, stops.count - 1)
        let t = pos - Double(k)
        func ch(_ c: UInt32, _ shift: UInt32) -> Double { Double(c >> shift & 0xFF) }
        func mix(_ shift: UInt32) -> UInt8 { UInt8((ch(stops[k], shift) * (1 - t) + ch(stops[next], shift) * t).rounded()) }
        return (mix(16), mix(8), mix(0))
    }

    /// The colour of `value` clamped to 0...1 (NaN as 0), as the workbench maps it.
    static func colour(_ value: Float) -> (UInt8, UInt8, UInt8) {
        guard value > 0 else { return table[0] }
        return table[value >= 1 ? 255 : Int(value * 255 + 0.5)]
    }
}
