// Squeeze-and-excitation (Hu et al. 2018): squeeze each channel to its mean, pass the (N, C)
// vector through a bottleneck MLP (C -> C/r -> C, ReLU then sigmoid) and rescale the channels by
// the result. Built from the library's own layers, so backward is theirs chained by hand plus the
// product rule for the rescale. Parameter names: `fc1.*`, `fc2.*`.

/// Channel reweighting by a squeeze-and-excitation bottleneck.
public final class SqueezeExcitation: Layer {
    public let channels: Int
    public let squeeze = GlobalAvgPool()
    public let fc1: Linear, fc2: Linear
    private let act = Activation(.relu), gate = Activation(.sigmoid)
    private var lastInput: Tensor?, lastScale: Tensor?

    public init(channels: Int, reduction: Int = 4, rng: inout SeededRandom) {
        self.channels = channels
        let hidden = max(1, channels / reduction)
        fc1 = Linear(channels, hidden, rng: &rng)
        fc2 = Linear(hidden, channels, rng: &rng)
    }

    public var children: [(String, any Layer)] { [("fc1", fc1), ("fc2", fc2)] }

    /// input: (N, C, H, W) -> (N, C, H, W)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4 && input.shape[1] == channels,
                     "SqueezeExcitation(\(channels)) got input \(input.shape)")
        let x = input.contiguous()
        let s = gate.forward(fc2.forward(act.forward(fc1.forward(squeeze.forward(x)))))  // (N, C)
        lastInput = x; lastScale = s
        return ChannelScale.apply(x, s)
    }

    /// gradOutput: (N, C, H, W) -> (N, C, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput, let s = lastScale else { preconditionFailure("SqueezeExcitation.backward before forward") }
        let (dx, ds) = ChannelScale.backward(x, s, gradOutput)
        let dsq = fc1.backward(act.backward(fc2.backward(gate.backward(ds))))
        dx.add(squeeze.backward(dsq))
        return dx
    }
}

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
