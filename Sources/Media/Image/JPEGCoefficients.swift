// Quantised DCT coefficients of one JPEG component: what the encoder stored, before
// dequantisation and the inverse DCT. Double-quantisation and JPEG-ghost analyses read these.

/// The coefficient blocks of one component. Layout: `blocksHigh` rows of `blocksWide` blocks,
/// each block 64 `Int16`s in natural (row-major, not zigzag) order; index 0 is DC.
public struct JPEGCoefficients: Sendable, Equatable {
    public var component: Int
    public var blocksWide: Int
    public var blocksHigh: Int
    /// values: (blocksHigh, blocksWide, 8, 8)
    public var values: [Int16]

    public init(component: Int, blocksWide: Int, blocksHigh: Int, values: [Int16]) {
        precondition(values.count == blocksWide * blocksHigh * 64, "JPEGCoefficients: \(values.count) for \(blocksWide)x\(blocksHigh) blocks")
        self.component = component; self.blocksWide = blocksWide; self.blocksHigh = blocksHigh; self.values = values
    }

    /// The 64 coefficients of the block at column `x`, row `y` (in blocks).
    public func block(_ x: Int, _ y: Int) -> ArraySlice<Int16> {
        precondition(x >= 0 && x < blocksWide && y >= 0 && y < blocksHigh)
        let start = (y * blocksWide + x) * 64
        return values[start..<start + 64]
    }

    /// The quantised DC coefficient of the block at column `x`, row `y`.
    public func dc(_ x: Int, _ y: Int) -> Int16 { block(x, y).first! }

    /// Coefficient `u, v` (frequency column, row) of every block, row-major over blocks.
    public func frequency(_ u: Int, _ v: Int) -> [Int16] {
        precondition((0..<8).contains(u) && (0..<8).contains(v))
        return stride(from: v * 8 + u, to: values.count, by: 64).map { values[$0] }
    }
}
