// CBAM channel attention (Woo et al. 2018): average- and max-pool each channel, pass both (N, C)
// descriptors through one shared MLP (C -> C/r -> C), add, sigmoid, and rescale the channels.
// The two descriptors go through the MLP as one (2N, C) batch, so the shared layers see a single
// forward and a single backward.

/// CBAM's channel attention on (N, C, H, W).
public final class ChannelAttention: Layer {
    public let channels: Int
    public let fc1: Linear, fc2: Linear
    private let act = Activation(.relu), gate = Activation(.sigmoid)
    private var lastInput: Tensor?, lastScale: Tensor?
    private var argmax: [Int32] = []

    public init(channels: Int, reduction: Int = 4, rng: inout SeededRandom) {
        self.channels = channels
        let hidden = max(1, channels / reduction)
        fc1 = Linear(channels, hidden, rng: &rng)
        fc2 = Linear(hidden, channels, rng: &rng)
    }

    public var children: [(String, any Layer)] { [("fc1", fc1), ("fc2", fc2)] }

    /// input: (N, C, H, W) -> (N, C, H, W)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4 && input.shape[1] == channels, "ChannelAttention(\(channels)) got input \(input.shape)")
        let x = input.contiguous(), n = x.shape[0], plane = x.shape[2] * x.shape[3]
        let desc = Tensor(uninitialized: [2 * n, channels], pool: x.pool)   // rows 0..<n avg, n..<2n max
        if argmax.count != n * channels { argmax = [Int32](repeating: 0, count: n * channels) }
        for i in 0..<(n * channels) {
            let p = x.pointer + i * plane
            var s: Float = 0, m = -Float.infinity, at = 0
            for j in 0..<plane { s += p[j]; if p[j] > m { m = p[j]; at = j } }
            desc.pointer[i] = s / Float(plane)
            desc.pointer[n * channels + i] = m
            argmax[i] = Int32(at)
        }
        let e = fc2.forward(act.forward(fc1.forward(desc)))               // (2N, C)
        let sum = Tensor(uninitialized: [n, channels], pool: x.pool)
        for i in 0..<(n * channels) { sum.pointer[i] = e.pointer[i] + e.pointer[n * channels + i] }
        let s = gate.forward(sum)
        lastInput = x; lastScale = s
        return ChannelScale.apply(x, s)
    }

    /// gradOutput: (N, C, H, W) -> (N, C, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput, let s = lastScale else { preconditionFailure("ChannelAttention.backward before forward") }
        let n = x.shape[0], plane = x.shape[2] * x.shape[3], nc = n * channels
        let (dx, ds) = ChannelScale.backward(x, s, gradOutput)
        let dsum = gate.backward(ds)
        let de = Tensor(uninitialized: [2 * n, channels], pool: x.pool)
        de.slice(0..<n).assign(dsum); de.slice(n..<(2 * n)).assign(dsum)
        let ddesc = fc1.backward(act.backward(fc2.backward(de)))
        for i in 0..<nc {
            let d = dx.pointer + i * plane, avg = ddesc.pointer[i] / Float(plane)
            for j in 0..<plane { d[j] += avg }
            d[Int(argmax[i])] += ddesc.pointer[nc + i]
        }
        return dx
    }
}
