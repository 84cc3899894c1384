// Colour scales for heatmaps and legends: a few stops interpolated into a 256-entry lookup table,
// so mapping a value to a colour is one multiply and one array read per pixel. `inferno` (dark to
// bright, good contrast over photographs), `viridis` (perceptually uniform and colour-blind safe)
// and `grey` ship built in; themes may define more.

/// A colour scale over 0...1.
public struct Palette: Sendable, Equatable {
    public var name: String
    /// The defining colours, evenly spaced from 0 to 1 (at least one).
    public let stops: [RGB]
    /// 256 interpolated colours.
    public let table: [RGB]

    public init(name: String, stops: [RGB]) {
        precondition(!stops.isEmpty, "a palette needs at least one colour")
        self.name = name
        self.stops = stops
        var t = [RGB](repeating: .black, count: 256)
        for i in 0..<256 {
            let pos = Double(i) / 255 * Double(stops.count - 1)
            let k = min(Int(pos), stops.count - 1)
            let next = min(k + 1, stops.count - 1)
            t[i] = stops[k].mixed(with: stops[next], pos - Double(k))
        }
        table = t
    }

    /// The colour for `value` (clamped to 0...1; NaN maps to 0).
    @inline(__always)
    public func color(_ value: Float) -> RGB {
        table[Palette.index(value)]
    }

    /// The table index for `value`: 0...255.
    @inline(__always)
    public static func index(_ value: Float) -> Int {
        guard value > 0 else { return 0 }
        return value >= 1 ? 255 : Int(value * 255 + 0.5)
    }

    /// matplotlib's inferno, sampled at ten points.
    public static let inferno = Palette(name: "inferno", stops: [
        0x000004, 0x1B0C41, 0x4A0C6B, 0x781C6D, 0xA52C60, 0xCF4446, 0xED6925, 0xFB9B06, 0xF7D13D, 0xFCFFA4,
    ].map(RGB.init(hex:)))

    /// matplotlib's viridis, sampled at ten points: safe for colour-blind analysts.
    public static let viridis = Palette(name: "viridis", stops: [
        0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6ECE58, 0xB5DE2B, 0xFDE725,
    ].map(RGB.init(hex:)))

    /// Black to white.
    public static let grey = Palette(name: "grey", stops: [.black, .white])

    /// The palettes every theme has unless it redefines them.
    public static let builtIn: [Palette] = [inferno, viridis, grey]
}
