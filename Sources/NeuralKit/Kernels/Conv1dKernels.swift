// 1-D convolution as matrix multiply, the audio branch's workhorse: unfold (Cg*k, Lo) columns from
// a (Cg, L) signal and multiply by the (Cout/g, Cg*k) weight with `cblas_sgemm`; backward folds the
// column gradient back (col2im). `Conv1dKernels.reference` is the plain-loop oracle beside it.

/// Sizes of a grouped 1-D convolution on (N, C, L).
public struct Conv1dGeometry: Equatable, Sendable {
    public var batch: Int, inChannels: Int, length: Int, outChannels: Int
    public var kernel: Int, stride: Int, padding: Int, dilation: Int, groups: Int

    public init(batch: Int, inChannels: Int, length: Int, outChannels: Int, kernel: Int,
                stride: Int = 1, padding: Int = 0, dilation: Int = 1, groups: Int = 1) {
        precondition(inChannels % groups == 0 && outChannels % groups == 0, "channels not divisible by groups \(groups)")
        self.batch = batch; self.inChannels = inChannels; self.length = length; self.outChannels = outChannels
        self.kernel = kernel; self.stride = stride; self.padding = padding; self.dilation = dilation; self.groups = groups
        precondition(outLength >= 1, "input length \(length) too short for kernel \(kernel) dilation \(dilation)")
    }

    /// (L + 2p - d (k - 1) - 1) / s + 1
    public var outLength: Int { (length + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1 }
    var groupIn: Int { inChannels / groups }
    var groupOut: Int { outChannels / groups }
    var patch: Int { groupIn * kernel }
}

/// Fast and reference 1-D convolution kernels on contiguous (N, C, L) buffers.
public enum Conv1dKernels {
    static func im2col(_ g: Conv1dGeometry, _ x: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>) {
        let lo = g.outLength
        for c in 0..<g.groupIn { for k in 0..<g.kernel {
            let row = col + (c * g.kernel + k) * lo, src = x + c * g.length
            for o in 0..<lo { let i = o * g.stride - g.padding + k * g.dilation; row[o] = i >= 0 && i < g.length ? src[i] : 0 }
        } }
    }

    static func col2im(_ g: Conv1dGeometry, _ col: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>) {
        let lo = g.outLength
        for c in 0..<g.groupIn { for k in 0..<g.kernel {
            let row = col + (c * g.kernel + k) * lo, dst = dx + c * g.length
            for o in 0..<lo { let i = o * g.stride - g.padding + k * g.dilation; if i >= 0 && i < g.length { dst[i] += row[o] } }
        } }
    }

    /// x: (N, Cin, L); weight: (Cout, Cin/g, k); bias: (Cout)?; y: (N, Cout, Lo); col: patch * Lo floats.
    public static func forward(_ g: Conv1dGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                               bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>, col: UnsafeMutablePointer<Float>) {
        let lo = g.outLength
        for n in 0..<g.batch { for grp in 0..<g.groups {
            im2col(g, x + (n * g.inChannels + grp * g.groupIn) * g.length, col)
            let yg = y + (n * g.outChannels + grp * g.groupOut) * lo
            BLAS.gemm(m: g.groupOut, n: lo, k: g.patch, a: weight + grp * g.groupOut * g.patch, lda: g.patch,
                      b: col, ldb: lo, c: yg, ldc: lo)
            if let bias { for o in 0..<g.groupOut { for i in 0..<lo { yg[o * lo + i] += bias[grp * g.groupOut + o] } } }
        } }
    }

    /// dx overwritten; dWeight, dBias accumulated. dy: (N, Cout, Lo).
    public static func backward(_ g: Conv1dGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                                dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, dWeight: UnsafeMutablePointer<Float>,
                                dBias: UnsafeMutablePointer<Float>?, col: UnsafeMutablePointer<Float>) {
        let lo = g.outLength
        dx.update(repeating: 0, count: g.batch * g.inChannels * g.length)
        for n in 0..<g.batch { for grp in 0..<g.groups {
            let xg = x + (n * g.inChannels + grp * g.groupIn) * g.length
            let dyg = dy + (n * g.outChannels + grp * g.groupOut) * lo
            let wg = weight + grp * g.groupOut * g.patch
            im2col(g, xg, col)
            BLAS.gemm(transB: true, m: g.groupOut, n: g.patch, k: lo, a: dyg, lda: lo, b: col, ldb: lo,
                      beta: 1, c: dWeight + grp * g.groupOut * g.patch, ldc: g.patch)
            BLAS.gemm(transA: true, m: g.patch, n: lo, k: g.groupOut, a: wg, lda: g.patch, b: dyg, ldb: lo, c: col, ldc: lo)
            col2im(g, col, dx + (n * g.inChannels + grp * g.groupIn) * g.length)
            if let dBias { for o in 0..<g.groupOut { for i in 0..<lo { dBias[grp * g.groupOut + o] += dyg[o * lo + i] } } }
        } }
    }

    /// Plain-loop oracle for `forward`, accumulating in Double.
    public static func reference(_ g: Conv1dGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                                 bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>) {
        let lo = g.outLength
        for n in 0..<g.batch { for o in 0..<g.outChannels { for i in 0..<lo {
            var s = Double(bias?[o] ?? 0)
            let grp = o / g.groupOut
            for c in 0..<g.groupIn { for k in 0..<g.kernel {
                let p = i * g.stride - g.padding + k * g.dilation
                if p < 0 || p >= g.length { continue }
                s += Double(x[(n * g.inChannels + grp * g.groupIn + c) * g.length + p]) * Double(weight[(o * g.groupIn + c) * g.kernel + k])
            } }
            y[(n * g.outChannels + o) * lo + i] = Float(s)
        } } }
    }
}
