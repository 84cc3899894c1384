// Plain-loop convolution, the oracle the fast kernels are tested against: seven nested loops that
// follow the definition y[n,o,i,j] = b[o] + sum_{c,ki,kj} w[o,c,ki,kj] * x[n, g*Cg + c, i*s - p + ki*d,
// j*s - p + kj*d], accumulated in Double. Slow on purpose; never used outside tests.

/// Reference grouped convolution on contiguous NCHW buffers.
public enum Conv2dReference {
    /// x: (N, Cin, H, W); weight: (Cout, Cin/g, k, k); bias: (Cout) or nil; y: (N, Cout, Ho, Wo).
    public static func forward(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                               bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>) {
        let k = g.kernel, ho = g.outHeight, wo = g.outWidth
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                let grp = o / g.groupOut
                for i in 0..<ho {
                    for j in 0..<wo {
                        var s = Double(bias?[o] ?? 0)
                        for c in 0..<g.groupIn {
                            let ci = grp * g.groupIn + c
                            for ki in 0..<k {
                                let iy = i * g.stride - g.padding + ki * g.dilation
                                if iy < 0 || iy >= g.height { continue }
                                for kj in 0..<k {
                                    let ix = j * g.stride - g.padding + kj * g.dilation
                                    if ix < 0 || ix >= g.width { continue }
                                    let xv = x[((n * g.inChannels + ci) * g.height + iy) * g.width + ix]
                                    let wv = weight[((o * g.groupIn + c) * k + ki) * k + kj]
                                    s += Double(xv) * Double(wv)
                                }
                            }
                        }
                        y[((n * g.outChannels + o) * ho + i) * wo + j] = Float(s)
                    }
                }
            }
        }
    }

    /// Gradients by the same loops: dx overwritten, dWeight and dBias accumulated.
    /// dy: (N, Cout, Ho, Wo); dx: (N, Cin, H, W); dWeight: (Cout, Cin/g, k, k); dBias: (Cout).
    public static func backward(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                                dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                                dWeight: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>?) {
        let k = g.kernel, ho = g.outHeight, wo = g.outWidth
        dx.update(repeating: 0, count: g.batch * g.inChannels * g.height * g.width)
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                let grp = o / g.groupOut
                for i in 0..<ho {
                    for j in 0..<wo {
                        let gy = dy[((n * g.outChannels + o) * ho + i) * wo + j]
                        dBias?[o] += gy
                        for c in 0..<g.groupIn {
                            let ci = grp * g.groupIn + c
                            for ki in 0..<k {
                                let iy = i * g.stride - g.padding + ki * g.dilation
                                if iy < 0 || iy >= g.height { continue }
                                for kj in 0..<k {
                                    let ix = j * g.stride - g.padding + kj * g.dilation
                                    if ix < 0 || ix >= g.width { continue }
                                    let xi = ((n * g.inChannels + ci) * g.height + iy) * g.width + ix
                                    let wi = ((o * g.groupIn + c) * k + ki) * k + kj
                                    dWeight[wi] += gy * x[xi]
                                    dx[xi] += gy * weight[wi]
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
