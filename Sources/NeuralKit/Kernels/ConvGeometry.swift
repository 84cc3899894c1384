// The sizes of one 2-D convolution (or pooling window), computed once and shared by the fast,
// direct-depthwise and reference kernels so they cannot disagree about output size or padding.
// Square kernels, strides, paddings and dilations keep the code short; every model in the issue
// uses them.

/// Sizes of a grouped 2-D convolution on (N, C, H, W) input.
public struct ConvGeometry: Equatable, Sendable {
    public var batch: Int, inChannels: Int, height: Int, width: Int
    public var outChannels: Int, kernel: Int, stride: Int, padding: Int, dilation: Int, groups: Int

    public init(batch: Int, inChannels: Int, height: Int, width: Int, outChannels: Int, kernel: Int,
                stride: Int = 1, padding: Int = 0, dilation: Int = 1, groups: Int = 1) {
        precondition(inChannels % groups == 0 && outChannels % groups == 0,
                     "channels \(inChannels)->\(outChannels) not divisible by groups \(groups)")
        precondition(kernel >= 1 && stride >= 1 && dilation >= 1 && padding >= 0, "bad conv parameters")
        self.batch = batch; self.inChannels = inChannels; self.height = height; self.width = width
        self.outChannels = outChannels; self.kernel = kernel; self.stride = stride
        self.padding = padding; self.dilation = dilation; self.groups = groups
        precondition(outHeight >= 1 && outWidth >= 1,
                     "input \(height)x\(width) too small for kernel \(kernel) dilation \(dilation) padding \(padding)")
    }

    /// Output rows: (H + 2p - d (k - 1) - 1) / s + 1.
    public var outHeight: Int { (height + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1 }
    /// Output columns.
    public var outWidth: Int { (width + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1 }
    /// Input channels per group.
    public var groupIn: Int { inChannels / groups }
    /// Output channels per group.
    public var groupOut: Int { outChannels / groups }
    /// Rows of the im2col matrix for one group: Cg * k * k.
    public var patchSize: Int { groupIn * kernel * kernel }
    /// Output positions per image.
    public var outPlane: Int { outHeight * outWidth }
    /// Shape of the weight: (Cout, Cin / groups, k, k).
    public var weightShape: [Int] { [outChannels, groupIn, kernel, kernel] }
    /// Shape of the output: (N, Cout, Ho, Wo).
    public var outputShape: [Int] { [batch, outChannels, outHeight, outWidth] }
    /// True for a 1x1, stride-1, unpadded convolution, where the input already is the im2col matrix.
    public var isPointwise: Bool { kernel == 1 && stride == 1 && padding == 0 }
    /// True when each output channel reads exactly one input channel (depthwise, multiplier 1).
    public var isDepthwise: Bool { groups == inChannels && groups == outChannels && groups > 1 }
    /// Multiply-adds of the forward pass.
    public var macs: Int { batch * outChannels * outPlane * patchSize }
}
