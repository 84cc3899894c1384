// The bf16 convolution (`ComputePrecision.bfloat16`): products on oneDNN (`BF16GEMM`), then the
// same epilogue (bias, fused ReLU/ReLU6) as the Float32 path. A 1x1 convolution of a whole batch is
// one batched oneDNN matmul (the bf16 weight broadcast over the images) instead of one call per
// image, so a batch of 16 pays the per-call cost (a reorder, a matmul, their thread barriers) once
// per layer; other convolutions unfold each image and group into `col` first.

extension Conv2dKernels {
    /// Forward convolution in bf16. x: (N, Cin, H, W); weight: (Cout, Cin/g*k*k) bf16; bias: (Cout)
    /// or nil; y: (N, Cout, Ho, Wo); col: scratch of `patchSize * outPlane` floats (unused for pointwise).
    static func forwardBF16(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: BF16Matrix,
                            bias: UnsafePointer<Float>?, epilogue: ConvEpilogue, y: UnsafeMutablePointer<Float>,
                            col: UnsafeMutablePointer<Float>) {
        precondition(weight.rows == g.outChannels && weight.cols == g.patchSize,
                     "bf16 convolution with weight \(weight.rows)x\(weight.cols) for \(g.inChannels)->\(g.outChannels), patch \(g.patchSize)")
        let inImage = g.inChannels * g.height * g.width, outImage = g.outChannels * g.outPlane
        if g.isPointwise && g.groups == 1 {
            BF16GEMM.gemmBatched(batch: g.batch, m: g.outChannels, n: g.outPlane, k: g.inChannels, a: weight.pointer,
                                 b: x, ldb: g.outPlane, strideB: inImage, c: y, ldc: g.outPlane, strideC: outImage)
        } else {
            for n in 0..<g.batch {
                for grp in 0..<g.groups {
                    let xg = x + n * inImage + grp * g.groupIn * g.height * g.width
                    let yg = y + n * outImage + grp * g.groupOut * g.outPlane
                    let b: UnsafePointer<Float>
                    if g.isPointwise { b = xg } else { im2col(g, xg, col); b = UnsafePointer(col) }
                    BF16GEMM.gemm(m: g.groupOut, n: g.outPlane, k: g.patchSize,
                                  a: .bf16(weight.pointer + grp * g.groupOut * g.patchSize),
                                  b: .float32(b, ld: g.outPlane), c: yg, ldc: g.outPlane)
                }
            }
        }
        guard bias != nil || epilogue != .none else { return }
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                epilogue.apply(y + (n * g.outChannels + o) * g.outPlane, count: g.outPlane, bias: bias?[o] ?? 0)
            }
        }
    }
}
