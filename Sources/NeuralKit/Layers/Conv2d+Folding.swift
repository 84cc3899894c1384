// Folding inference-mode BatchNorm into the preceding convolution removes a pass over every
// activation: with s = gamma / sqrt(running_var + eps), w' = w * s per output channel and
// b' = (b - running_mean) * s + beta. The folded weight keeps Float16 storage (`WeightStorage`).

extension Conv2d {
    /// A convolution computing `bn(self(x))` with BatchNorm's running statistics, in one pass.
    public func folding(_ bn: BatchNorm2d) -> Conv2d {
        precondition(bn.channels == outChannels, "fold BatchNorm2d(\(bn.channels)) into Conv2d with \(outChannels) outputs")
        var rng = SeededRandom(seed: 0)
        let out = Conv2d(inChannels, outChannels, kernel: kernel, stride: stride, padding: padding,
                         dilation: dilation, groups: groups, bias: true, rng: &rng)
        let per = weight.count / outChannels, w = weight.value   // read once (it may be widened from Float16)
        for o in 0..<outChannels {
            let s = bn.weight.value.pointer[o] / (bn.runningVar.value.pointer[o] + bn.eps).squareRoot()
            for i in 0..<per { out.weight.value.pointer[o * per + i] = w.pointer[o * per + i] * s }
            let b = bias?.value.pointer[o] ?? 0
            out.bias!.value.pointer[o] = (b - bn.runningMean.value.pointer[o]) * s + bn.bias.value.pointer[o]
        }
        // A Float16-stored convolution folds into a Float16-stored one (one Float32 layer at a time).
        if weight.weightStorage == .float16 { out.weight.store(.float16) }
        return out
    }
}
