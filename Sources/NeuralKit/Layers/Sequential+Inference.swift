// Inference-time rewrites and ready-made compositions. Folding BatchNorm into the preceding
// convolution removes a pass over every activation: with s = gamma / sqrt(var + eps),
// w' = w * s (per output channel) and b' = (b - mean) * s + beta. CBAM is channel attention then
// spatial attention.

extension Conv2d {
    /// A convolution computing `bn(self(x))` with BatchNorm's running statistics, in one pass.
    public func folding(_ bn: BatchNorm2d) -> Conv2d {
        precondition(bn.channels == outChannels, "fold BatchNorm2d(\(bn.channels)) into Conv2d with \(outChannels) outputs")
        var rng = SeededRandom(seed: 0)
        let out = Conv2d(inChannels, outChannels, kernel: kernel, stride: stride, padding: padding,
                         dilation: dilation, groups: groups, bias: true, rng: &rng)
        let per = weight.value.count / outChannels
        for o in 0..<outChannels {
            let s = bn.weight.value.pointer[o] / (bn.runningVar.value.pointer[o] + bn.eps).squareRoot()
            for i in 0..<per { out.weight.value.pointer[o * per + i] = weight.value.pointer[o * per + i] * s }
            let b = bias?.value.pointer[o] ?? 0
            out.bias!.value.pointer[o] = (b - bn.runningMean.value.pointer[o]) * s + bn.bias.value.pointer[o]
        }
        return out
    }
}

extension Sequential {
    /// A copy of the chain for inference with every Conv2d -> BatchNorm2d pair folded into one
    /// convolution, recursing into nested `Sequential`s and `InvertedResidual` bodies. Other layers
    /// are shared with the original, not copied.
    public func foldingBatchNorm() -> Sequential {
        var out: [(String, any Layer)] = []
        var i = 0
        while i < layers.count {
            let (name, layer) = layers[i]
            if let conv = layer as? Conv2d, i + 1 < layers.count, let bn = layers[i + 1].1 as? BatchNorm2d {
                out.append((name, conv.folding(bn))); i += 2; continue
            }
            if let seq = layer as? Sequential {
                out.append((name, seq.foldingBatchNorm()))
            } else if let block = layer as? InvertedResidual {
                out.append((name, InvertedResidual(body: block.body.foldingBatchNorm(), inChannels: block.inChannels,
                                                   outChannels: block.outChannels, stride: block.stride,
                                                   usesSkip: block.usesSkip)))
            } else {
                out.append((name, layer))
            }
            i += 1
        }
        let folded = Sequential(named: out)
        folded.setTraining(false)
        return folded
    }

    /// CBAM (Woo et al. 2018): channel attention then spatial attention, named `channel` and `spatial`.
    public static func cbam(channels: Int, reduction: Int = 4, spatialKernel: Int = 7,
                            rng: inout SeededRandom) -> Sequential {
        Sequential(named: [("channel", ChannelAttention(channels: channels, reduction: reduction, rng: &rng)),
                           ("spatial", SpatialAttention(kernel: spatialKernel, rng: &rng))])
    }
}
