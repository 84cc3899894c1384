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
