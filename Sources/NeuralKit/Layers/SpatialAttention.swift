// CBAM spatial attention: the per-pixel mean and max over channels form a (N, 2, H, W) map, a
// k x k convolution (7 in the paper, no bias) and a sigmoid turn it into a (N, 1, H, W) mask, and
// every channel is multiplied by it. Parameter: `conv.weight`.

/// CBAM's spatial attention on (N, C, H, W).
public final class SpatialAttention: Layer {
    public let conv: Conv2d
    private let gate = Activation(.sigmoid)
    private var lastInput: Tensor?, lastMask: Tensor?
    private var argmax: [Int32] = []

    public init(kernel: Int = 7, rng: inout SeededRandom) {
        conv = Conv2d(2, 1, kernel: kernel, padding: kernel / 2, bias: false, rng: &rng)
    }

    public var children: [(String, any Layer)] { [("conv", conv)] }

    /// input: (N, C, H, W) -> (N, C, H, W)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4, "SpatialAttention expects (N, C, H, W), got \(input.shape)")
        let x = input.contiguous(), n = x.shape[0], c = x.shape[1], plane = x.shape[2] * x.shape[3]
        let pooled = Tensor(uninitialized: [n, 2, x.shape[2], x.shape[3]], pool: x.pool)
        if argmax.count != n * plane { argmax = [Int32](repeating: 0, count: n * plane) }
        for b in 0..<n {
            for j in 0..<plane {
                var s: Float = 0, m = -Float.infinity, at = 0
                for ch in 0..<c { let v = x.pointer[(b * c + ch) * plane + j]; s += v; if v > m { m = v; at = ch } }
                pooled.pointer[(b * 2) * plane + j] = s / Float(c)
                pooled.pointer[(b * 2 + 1) * plane + j] = m
                argmax[b * plane + j] = Int32(at)
            }
        }
        let mask = gate.forward(conv.forward(pooled))      // (N, 1, H, W)
        let y = Tensor(uninitialized: x.shape, pool: x.pool)
        for b in 0..<n {
            for ch in 0..<c {
                let src = x.pointer + (b * c + ch) * plane, dst = y.pointer + (b * c + ch) * plane, m = mask.pointer + b * plane
                for j in 0..<plane { dst[j] = src[j] * m[j] }
            }
        }
        lastInput = x; lastMask = mask
        return y
    }

    /// gradOutput: (N, C, H, W) -> (N, C, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput, let mask = lastMask else { preconditionFailure("SpatialAttention.backward before forward") }
        precondition(gradOutput.shape == x.shape, "SpatialAttention gradient \(gradOutput.shape), expected \(x.shape)")
        let dy = gradOutput.contiguous(), n = x.shape[0], c = x.shape[1], plane = x.shape[2] * x.shape[3]
        let dx = Tensor(uninitialized: x.shape, pool: x.pool)
        let dmask = Tensor(zeros: mask.shape, pool: x.pool)
        for b in 0..<n {
            for ch in 0..<c {
                let off = (b * c + ch) * plane
                for j in 0..<plane {
                    dx.pointer[off + j] = dy.pointer[off + j] * mask.pointer[b * plane + j]
                    dmask.pointer[b * plane + j] += dy.pointer[off + j] * x.pointer[off + j]
                }
            }
        }
        let dpooled = conv.backward(gate.backward(dmask))  // (N, 2, H, W)
        for b in 0..<n {
            for j in 0..<plane {
                let davg = dpooled.pointer[(b * 2) * plane + j] / Float(c)
                for ch in 0..<c { dx.pointer[(b * c + ch) * plane + j] += davg }
                dx.pointer[(b * c + Int(argmax[b * plane + j])) * plane + j] += dpooled.pointer[(b * 2 + 1) * plane + j]
            }
        }
        return dx
    }
}
