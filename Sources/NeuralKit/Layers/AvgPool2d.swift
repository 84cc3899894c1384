// Average pooling over k x k windows. Padded positions count as zeros in the divisor
// (`count_include_pad`, the PyTorch and ONNX default), so every window divides by k*k.

/// Average pooling of (N, C, H, W).
public final class AvgPool2d: Layer {
    public let kernel: Int, stride: Int, padding: Int
    private var lastShape: [Int] = []

    public init(kernel: Int, stride: Int? = nil, padding: Int = 0) {
        self.kernel = kernel; self.stride = stride ?? kernel; self.padding = padding
    }

    private func geometry(_ s: [Int]) -> ConvGeometry {
        ConvGeometry(batch: s[0], inChannels: s[1], height: s[2], width: s[3], outChannels: s[1],
                     kernel: kernel, stride: stride, padding: padding, groups: s[1])
    }

    /// input: (N, C, H, W) -> (N, C, Ho, Wo)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4, "AvgPool2d expects (N, C, H, W), got \(input.shape)")
        let x = input.contiguous(), g = geometry(x.shape)
        let y = Tensor(uninitialized: g.outputShape, pool: x.pool)
        let h = g.height, w = g.width, ho = g.outHeight, wo = g.outWidth, inv = 1 / Float(kernel * kernel)
        Parallel.forEach(g.batch * g.inChannels, grain: Parallel.grain(work: ho * wo * kernel * kernel)) { planes in
            for nc in planes {
                let plane = x.pointer + nc * h * w
                if kernel == 2 && stride == 2 && padding == 0 {
                    // The usual 2x2 window without the general loop's bounds tests.
                    let out = y.pointer + nc * ho * wo
                    for i in 0..<ho {
                        let r0 = plane + 2 * i * w, r1 = r0 + w
                        for j in 0..<wo { out[i * wo + j] = (r0[2 * j] + r0[2 * j + 1] + r1[2 * j] + r1[2 * j + 1]) * inv }
                    }
                    continue
                }
                for i in 0..<ho {
                    for j in 0..<wo {
                        var s: Float = 0
                        for ki in 0..<kernel {
                            let iy = i * stride - padding + ki
                            if iy < 0 || iy >= h { continue }
                            for kj in 0..<kernel {
                                let ix = j * stride - padding + kj
                                if ix >= 0 && ix < w { s += plane[iy * w + ix] }
                            }
                        }
                        y.pointer[(nc * ho + i) * wo + j] = s * inv
                    }
                }
            }
        }
        lastShape = x.shape
        return y
    }

    /// gradOutput: (N, C, Ho, Wo) -> (N, C, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        let g = geometry(lastShape)
        precondition(gradOutput.shape == g.outputShape, "AvgPool2d gradient \(gradOutput.shape), expected \(g.outputShape)")
        let dy = gradOutput.contiguous()
        let dx = Tensor(zeros: lastShape, pool: dy.pool)
        let h = g.height, w = g.width, ho = g.outHeight, wo = g.outWidth, inv = 1 / Float(kernel * kernel)
        for nc in 0..<(g.batch * g.inChannels) {
            let plane = dx.pointer + nc * h * w
            for i in 0..<ho {
                for j in 0..<wo {
                    let v = dy.pointer[(nc * ho + i) * wo + j] * inv
                    for ki in 0..<kernel {
                        let iy = i * stride - padding + ki
                        if iy < 0 || iy >= h { continue }
                        for kj in 0..<kernel {
                            let ix = j * stride - padding + kj
                            if ix >= 0 && ix < w { plane[iy * w + ix] += v }
                        }
                    }
                }
            }
        }
        return dx
    }
}
