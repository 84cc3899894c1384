// Max pooling over k x k windows. Forward records the flat input index of each window's maximum
// (in a reused Int32 buffer, so steady-state passes allocate nothing); backward routes each output
// gradient to that position. Padding acts as -infinity.

/// Max pooling of (N, C, H, W).
public final class MaxPool2d: Layer {
    public let kernel: Int, stride: Int, padding: Int
    private var argmax: [Int32] = []
    private var lastShape: [Int] = []

    public init(kernel: Int, stride: Int? = nil, padding: Int = 0) {
        self.kernel = kernel; self.stride = stride ?? kernel; self.padding = padding
    }

    /// input: (N, C, H, W) -> (N, C, Ho, Wo)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4, "MaxPool2d expects (N, C, H, W), got \(input.shape)")
        let x = input.contiguous(), s = x.shape
        let g = ConvGeometry(batch: s[0], inChannels: s[1], height: s[2], width: s[3], outChannels: s[1],
                             kernel: kernel, stride: stride, padding: padding, groups: s[1])
        let y = Tensor(uninitialized: g.outputShape, pool: x.pool)
        if argmax.count != y.count { argmax = [Int32](repeating: 0, count: y.count) }
        let h = g.height, w = g.width, ho = g.outHeight, wo = g.outWidth
        argmax.withUnsafeMutableBufferPointer { am in
            Parallel.forEach(g.batch * g.inChannels, grain: Parallel.grain(work: ho * wo * kernel * kernel)) { planes in
                for nc in planes {
                    let plane = x.pointer + nc * h * w
                    if kernel == 2 && stride == 2 && padding == 0 {
                        // The usual 2x2 window without the general loop's bounds tests; the same
                        // first-maximum-wins rule.
                        for i in 0..<ho {
                            for j in 0..<wo {
                                let at0 = 2 * i * w + 2 * j
                                var best = plane[at0], at = at0
                                if plane[at0 + 1] > best { best = plane[at0 + 1]; at = at0 + 1 }
                                if plane[at0 + w] > best { best = plane[at0 + w]; at = at0 + w }
                                if plane[at0 + w + 1] > best { best = plane[at0 + w + 1]; at = at0 + w + 1 }
                                let o = (nc * ho + i) * wo + j
                                y.pointer[o] = best
                                am[o] = Int32(nc * h * w + at)
                            }
                        }
                        continue
                    }
                    for i in 0..<ho {
                        for j in 0..<wo {
                            var best = -Float.infinity, at = -1
                            for ki in 0..<kernel {
                                let iy = i * stride - padding + ki
                                if iy < 0 || iy >= h { continue }
                                for kj in 0..<kernel {
                                    let ix = j * stride - padding + kj
                                    if ix < 0 || ix >= w { continue }
                                    let v = plane[iy * w + ix]
                                    if v > best || at < 0 { best = v; at = iy * w + ix }
                                }
                            }
                            let o = (nc * ho + i) * wo + j
                            y.pointer[o] = best
                            am[o] = Int32(nc * h * w + at)
                        }
                    }
                }
            }
        }
        lastShape = s
        return y
    }

    /// gradOutput: (N, C, Ho, Wo) -> (N, C, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        precondition(gradOutput.count == argmax.count, "MaxPool2d gradient \(gradOutput.shape) does not match the last forward")
        let dy = gradOutput.contiguous()
        let dx = Tensor(zeros: lastShape, pool: dy.pool)
        for o in 0..<argmax.count { dx.pointer[Int(argmax[o])] += dy.pointer[o] }
        return dx
    }
}
