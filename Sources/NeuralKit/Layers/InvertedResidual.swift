// MobileNetV2's inverted residual block (Sandler et al. 2018): a 1x1 expansion (skipped when the
// expansion factor is 1), a 3x3 depthwise convolution carrying the stride, a linear 1x1
// projection, each followed by BatchNorm, ReLU6 after the first two; the input is added back when
// stride is 1 and the channel count is unchanged. An optional squeeze-and-excitation sits after
// the depthwise stage (MobileNetV3 style). The body is a named `Sequential`, so the parameter
// names read `body.dw_conv.weight`.

/// A MobileNetV2 inverted residual block on (N, C, H, W).
public final class InvertedResidual: Layer {
    public let inChannels: Int, outChannels: Int, stride: Int
    /// The chain of convolutions; the skip connection is added around it.
    public let body: Sequential
    /// True when the input is added to the body's output.
    public let usesSkip: Bool
    /// The child name of `body` in parameter names ("body"; torchvision's layout says "conv").
    public let bodyName: String

    public init(_ inChannels: Int, _ outChannels: Int, stride: Int = 1, expansion: Int = 6,
                squeezeExcitation: Bool = false, rng: inout SeededRandom) {
        precondition(stride == 1 || stride == 2, "InvertedResidual stride \(stride) (1 or 2)")
        self.inChannels = inChannels; self.outChannels = outChannels; self.stride = stride
        let hidden = inChannels * expansion
        var layers: [(String, any Layer)] = []
        if expansion != 1 {
            layers += [("expand_conv", Conv2d(inChannels, hidden, kernel: 1, bias: false, rng: &rng)),
                       ("expand_bn", BatchNorm2d(hidden)), ("expand_act", Activation(.relu6))]
        }
        layers += [("dw_conv", Conv2d(hidden, hidden, kernel: 3, stride: stride, padding: 1, groups: hidden,
                                      bias: false, rng: &rng)),
                   ("dw_bn", BatchNorm2d(hidden)), ("dw_act", Activation(.relu6))]
        if squeezeExcitation { layers.append(("se", SqueezeExcitation(channels: hidden, reduction: 4, rng: &rng))) }
        layers += [("project_conv", Conv2d(hidden, outChannels, kernel: 1, bias: false, rng: &rng)),
                   ("project_bn", BatchNorm2d(outChannels))]
        body = Sequential(named: layers)
        usesSkip = stride == 1 && inChannels == outChannels
        bodyName = "body"
    }

    /// A block around a body built elsewhere (e.g. with torchvision's layer names); the skip is used
    /// when stride is 1 and the channel count is unchanged.
    public init(body: Sequential, bodyName: String = "body", inChannels: Int, outChannels: Int, stride: Int) {
        self.body = body; self.bodyName = bodyName; self.inChannels = inChannels; self.outChannels = outChannels
        self.stride = stride; usesSkip = stride == 1 && inChannels == outChannels
    }

    public var children: [(String, any Layer)] { [(bodyName, body)] }

    /// input: (N, Cin, H, W) -> (N, Cout, H/stride, W/stride)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4 && input.shape[1] == inChannels,
                     "InvertedResidual(\(inChannels)->\(outChannels)) got input \(input.shape)")
        let y = body.forward(input)
        if usesSkip { y.add(input.contiguous()) }
        return y
    }

    /// gradOutput: (N, Cout, Ho, Wo) -> (N, Cin, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        let dx = body.backward(gradOutput)
        if usesSkip { dx.add(gradOutput.contiguous()) }
        return dx
    }
}
