// The depthwise 3x3 convolution every MobileNet block runs (dilation 1, stride 1 or 2, padding 0
// or 1), one output row at a time: all nine taps accumulate in registers and the row is written
// once with bias and ReLU/ReLU6 applied, instead of nine read-modify-write passes. Interior
// columns (all three taps inside the image) go eight at a time in SIMD8, the last block
// overlapping the one before it; for stride 2 SIMD16 loads are split into even and odd lanes.
// Border columns, and interiors narrower than eight, take the scalar path; rows outside the image
// read a zero row. Planes run in parallel (`Parallel`). Tested against `Conv2dReference`.

extension DepthwiseKernels {
    /// True when `forward3x3` handles the geometry.
    static func has3x3Path(_ g: ConvGeometry) -> Bool {
        g.isDepthwise && g.kernel == 3 && g.dilation == 1 && (g.stride == 1 || g.stride == 2) && g.padding <= 1
    }

    /// x: (N, C, H, W); weight: (C, 1, 3, 3); bias: (C) or nil; y: (N, C, Ho, Wo).
    static func forward3x3(_ g: ConvGeometry, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                           bias: UnsafePointer<Float>?, epilogue: ConvEpilogue, y: UnsafeMutablePointer<Float>) {
        precondition(has3x3Path(g), "3x3 depthwise path on \(g)")
        let h = g.height, w = g.width, ho = g.outHeight, wo = g.outWidth, plane = h * w
        Parallel.forEach(g.batch * g.inChannels, grain: Parallel.grain(work: ho * wo * 9)) { range in
            // One zero row per worker stands in for rows above and below the image.
            let zeros = UnsafeMutablePointer<Float>.allocate(capacity: w + 32)
            zeros.initialize(repeating: 0, count: w + 32)
            defer { zeros.deallocate() }
            for nc in range {
                let c = nc % g.inChannels
                plane3x3(g, x + nc * plane, weight + c * 9, bias?[c] ?? 0, epilogue, y + nc * ho * wo, zeros)
            }
        }
    }

    /// One channel plane. src: (H, W); f: 9 taps; dst: (Ho, Wo); zeros: at least W floats of 0.
    @inline(__always)
    static func plane3x3(_ g: ConvGeometry, _ src: UnsafePointer<Float>, _ f: UnsafePointer<Float>, _ bias: Float,
                         _ epilogue: ConvEpilogue, _ dst: UnsafeMutablePointer<Float>, _ zeros: UnsafePointer<Float>) {
        let h = g.height, w = g.width, ho = g.outHeight, wo = g.outWidth, s = g.stride, p = g.padding
        let (lo, hi) = epilogue.bounds
        let w0 = f[0], w1 = f[1], w2 = f[2], w3 = f[3], w4 = f[4], w5 = f[5], w6 = f[6], w7 = f[7], w8 = f[8]
        // Interior: output columns j with j*s - p >= 0 and j*s - p + 2 <= w - 1.
        let jLo = min(wo, (p + s - 1) / s)
        let jHi = w - 3 + p < 0 ? jLo : max(jLo, min(wo, (w - 3 + p) / s + 1))
        let lo8 = SIMD8<Float>(repeating: lo), hi8 = SIMD8<Float>(repeating: hi), b8 = SIMD8<Float>(repeating: bias)
        for i in 0..<ho {
            let iy = i * s - p
            let r0 = iy >= 0 && iy < h ? src + iy * w : zeros
            let r1 = iy + 1 >= 0 && iy + 1 < h ? src + (iy + 1) * w : zeros
            let r2 = iy + 2 >= 0 && iy + 2 < h ? src + (iy + 2) * w : zeros
            let out = dst + i * wo

            @inline(__always) func scalar(_ j: Int) {
                let ix = j * s - p
                var acc = bias
                for kj in 0..<3 where ix + kj >= 0 && ix + kj < w {
                    acc += f[kj] * r0[ix + kj] + f[3 + kj] * r1[ix + kj] + f[6 + kj] * r2[ix + kj]
                }
                out[j] = min(max(acc, lo), hi)
            }

            for j in 0..<jLo { scalar(j) }
            var j = jLo
            let a0 = UnsafeRawPointer(r0), a1 = UnsafeRawPointer(r1), a2 = UnsafeRawPointer(r2)
            let o = UnsafeMutableRawPointer(out)
            // Blocks of eight outputs; every tap of a block lies inside the row when its start is at
            // most jHi - 8. The last block ends at jHi, overlapping the one before it (outputs are
            // written, not accumulated, so recomputing some is harmless).
            let vector = jHi - jLo >= 8
            if s == 1 {
                while vector && j < jHi {
                    let jj = min(j, jHi - 8), base = (jj - p) * 4    // columns jj-p .. jj-p+9
                    var acc = b8
                    acc += w0 * a0.loadUnaligned(fromByteOffset: base, as: SIMD8<Float>.self)
                    acc += w1 * a0.loadUnaligned(fromByteOffset: base + 4, as: SIMD8<Float>.self)
                    acc += w2 * a0.loadUnaligned(fromByteOffset: base + 8, as: SIMD8<Float>.self)
                    acc += w3 * a1.loadUnaligned(fromByteOffset: base, as: SIMD8<Float>.self)
                    acc += w4 * a1.loadUnaligned(fromByteOffset: base + 4, as: SIMD8<Float>.self)
                    acc += w5 * a1.loadUnaligned(fromByteOffset: base + 8, as: SIMD8<Float>.self)
                    acc += w6 * a2.loadUnaligned(fromByteOffset: base, as: SIMD8<Float>.self)
                    acc += w7 * a2.loadUnaligned(fromByteOffset: base + 4, as: SIMD8<Float>.self)
                    acc += w8 * a2.loadUnaligned(fromByteOffset: base + 8, as: SIMD8<Float>.self)
                    o.storeBytes(of: ConvEpilogue.clamp(acc, lo8, hi8), toByteOffset: jj * 4, as: SIMD8<Float>.self)
                    j = jj + 8
                }
            } else {
                // Columns 2jj-p .. 2jj-p+16: taps 0 and 1 are the even and odd lanes of 16 floats
                // from 2jj-p, tap 2 the odd lanes of 16 floats from 2jj-p+1.
                while vector && j < jHi {
                    let jj = min(j, jHi - 8), base = (2 * jj - p) * 4
                    var acc = b8
                    let u0 = a0.loadUnaligned(fromByteOffset: base, as: SIMD16<Float>.self)
                    let v0 = a0.loadUnaligned(fromByteOffset: base + 4, as: SIMD16<Float>.self)
                    acc += w0 * u0.evenHalf + w1 * u0.oddHalf + w2 * v0.oddHalf
                    let u1 = a1.loadUnaligned(fromByteOffset: base, as: SIMD16<Float>.self)
                    let v1 = a1.loadUnaligned(fromByteOffset: base + 4, as: SIMD16<Float>.self)
                    acc += w3 * u1.evenHalf + w4 * u1.oddHalf + w5 * v1.oddHalf
                    let u2 = a2.loadUnaligned(fromByteOffset: base, as: SIMD16<Float>.self)
                    let v2 = a2.loadUnaligned(fromByteOffset: base + 4, as: SIMD16<Float>.self)
                    acc += w6 * u2.evenHalf + w7 * u2.oddHalf + w8 * v2.oddHalf
                    o.storeBytes(of: ConvEpilogue.clamp(acc, lo8, hi8), toByteOffset: jj * 4, as: SIMD8<Float>.self)
                    j = jj + 8
                }
            }
            // Interior columns left over from the vector loop: all taps in bounds, no checks.
            while j < jHi {
                let ix = j * s - p
                var acc = bias
                acc += w0 * r0[ix] + w1 * r0[ix + 1] + w2 * r0[ix + 2]
                acc += w3 * r1[ix] + w4 * r1[ix + 1] + w5 * r1[ix + 2]
                acc += w6 * r2[ix] + w7 * r2[ix + 1] + w8 * r2[ix + 2]
                out[j] = min(max(acc, lo), hi)
                j += 1
            }
            for j in jHi..<wo { scalar(j) }
        }
    }
}
