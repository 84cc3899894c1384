// Inference-time rewrites of a chain (BatchNorm folding, see Conv2d+Folding.swift) and ready-made
// compositions (CBAM: channel attention then spatial attention).

extension Sequential {
    /// A copy of the chain for inference with every Conv2d -> BatchNorm2d pair folded into one
    /// convolution, recursing into nested `Sequential`s and `InvertedResidual` bodies. A ReLU or
    /// ReLU6 right after the pair is fused into the folded convolution's epilogue (its layer
    /// disappears from the copy). Other layers are shared with the original, not copied. The copy
    /// keeps the chain's `computePrecision`.
    public func foldingBatchNorm() -> Sequential {
        var out: [(String, any Layer)] = []
        var i = 0
        while i < layers.count {
            let (name, layer) = layers[i]
            if let conv = layer as? Conv2d, i + 1 < layers.count, let bn = layers[i + 1].1 as? BatchNorm2d {
                let folded = conv.folding(bn)
                i += 2
                if i < layers.count, let act = layers[i].1 as? Activation, let e = ConvEpilogue(act.kind) {
                    folded.epilogue = e; i += 1
                }
                out.append((name, folded)); continue
            }
            if let seq = layer as? Sequential {
                out.append((name, seq.foldingBatchNorm()))
            } else if let block = layer as? InvertedResidual {
                out.append((name, InvertedResidual(body: block.body.foldingBatchNorm(), bodyName: block.bodyName,
                                                   inChannels: block.inChannels, outChannels: block.outChannels,
                                                   stride: block.stride)))
            } else {
                out.append((name, layer))
            }
            i += 1
        }
        let folded = Sequential(named: out)
        folded.setTraining(false)
        // The folded convolutions are new layers: a chain running in bf16 keeps running in bf16.
        if computePrecision == .bfloat16 { for l in folded.precisionSelectableLayers() { l.applyPrecision(.bfloat16) } }
        return folded
    }

    /// CBAM (Woo et al. 2018): channel attention then spatial attention, named `channel` and `spatial`.
    public static func cbam(channels: Int, reduction: Int = 4, spatialKernel: Int = 7,
                            rng: inout SeededRandom) -> Sequential {
        Sequential(named: [("channel", ChannelAttention(channels: channels, reduction: reduction, rng: &rng)),
                           ("spatial", SpatialAttention(kernel: spatialKernel, rng: &rng))])
    }
}
