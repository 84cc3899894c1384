// Broadcast multiply of a (N, C, H, W) map by per-channel weights (N, C), with its gradient: the
// last step of squeeze-and-excitation and of CBAM's channel attention.

/// y[n, c, :, :] = x[n, c, :, :] * s[n, c], shared by SE and CBAM channel attention.
enum ChannelScale {
    /// x: (N, C, H, W); s: (N, C) -> (N, C, H, W)
    static func apply(_ x: Tensor, _ s: Tensor) -> Tensor {
        let plane = x.shape[2] * x.shape[3], y = Tensor(uninitialized: x.shape, pool: x.pool)
        for i in 0..<s.count {
            let v = s.pointer[i], src = x.pointer + i * plane, dst = y.pointer + i * plane
            for j in 0..<plane { dst[j] = src[j] * v }
        }
        return y
    }

    /// Returns dx = dy * s (broadcast) and ds[n, c] = sum_hw dy * x.
    static func backward(_ x: Tensor, _ s: Tensor, _ gradOutput: Tensor) -> (Tensor, Tensor) {
        precondition(gradOutput.shape == x.shape, "gradient \(gradOutput.shape), expected \(x.shape)")
        let dy = gradOutput.contiguous(), plane = x.shape[2] * x.shape[3]
        let dx = Tensor(uninitialized: x.shape, pool: x.pool), ds = Tensor(uninitialized: s.shape, pool: x.pool)
        for i in 0..<s.count {
            let v = s.pointer[i], g = dy.pointer + i * plane, src = x.pointer + i * plane, d = dx.pointer + i * plane
            var acc: Float = 0
            for j in 0..<plane { d[j] = g[j] * v; acc += g[j] * src[j] }
            ds.pointer[i] = acc
        }
        return (dx, ds)
    }
}
