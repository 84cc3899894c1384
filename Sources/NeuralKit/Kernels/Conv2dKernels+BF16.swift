// The bf16 pointwise convolution: a 1x1 convolution of a whole batch is one batched oneDNN matmul
// (the bf16 weight broadcast over the images) instead of one call per image, so a batch of 16 pays
// the per-call cost (a reorder, a matmul, their thread barriers) once per layer.

extension Conv2dKernels {
    /// Pointwise (1x1, stride 1, no padding, groups 1) convolution in bf16.
    /// x: (N, Cin, H, W); weight: (Cout, Cin) bf16; bias: (Cout) or nil; y: (N, Cout, H, W).
    static func forwardPointwiseBF16(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: BF16Matrix,
                                     bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>) {
        precondition(g.isPointwise && g.groups == 1 && weight.rows == g.outChannels && weight.cols == g.inChannels,
                     "bf16 pointwise convolution with weight \(weight.rows)x\(weight.cols) for \(g.inChannels)->\(g.outChannels)")
        let inImage = g.inChannels * g.outPlane, outImage = g.outChannels * g.outPlane
        BF16GEMM.gemmBatched(batch: g.batch, m: g.outChannels, n: g.outPlane, k: g.inChannels, a: weight.pointer,
                             b: x, ldb: g.outPlane, strideB: inImage, c: y, ldc: g.outPlane, strideC: outImage)
        guard let bias else { return }
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                let line = y + (n * g.outChannels + o) * g.outPlane, bo = bias[o]
                for i in 0..<g.outPlane { line[i] += bo }
            }
        }
    }
}
