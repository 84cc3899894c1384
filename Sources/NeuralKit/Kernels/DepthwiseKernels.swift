// Direct depthwise convolution (groups == Cin == Cout): each channel is convolved with its own
// k x k filter. im2col + sgemm is wasteful here (a 1-row matrix per channel), so MobileNet-style
// blocks use these loops instead (3x3 ones the row kernel in DepthwiseKernels+3x3.swift). They run tap by tap: for each filter tap (ki, kj), a whole output
// row is updated from one input row over the range of columns that stay inside the image, so the
// inner loop has no bounds checks and vectorises (stride 1 is a contiguous axpy). Tested against
// `Conv2dReference` like the im2col path.

/// Depthwise (multiplier 1) convolution kernels on contiguous NCHW buffers.
public enum DepthwiseKernels {
    /// Output columns [j0, j1) whose input column j*s + offset lies inside 0..<width.
    @inline(__always) static func columns(_ g: ConvGeometry, offset: Int) -> Range<Int> {
        let s = g.stride
        let j0 = offset >= 0 ? 0 : (-offset + s - 1) / s
        let last = g.width - 1 - offset
        let j1 = last < 0 ? 0 : min(g.outWidth, last / s + 1)
        return j0..<max(j0, j1)
    }

    /// x: (N, C, H, W); weight: (C, 1, k, k); bias: (C) or nil; y: (N, C, Ho, Wo).
    /// `epilogue` clamps the output after the bias (ReLU/ReLU6 fused by BatchNorm folding).
    public static func forward(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                               bias: UnsafePointer<Float>?, epilogue: ConvEpilogue = .none, y: UnsafeMutablePointer<Float>) {
        precondition(g.isDepthwise, "depthwise kernel on a non-depthwise geometry")
        if has3x3Path(g) {
            forward3x3(g, x: x, weight: weight, bias: bias, epilogue: epilogue, y: y)
            return
        }
        Parallel.forEach(g.batch * g.inChannels, grain: Parallel.grain(work: g.outPlane * g.kernel * g.kernel)) { range in
            forwardGeneral(g, x: x, weight: weight, bias: bias, y: y, planes: range)
            let plane = g.outHeight * g.outWidth
            if epilogue != .none { for nc in range { epilogue.apply(y + nc * plane, count: plane, bias: 0) } }
        }
    }

    /// Any depthwise geometry, tap by tap, for the planes (n * C + c) in `planes`.
    static func forwardGeneral(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                               bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>, planes: Range<Int>) {
        let k = g.kernel, h = g.height, w = g.width, ho = g.outHeight, wo = g.outWidth
        let s = g.stride, p = g.padding, d = g.dilation
        for nc in planes {
            let c = nc % g.inChannels
            let plane = x + nc * h * w, out = y + nc * ho * wo, f = weight + c * k * k
            out.update(repeating: bias?[c] ?? 0, count: ho * wo)
            for ki in 0..<k {
                for kj in 0..<k {
                    let wv = f[ki * k + kj], offset = kj * d - p
                    let cols = columns(g, offset: offset)
                    if cols.isEmpty { continue }
                    for i in 0..<ho {
                        let iy = i * s - p + ki * d
                        if iy < 0 || iy >= h { continue }
                        let src = plane + iy * w + offset, dst = out + i * wo
                        if s == 1 {
                            for j in cols { dst[j] += wv * src[j] }
                        } else {
                            for j in cols { dst[j] += wv * src[j * s] }
                        }
                    }
                }
            }
        }
    }

    /// dx overwritten; dWeight and dBias accumulated.
    /// dy: (N, C, Ho, Wo); dx: (N, C, H, W); dWeight: (C, 1, k, k); dBias: (C) or nil.
    public static func backward(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                                dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?,
                                dWeight: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>?) {
        precondition(g.isDepthwise, "depthwise kernel on a non-depthwise geometry")
        let k = g.kernel, h = g.height, w = g.width, ho = g.outHeight, wo = g.outWidth
        let s = g.stride, p = g.padding, d = g.dilation
        if let dx { dx.update(repeating: 0, count: g.batch * g.inChannels * h * w) }
        // Parallel over channels: each channel's dWeight and dBias are written by one thread only.
        Parallel.forEach(g.inChannels, grain: Parallel.grain(work: 2 * g.batch * g.outPlane * g.kernel * g.kernel)) { channels in
            for c in channels {
                for n in 0..<g.batch {
                    let nc = n * g.inChannels + c
                    let plane = x + nc * h * w, grad = dy + nc * ho * wo
                    let f = weight + c * k * k, df = dWeight + c * k * k
                    if let dBias {
                        var bsum: Float = 0
                        for i in 0..<(ho * wo) { bsum += grad[i] }
                        dBias[c] += bsum
                    }
                    for ki in 0..<k {
                        for kj in 0..<k {
                            let wv = f[ki * k + kj], offset = kj * d - p
                            let cols = columns(g, offset: offset)
                            if cols.isEmpty { continue }
                            var acc: Float = 0
                            for i in 0..<ho {
                                let iy = i * s - p + ki * d
                                if iy < 0 || iy >= h { continue }
                                let src = plane + iy * w + offset, gy = grad + i * wo
                                for j in cols { acc += gy[j] * src[j * s] }
                                if let dx {
                                    let dst = dx + nc * h * w + iy * w + offset
                                    for j in cols { dst[j * s] += gy[j] * wv }
                                }
                            }
                            df[ki * k + kj] += acc
                        }
                    }
                }
            }
        }
    }
}
