// Principal components of the colour channels (an analyst view, no score). Natural photos have
// strongly correlated R, G and B: almost all variance lies on the first component (brightness).
// The third component holds what is left, mostly noise, and a retouched or pasted region whose
// colours were mixed differently shows up there as structure (the "PCA" view of Forensically and
// Sherloq, after Jolliffe's Principal Component Analysis). The map is |projection on component 3|
// per block, scaled to its 99th percentile.
import Evidence
import Foundation

/// Projection of colours on their third principal component.
public struct ChannelPCAView: ForensicAnalysis {
    public struct Parameters: Sendable, Equatable {
        /// Map cell size in pixels.
        public var blockSize: Int = 8
        /// Which component to project on (1, 2 or 3).
        public var component: Int = 3
        public init(blockSize: Int = 8, component: Int = 3) { self.blockSize = blockSize; self.component = component }
    }

    public let id = "pca"
    public let title = "Colour PCA"
    public var parameters: Parameters
    public init(parameters: Parameters = Parameters()) { self.parameters = parameters }

    public func analyze(_ input: ForensicInput) throws -> AnalysisResult {
        let img = input.image, n = img.width * img.height
        guard n > 0 else { return .skipped(id, title, reason: "The image is empty.") }
        // Mean and 3x3 covariance of the colours.
        var mean = [Double](repeating: 0, count: 3), cov = [Double](repeating: 0, count: 9)
        let step = max(1, n / 500_000)  // a sample is enough for the covariance
        var count = 0.0
        img.pixels.withUnsafeBufferPointer { p in
            for i in stride(from: 0, to: n, by: step) {
                let c = [Double(p[3 * i]), Double(p[3 * i + 1]), Double(p[3 * i + 2])]
                for a in 0..<3 { mean[a] += c[a] }
                for a in 0..<3 { for b in 0..<3 { cov[a * 3 + b] += c[a] * c[b] } }
                count += 1
            }
        }
        for a in 0..<3 { mean[a] /= count }
        for a in 0..<3 { for b in 0..<3 { cov[a * 3 + b] = cov[a * 3 + b] / count - mean[a] * mean[b] } }
        let (values, vectors) = Self.eigen(cov)
        let k = min(max(parameters.component, 1), 3) - 1
        let v = vectors[k].map(Float.init), m = mean.map(Float.init)
        var proj = [Float](repeating: 0, count: n)
        img.pixels.withUnsafeBufferPointer { p in
            for i in 0..<n {
                proj[i] = abs((Float(p[3 * i]) - m[0]) * v[0] + (Float(p[3 * i + 1]) - m[1]) * v[1] + (Float(p[3 * i + 2]) - m[2]) * v[2])
            }
        }
        let bs = max(parameters.blockSize, 1)
        let map = Plane(width: img.width, height: img.height, values: proj).blockMeans(bs)
        let hi = max(RobustStats.percentile(map.values, 0.99), 1e-3)
        let total = max(values.reduce(0, +), 1e-9)
        return AnalysisResult(id: id, title: title,
                              maps: [map.heatmap(label: "colour projection on principal component \(k + 1) per \(bs)px block", lo: 0, hi: hi)],
                              measurements: ["pca_variance_1": values[0] / total, "pca_variance_2": values[1] / total,
                                             "pca_variance_3": values[2] / total])
    }

    /// Eigenvalues (descending) and unit eigenvectors of a symmetric 3x3 matrix, by Jacobi rotations.
    static func eigen(_ m: [Double]) -> ([Double], [[Double]]) {
        var a = m, v: [Double] = [1, 0, 0, 0, 1, 0, 0, 0, 1]
        for _ in 0..<50 {
            var p = 0, q = 1
            for (i, j) in [(0, 2), (1, 2)] where abs(a[i * 3 + j]) > abs(a[p * 3 + q]) { p = i; q = j }
            if abs(a[p * 3 + q]) < 1e-12 { break }
            let theta = (a[q * 3 + q] - a[p * 3 + p]) / (2 * a[p * 3 + q])
            let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
            let c = 1 / (t * t + 1).squareRoot(), s = t * c
            for k in 0..<3 {  // a = J^T a J
                let akp = a[k * 3 + p], akq = a[k * 3 + q]
                a[k * 3 + p] = c * akp - s * akq; a[k * 3 + q] = s * akp + c * akq
            }
            for k in 0..<3 {
                let apk = a[p * 3 + k], aqk = a[q * 3 + k]
                a[p * 3 + k] = c * apk - s * aqk; a[q * 3 + k] = s * apk + c * aqk
            }
            for k in 0..<3 {
                let vkp = v[k * 3 + p], vkq = v[k * 3 + q]
                v[k * 3 + p] = c * vkp - s * vkq; v[k * 3 + q] = s * vkp + c * vkq
            }
        }
        let order = [0, 1, 2].sorted { a[$0 * 4] > a[$1 * 4] }
        return (order.map { max(a[$0 * 4], 0) }, order.map { j in (0..<3).map { v[$0 * 3 + j] } })
    }
}
