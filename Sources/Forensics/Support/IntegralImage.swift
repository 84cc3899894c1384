// Summed-area tables of a plane and of its square (Crow 1984; Viola & Jones 2001): the sum and
// the sum of squares over any rectangle in four lookups, for block means and deviations.

/// Integral images of values and squared values, in Double to keep 12-megapixel sums exact enough.
struct IntegralImage {
    let width: Int, height: Int
    /// (height + 1, width + 1), first row and column zero.
    private var sum: [Double], square: [Double]

    init(_ p: Plane) {
        width = p.width; height = p.height
        let w1 = width + 1
        sum = [Double](repeating: 0, count: w1 * (height + 1)); square = sum
        for y in 0..<height {
            var rs = 0.0, rq = 0.0
            for x in 0..<width {
                let v = Double(p.values[y * width + x])
                rs += v; rq += v * v
                sum[(y + 1) * w1 + x + 1] = sum[y * w1 + x + 1] + rs
                square[(y + 1) * w1 + x + 1] = square[y * w1 + x + 1] + rq
            }
        }
    }

    /// Sum and sum of squares over the rectangle.
    func sums(x: Int, y: Int, width w: Int, height h: Int) -> (Double, Double) {
        let w1 = width + 1
        let a = y * w1 + x, b = y * w1 + x + w, c = (y + h) * w1 + x, d = (y + h) * w1 + x + w
        return (sum[d] - sum[b] - sum[c] + sum[a], square[d] - square[b] - square[c] + square[a])
    }
}
