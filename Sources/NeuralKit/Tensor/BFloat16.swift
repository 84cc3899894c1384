// bfloat16: the top 16 bits of an IEEE binary32 (sign, the full 8-bit exponent, 7 stored mantissa
// bits, so 8 significant bits). Same range as Float; one ulp at 1 is 2^-7, so a value rounded to
// bf16 is within 2^-8 of itself, relatively (the unit roundoff u = 2^-8). Conversion from Float rounds to nearest,
// ties to even (what AVX-512 BF16's VCVTNEPS2BF16 and oneDNN's reorders do), so weights converted
// here and activations converted by oneDNN round the same way.

/// Conversions between Float and bfloat16 bit patterns.
public enum BFloat16 {
    /// Float to bf16 bits, round to nearest even; NaN stays a (quiet) NaN, overflow rounds to infinity.
    @inline(__always)
    public static func bits(_ f: Float) -> UInt16 {
        let x = f.bitPattern
        if x & 0x7FFF_FFFF > 0x7F80_0000 { return UInt16(x >> 16) | 0x40 }   // NaN: keep it a NaN
        let roundingBias: UInt32 = 0x7FFF + ((x >> 16) & 1)
        return UInt16((x &+ roundingBias) >> 16)
    }

    /// bf16 bits to Float (exact).
    @inline(__always)
    public static func float(_ b: UInt16) -> Float { Float(bitPattern: UInt32(b) << 16) }

    /// `f` rounded to the nearest bf16 value, as a Float.
    @inline(__always)
    public static func rounded(_ f: Float) -> Float { float(bits(f)) }
}
