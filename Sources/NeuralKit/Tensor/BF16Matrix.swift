// A weight matrix held as bfloat16, row-major: what a Linear or Conv2d keeps when its model runs in
// bf16 (`ComputePrecision.bfloat16`). It is converted once from the Float32 weight (round to nearest
// even) and handed to oneDNN as it is on every call, so the per-call cost is only the activations'
// conversion. Two bytes an element: half the memory of the Float32 weight it was made from.

/// An owned (rows, cols) bf16 matrix, row-major.
public final class BF16Matrix: @unchecked Sendable {
    public let rows: Int, cols: Int
    /// First element; rows * cols bf16 bit patterns.
    public let pointer: UnsafeMutablePointer<UInt16>

    /// Converts the Float32 matrix at `source` (row stride `ld`, or its transpose when `transposed`:
    /// then `source` holds (cols, rows) with row stride `ld`).
    public init(rows: Int, cols: Int, source: UnsafePointer<Float>, ld: Int, transposed: Bool = false) {
        self.rows = rows; self.cols = cols
        pointer = .allocate(capacity: max(rows * cols, 1))
        for r in 0..<rows {
            for c in 0..<cols {
                pointer[r * cols + c] = BFloat16.bits(transposed ? source[c * ld + r] : source[r * ld + c])
            }
        }
    }

    deinit { pointer.deallocate() }

    /// Bytes held.
    public var byteCount: Int { rows * cols * 2 }

    /// Element (r, c) widened to Float (tests and references).
    public subscript(r: Int, c: Int) -> Float { BFloat16.float(pointer[r * cols + c]) }
}
