// ResNet's basic residual block (He et al. 2016): conv 3x3 (stride) + BN + ReLU + conv 3x3 + BN,
// added to the input (through a 1x1 conv + BN projection when the stride or the channel count
// changes), then ReLU. Names: `body.conv1.weight`, ..., `shortcut.conv.weight`.

/// A ResNet basic block on (N, C, H, W).
public final class ResidualBlock: Layer {
    public let inChannels: Int, outChannels: Int, stride: Int
    public let body: Sequential
    /// Projection for the skip path, or nil for the identity.
    public let shortcut: Sequential?
    private let out = Activation(.relu)

    public init(_ inChannels: Int, _ outChannels: Int, stride: Int = 1, rng: inout SeededRandom) {
        self.inChannels = inChannels; self.outChannels = outChannels; self.stride = stride
        body = Sequential(named: [
            ("conv1", Conv2d(inChannels, outChannels, kernel: 3, stride: stride, padding: 1, bias: false, rng: &rng)),
            ("bn1", BatchNorm2d(outChannels)), ("act1", Activation(.relu)),
            ("conv2", Conv2d(outChannels, outChannels, kernel: 3, padding: 1, bias: false, rng: &rng)),
            ("bn2", BatchNorm2d(outChannels)),
        ])
        shortcut = stride == 1 && inChannels == outChannels ? nil : Sequential(named: [
            ("conv", Conv2d(inChannels, outChannels, kernel: 1, stride: stride, bias: false, rng: &rng)),
            ("bn", BatchNorm2d(outChannels)),
        ])
    }

    public var children: [(String, any Layer)] {
        [("body", body)] + (shortcut.map { [("shortcut", $0)] } ?? [])
    }

    /// input: (N, Cin, H, W) -> (N, Cout, H/stride, W/stride)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4 && input.shape[1] == inChannels, "ResidualBlock(\(inChannels)->\(outChannels)) got input \(input.shape)")
        let y = body.forward(input)
        y.add(shortcut?.forward(input) ?? input.contiguous())
        return out.forward(y)
    }

    /// gradOutput: (N, Cout, Ho, Wo) -> (N, Cin, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        let g = out.backward(gradOutput)
        let dx = body.backward(g)
        dx.add(shortcut?.backward(g) ?? g)
        return dx
    }
}
