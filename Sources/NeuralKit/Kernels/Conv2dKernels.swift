// Convolution as matrix multiply (Caffe's im2col): for each image and group, unfold the input
// patches into a (Cg*k*k, Ho*Wo) column matrix and multiply by the (Cout/g, Cg*k*k) weight with
// `cblas_sgemm`. Backward reuses the same column matrix for the weight gradient and folds the
// column gradient back with col2im. Pointwise convolutions skip the unfold. The plain-loop oracle
// is `Conv2dReference`; depthwise convolutions have a direct kernel in `DepthwiseKernels`.

/// Fast grouped 2-D convolution kernels on contiguous NCHW buffers.
public enum Conv2dKernels {
    /// Unfolds one group of one image into `col`, channels split across threads.
    /// input: (Cg, H, W) at `x`; col: (Cg*k*k, Ho*Wo).
    static func im2col(_ g: ConvGeometry, _ x: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>) {
        Parallel.forEach(g.groupIn, grain: Parallel.grain(work: g.kernel * g.kernel * g.outPlane)) { channels in
            im2col(g, x, col, channels: channels)
        }
    }

    /// The rows of `col` for input channels `channels` (rows c*k*k ..< (c+1)*k*k).
    static func im2col(_ g: ConvGeometry, _ x: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>, channels: Range<Int>) {
        let k = g.kernel, ho = g.outHeight, wo = g.outWidth, h = g.height, w = g.width
        let s = g.stride, p = g.padding, d = g.dilation
        var row = channels.lowerBound * k * k
        for c in channels {
            let plane = x + c * h * w
            for ki in 0..<k {
                for kj in 0..<k {
                    let dst = col + row * ho * wo
                    // Output columns whose input column ox*s + offset lies inside the row: the same for
                    // every output row of this tap, so the edges are zero-filled and the middle copied
                    // (a memcpy at stride 1) without a test per element.
                    let offset = kj * d - p
                    let cols = DepthwiseKernels.columns(g, offset: offset)
                    for oy in 0..<ho {
                        let iy = oy * s - p + ki * d
                        let line = dst + oy * wo
                        if iy < 0 || iy >= h || cols.isEmpty { line.update(repeating: 0, count: wo); continue }
                        let src = plane + iy * w + offset
                        line.update(repeating: 0, count: cols.lowerBound)
                        if s == 1 {
                            (line + cols.lowerBound).update(from: src + cols.lowerBound, count: cols.count)
                        } else {
                            for ox in cols { line[ox] = src[ox * s] }
                        }
                        (line + cols.upperBound).update(repeating: 0, count: wo - cols.upperBound)
                    }
                    row += 1
                }
            }
        }
    }

    /// Adds the column gradient back onto the input gradient (the adjoint of `im2col`).
    /// col: (Cg*k*k, Ho*Wo); dx: (Cg, H, W), accumulated.
    static func col2im(_ g: ConvGeometry, _ col: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>) {
        let k = g.kernel, ho = g.outHeight, wo = g.outWidth, h = g.height, w = g.width
        let s = g.stride, p = g.padding, d = g.dilation
        var row = 0
        for c in 0..<g.groupIn {
            let plane = dx + c * h * w
            for ki in 0..<k {
                for kj in 0..<k {
                    let src = col + row * ho * wo
                    for oy in 0..<ho {
                        let iy = oy * s - p + ki * d
                        if iy < 0 || iy >= h { continue }
                        let dst = plane + iy * w, line = src + oy * wo
                        for ox in 0..<wo {
                            let ix = ox * s - p + kj * d
                            if ix >= 0 && ix < w { dst[ix] += line[ox] }
                        }
                    }
                    row += 1
                }
            }
        }
    }

    /// Forward convolution; `epilogue` clamps after the bias (ReLU/ReLU6 fused by BatchNorm folding).
    /// x: (N, Cin, H, W); weight: (Cout, Cin/g, k, k); bias: (Cout) or nil; y: (N, Cout, Ho, Wo);
    /// col: scratch of `patchSize * outPlane` floats (unused for pointwise, and for batches of at least
    /// `Parallel.threads` images, which take one scratch per thread from `TensorPool.shared`);
    /// packedWeight: the weight as bf16 (Cout, patchSize) to multiply in bf16 on oneDNN instead
    /// (`ComputePrecision.bfloat16`, `forwardBF16`).
    public static func forward(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                               bias: UnsafePointer<Float>?, epilogue: ConvEpilogue = .none, y: UnsafeMutablePointer<Float>,
                               col: UnsafeMutablePointer<Float>, packedWeight: BF16Matrix? = nil) {
        if let packedWeight {
            return forwardBF16(g, x: x, weight: packedWeight, bias: bias, epilogue: epilogue, y: y, col: col)
        }
        let inImage = g.inChannels * g.height * g.width, outImage = g.outChannels * g.outPlane
        let finish = bias != nil || epilogue != .none
        if g.groups == 1 && g.batch >= Parallel.threads && Parallel.threads > 1 {
            // A batch: whole images per thread, each one single-threaded product, instead of
            // splitting every image's product (one dispatch per layer, and each thread finishes its
            // image's output in its own cache). Each thread unfolds into its own column buffer.
            Parallel.forEach(g.batch) { images in
                let scratch = g.isPointwise ? nil : Tensor(uninitialized: [g.patchSize * g.outPlane], pool: .shared)
                for n in images {
                    let xn = x + n * inImage, yn = y + n * outImage
                    let b: UnsafePointer<Float>
                    if let scratch { im2col(g, xn, scratch.pointer, channels: 0..<g.groupIn); b = UnsafePointer(scratch.pointer) } else { b = xn }
                    BLAS.gemmBlock(transA: false, transB: false, m: g.outChannels, n: g.outPlane, k: g.patchSize,
                                   alpha: 1, a: weight, lda: g.patchSize, b: b, ldb: g.outPlane,
                                   beta: 0, c: yn, ldc: g.outPlane)
                    if finish {
                        for o in 0..<g.outChannels { epilogue.apply(yn + o * g.outPlane, count: g.outPlane, bias: bias?[o] ?? 0) }
                    }
                }
            }
            return
        }
        for n in 0..<g.batch {
            for grp in 0..<g.groups {
                let xg = x + n * inImage + grp * g.groupIn * g.height * g.width
                let yg = y + n * outImage + grp * g.groupOut * g.outPlane
                let wg = weight + grp * g.groupOut * g.patchSize
                let b: UnsafePointer<Float>
                if g.isPointwise { b = xg } else { im2col(g, xg, col); b = UnsafePointer(col) }
                // Bias and clamp on each block of the output while it is still in cache.
                BLAS.gemm(m: g.groupOut, n: g.outPlane, k: g.patchSize, a: wg, lda: g.patchSize,
                          b: b, ldb: g.outPlane, c: yg, ldc: g.outPlane,
                          blockDone: finish ? { rows, cols in
                              for o in rows {
                                  epilogue.apply(yg + o * g.outPlane + cols.lowerBound, count: cols.count,
                                                 bias: bias?[grp * g.groupOut + o] ?? 0)
                              }
                          } : nil)
            }
        }
    }

    /// Backward convolution. dx is overwritten; dWeight and dBias are accumulated; pass nil to skip one.
    /// x: (N, Cin, H, W); weight: (Cout, Cin/g, k, k); dy: (N, Cout, Ho, Wo); dx: like x;
    /// dWeight: like weight; dBias: (Cout) or nil; col: scratch of `patchSize * outPlane` floats.
    public static func backward(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                                dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?,
                                dWeight: UnsafeMutablePointer<Float>?, dBias: UnsafeMutablePointer<Float>?,
                                col: UnsafeMutablePointer<Float>) {
        let inImage = g.inChannels * g.height * g.width, outImage = g.outChannels * g.outPlane
        if let dx { dx.update(repeating: 0, count: g.batch * inImage) }
        if g.groups == 1 && g.batch >= Parallel.threads && Parallel.threads > 1 {
            backwardByImage(g, x: x, weight: weight, dy: dy, dx: dx, dWeight: dWeight, dBias: dBias)
            return
        }
        for n in 0..<g.batch {
            for grp in 0..<g.groups {
                let xg = x + n * inImage + grp * g.groupIn * g.height * g.width
                let dyg = dy + n * outImage + grp * g.groupOut * g.outPlane
                let wg = weight + grp * g.groupOut * g.patchSize
                if let dWeight {
                    let dwg = dWeight + grp * g.groupOut * g.patchSize
                    let cols: UnsafePointer<Float>
                    if g.isPointwise { cols = xg } else { im2col(g, xg, col); cols = UnsafePointer(col) }
                    // dW_g (Og, P) += dy_g (Og, HoWo) x col^T (HoWo, P)
                    BLAS.gemm(transB: true, m: g.groupOut, n: g.patchSize, k: g.outPlane, a: dyg, lda: g.outPlane,
                              b: cols, ldb: g.outPlane, beta: 1, c: dwg, ldc: g.patchSize)
                }
                guard let dx else { continue }
                let dxg = dx + n * inImage + grp * g.groupIn * g.height * g.width
                if g.isPointwise {
                    // dx_g (Cg, HW) = W_g^T (Cg, Og) x dy_g (Og, HW)
                    BLAS.gemm(transA: true, m: g.patchSize, n: g.outPlane, k: g.groupOut, a: wg, lda: g.patchSize,
                              b: dyg, ldb: g.outPlane, c: dxg, ldc: g.outPlane)
                } else {
                    BLAS.gemm(transA: true, m: g.patchSize, n: g.outPlane, k: g.groupOut, a: wg, lda: g.patchSize,
                              b: dyg, ldb: g.outPlane, c: col, ldc: g.outPlane)
                    col2im(g, col, dxg)
                }
            }
            if let dBias {
                for o in 0..<g.outChannels {
                    let line = dy + n * outImage + o * g.outPlane
                    var s: Float = 0
                    for i in 0..<g.outPlane { s += line[i] }
                    dBias[o] += s
                }
            }
        }
    }

    /// `backward` for a batch of at least `Parallel.threads` images (groups 1): each thread takes
    /// whole images with single-threaded products, accumulating dWeight and dBias into its own
    /// buffer (added up at the end), and unfolding into its own column scratch.
    static func backwardByImage(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                                dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?,
                                dWeight: UnsafeMutablePointer<Float>?, dBias: UnsafeMutablePointer<Float>?) {
        let inImage = g.inChannels * g.height * g.width, outImage = g.outChannels * g.outPlane
        let chunks = min(Parallel.threads, g.batch), wCount = g.outChannels * g.patchSize
        let partial = Tensor(zeros: [chunks, wCount + g.outChannels], pool: .shared)   // dW, then dBias
        Parallel.forEach(chunks) { cs in
            for c in cs {
                let dW = partial.pointer + c * (wCount + g.outChannels), dB = dW + wCount
                let scratch = g.isPointwise ? nil : Tensor(uninitialized: [g.patchSize * g.outPlane], pool: .shared)
                for n in (g.batch * c / chunks)..<(g.batch * (c + 1) / chunks) {
                    let xn = x + n * inImage, dyn = dy + n * outImage
                    if dWeight != nil {
                        let cols: UnsafePointer<Float>
                        if g.isPointwise { cols = xn } else { im2col(g, xn, scratch!.pointer, channels: 0..<g.groupIn); cols = UnsafePointer(scratch!.pointer) }
                        BLAS.gemmBlock(transA: false, transB: true, m: g.outChannels, n: g.patchSize, k: g.outPlane, alpha: 1,
                                       a: dyn, lda: g.outPlane, b: cols, ldb: g.outPlane, beta: 1, c: dW, ldc: g.patchSize)
                    }
                    if let dx {
                        let dxn = dx + n * inImage
                        if g.isPointwise {
                            BLAS.gemmBlock(transA: true, transB: false, m: g.patchSize, n: g.outPlane, k: g.outChannels, alpha: 1,
                                           a: weight, lda: g.patchSize, b: dyn, ldb: g.outPlane, beta: 0, c: dxn, ldc: g.outPlane)
                        } else {
                            BLAS.gemmBlock(transA: true, transB: false, m: g.patchSize, n: g.outPlane, k: g.outChannels, alpha: 1,
                                           a: weight, lda: g.patchSize, b: dyn, ldb: g.outPlane, beta: 0, c: scratch!.pointer, ldc: g.outPlane)
                            col2im(g, scratch!.pointer, dxn)
                        }
                    }
                    if dBias != nil {
                        for o in 0..<g.outChannels {
                            let line = dyn + o * g.outPlane
                            var sum: Float = 0
                            for i in 0..<g.outPlane { sum += line[i] }
                            dB[o] += sum
                        }
                    }
                }
            }
        }
        for c in 0..<chunks {
            let dW = partial.pointer + c * (wCount + g.outChannels), dB = dW + wCount
            if let dWeight { for i in 0..<wCount { dWeight[i] += dW[i] } }
            if let dBias { for o in 0..<g.outChannels { dBias[o] += dB[o] } }
        }
    }
}
