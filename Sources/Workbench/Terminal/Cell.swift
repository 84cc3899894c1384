// One character cell of the screen: what the canvas writes, the frame buffer diffs and a terminal
// draws. Kept small and trivially copyable (12 bytes, no references) so a 200x60 grid is a flat
// array that is cleared, compared and copied without any allocation or reference counting.

/// An 8-bit-per-channel colour.
public struct RGB: Hashable, Sendable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8

    @inline(__always)
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// A colour from `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(UInt8(truncatingIfNeeded: hex >> 16), UInt8(truncatingIfNeeded: hex >> 8), UInt8(truncatingIfNeeded: hex))
    }

    /// Parses `#rrggbb` or `#rgb` (the `#` is optional); nil when malformed.
    public init?(parsing text: String) {
        var s = Substring(text).drop(while: { $0 == " " })
        while s.last == " " { s = s.dropLast() }
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard let v = UInt32(s, radix: 16), s.allSatisfy(\.isHexDigit) else { return nil }
        switch s.count {
        case 6: self.init(hex: v)
        case 3: self.init(UInt8((v >> 8) & 0xF) * 17, UInt8((v >> 4) & 0xF) * 17, UInt8(v & 0xF) * 17)
        default: return nil
        }
    }

    /// `0xRRGGBB`.
    public var hex: UInt32 { UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b) }

    /// BT.601 luma in 0...255.
    public var luma: Int { (299 * Int(r) + 587 * Int(g) + 114 * Int(b)) / 1000 }

    /// Linear mix: `t == 0` is `self`, `t == 1` is `other`.
    public func mixed(with other: RGB, _ t: Double) -> RGB {
        let a = Int((max(0, min(1, t)) * 256).rounded())
        return RGB(Self.mix(r, other.r, a), Self.mix(g, other.g, a), Self.mix(b, other.b, a))
    }

    /// `(x * (256 - a) + y * a) / 256` for `a` in 0...256: exact at both ends.
    @inline(__always)
    static func mix(_ x: UInt8, _ y: UInt8, _ a: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: (Int(x) * (256 - a) + Int(y) * a + 128) >> 8)
    }

    public static let black = RGB(0, 0, 0)
    public static let white = RGB(255, 255, 255)
}

/// Text attributes of a cell. In monochrome mode (NO_COLOR) they carry all the emphasis.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = CellAttributes(rawValue: 1)
    public static let reverse = CellAttributes(rawValue: 2)
    public static let underline = CellAttributes(rawValue: 4)
    public static let dim = CellAttributes(rawValue: 8)
}

/// Foreground, background and attributes: how text is drawn.
public struct Style: Hashable, Sendable {
    public var fg: RGB
    public var bg: RGB
    public var attributes: CellAttributes

    public init(fg: RGB, bg: RGB, attributes: CellAttributes = []) {
        self.fg = fg; self.bg = bg; self.attributes = attributes
    }

    /// The same style with extra attributes.
    public func with(_ extra: CellAttributes) -> Style { Style(fg: fg, bg: bg, attributes: attributes.union(extra)) }
    /// The same style with another foreground.
    public func with(fg: RGB) -> Style { Style(fg: fg, bg: bg, attributes: attributes) }
    /// The same style with another background.
    public func with(bg: RGB) -> Style { Style(fg: fg, bg: bg, attributes: attributes) }
}

/// One screen cell. A wide character occupies its cell (`width == 2`) and the next one, which
/// holds a continuation (`width == 0`) that terminals never draw.
public struct Cell: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var fg: RGB
    public var bg: RGB
    public var attributes: CellAttributes
    /// 1 for a normal cell, 2 for the first cell of a wide character, 0 for its continuation.
    public var width: UInt8

    @inline(__always)
    public init(_ scalar: Unicode.Scalar, fg: RGB, bg: RGB, attributes: CellAttributes = [], width: UInt8 = 1) {
        self.scalar = scalar; self.fg = fg; self.bg = bg; self.attributes = attributes; self.width = width
    }

    @inline(__always)
    public init(_ scalar: Unicode.Scalar, style: Style, width: UInt8 = 1) {
        self.init(scalar, fg: style.fg, bg: style.bg, attributes: style.attributes, width: width)
    }

    /// The style the cell is drawn with.
    public var style: Style { Style(fg: fg, bg: bg, attributes: attributes) }

    /// A blank cell.
    public static func blank(_ style: Style) -> Cell { Cell(" ", style: style) }
}
