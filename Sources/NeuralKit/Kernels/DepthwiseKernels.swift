// Direct depthwise convolution (groups == Cin == Cout): each channel is convolved with its own
// k x k filter. im2col + sgemm is wasteful here (a 1-row matrix per channel), so MobileNet-style
// blocks use these loops instead; they are tested against `Conv2dReference` like the im2col path.

/// Depthwise (multiplier 1) convolution kernels on contiguous NCHW buffers.
public enum DepthwiseKernels {
    /// x: (N, C, H, W); weight: (C, 1, k, k); bias: (C) or nil; y: (N, C, Ho, Wo).
    public static func forward(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                               bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>) {
        precondition(g.isDepthwise, "depthwise kernel on a non-depthwise geometry")
        let k = g.kernel, h = g.height, w = g.width, ho = g.outHeight, wo = g.outWidth
        let s = g.stride, p = g.padding, d = g.dilation
        for nc in 0..<(g.batch * g.inChannels) {
            let c = nc % g.inChannels
            let plane = x + nc * h * w, out = y + nc * ho * wo, f = weight + c * k * k
            let b = bias?[c] ?? 0
            for i in 0..<ho {
                for j in 0..<wo {
                    var acc = b
                    for ki in 0..<k {
                        let iy = i * s - p + ki * d
                        if iy < 0 || iy >= h { continue }
                        let row = plane + iy * w, frow = f + ki * k
                        for kj in 0..<k {
                            let ix = j * s - p + kj * d
                            if ix >= 0 && ix < w { acc += row[ix] * frow[kj] }
                        }
                    }
                    out[i * wo + j] = acc
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
        for nc in 0..<(g.batch * g.inChannels) {
            let c = nc % g.inChannels
            let plane = x + nc * h * w, grad = dy + nc * ho * wo
            let f = weight + c * k * k, df = dWeight + c * k * k
            let dplane = dx.map { $0 + nc * h * w }
            var bsum: Float = 0
            for i in 0..<ho {
                for j in 0..<wo {
                    let gy = grad[i * wo + j]
                    bsum += gy
                    for ki in 0..<k {
                        let iy = i * s - p + ki * d
                        if iy < 0 || iy >= h { continue }
                        for kj in 0..<k {
                            let ix = j * s - p + kj * d
                            if ix < 0 || ix >= w { continue }
                            df[ki * k + kj] += gy * plane[iy * w + ix]
                            dplane?[iy * w + ix] += gy * f[ki * k + kj]
                        }
                    }
                }
            }
            dBias?[c] += bsum
        }
    }
}
