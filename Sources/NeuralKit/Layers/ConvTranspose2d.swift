// Transposed convolution ("deconvolution"), the learned upsampling of decoders. It is the adjoint
// of a convolution, so it reuses `Conv2dKernels`: its forward is the convolution's input-gradient
// pass (gemm + col2im) and its input gradient is the convolution's forward. Layout and names
// follow PyTorch: `weight` (Cin, Cout/groups, k, k), `bias` (Cout);
// Ho = (H - 1) s - 2 p + d (k - 1) + outputPadding + 1, with outputPadding < stride.

/// Transposed 2-D convolution on (N, C, H, W).
public final class ConvTranspose2d: Layer {
    public let inChannels: Int, outChannels: Int, kernel: Int
    public let stride: Int, padding: Int, outputPadding: Int, dilation: Int, groups: Int
    /// weight: (Cin, Cout/groups, k, k)
    public let weight: Parameter
    /// bias: (Cout), or nil
    public let bias: Parameter?
    private var lastInput: Tensor?

    public init(_ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
                outputPadding: Int = 0, dilation: Int = 1, groups: Int = 1, bias: Bool = true, rng: inout SeededRandom) {
        precondition(inChannels % groups == 0 && outChannels % groups == 0, "ConvTranspose2d channels not divisible by groups")
        precondition(outputPadding < stride, "outputPadding \(outputPadding) must be below stride \(stride)")
        self.inChannels = inChannels; self.outChannels = outChannels; self.kernel = kernel; self.stride = stride
        self.padding = padding; self.outputPadding = outputPadding; self.dilation = dilation; self.groups = groups
        let bound = 1 / Float(outChannels / groups * kernel * kernel).squareRoot()
        weight = Parameter(Tensor(shape: [inChannels, outChannels / groups, kernel, kernel], rng: &rng) { $0.uniform(-bound, bound) })
        self.bias = bias ? Parameter(Tensor(shape: [outChannels], rng: &rng) { $0.uniform(-bound, bound) }) : nil
    }

    public var ownParameters: [(String, Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// The convolution this layer is the adjoint of: it maps our output shape to our input shape.
    func adjointGeometry(_ shape: [Int]) -> ConvGeometry {
        precondition(shape.count == 4 && shape[1] == inChannels,
                     "ConvTranspose2d(\(inChannels)->\(outChannels)) got input \(shape), expected (N, \(inChannels), H, W)")
        let ho = (shape[2] - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1
        let wo = (shape[3] - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1
        let g = ConvGeometry(batch: shape[0], inChannels: outChannels, height: ho, width: wo, outChannels: inChannels,
                             kernel: kernel, stride: stride, padding: padding, dilation: dilation, groups: groups)
        precondition(g.outHeight == shape[2] && g.outWidth == shape[3], "ConvTranspose2d geometry does not invert")
        return g
    }

    /// input: (N, Cin, H, W) -> (N, Cout, Ho, Wo)
    public func forward(_ input: Tensor) -> Tensor {
        let g = adjointGeometry(input.shape), x = input.contiguous()
        let y = Tensor(uninitialized: [g.batch, outChannels, g.height, g.width], pool: x.pool)
        let col = Tensor(uninitialized: [g.patchSize * g.outPlane], pool: x.pool)
        Conv2dKernels.backward(g, x: y.pointer, weight: weight.value.pointer, dy: x.pointer, dx: y.pointer,
                               dWeight: nil, dBias: nil, col: col.pointer)
        if let bias {
            let plane = g.height * g.width
            for n in 0..<g.batch { for o in 0..<outChannels {
                let p = y.pointer + (n * outChannels + o) * plane, b = bias.value.pointer[o]
                for i in 0..<plane { p[i] += b }
            } }
        }
        lastInput = x
        return y
    }

    /// gradOutput: (N, Cout, Ho, Wo) -> (N, Cin, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput else { preconditionFailure("ConvTranspose2d.backward before forward") }
        let g = adjointGeometry(x.shape)
        precondition(gradOutput.shape == [g.batch, outChannels, g.height, g.width], "ConvTranspose2d gradient \(gradOutput.shape)")
        let dy = gradOutput.contiguous()
        let col = Tensor(uninitialized: [g.patchSize * g.outPlane], pool: x.pool)
        let dx = Tensor(uninitialized: x.shape, pool: x.pool)
        Conv2dKernels.forward(g, x: dy.pointer, weight: weight.value.pointer, bias: nil, y: dx.pointer, col: col.pointer)
        Conv2dKernels.backward(g, x: dy.pointer, weight: weight.value.pointer, dy: x.pointer, dx: nil,
                               dWeight: weight.grad.pointer, dBias: nil, col: col.pointer)
        if let bias {
            let plane = g.height * g.width
            for n in 0..<g.batch { for o in 0..<outChannels {
                let p = dy.pointer + (n * outChannels + o) * plane
                var s: Float = 0
                for i in 0..<plane { s += p[i] }
                bias.grad.pointer[o] += s
            } }
        }
        return dx
    }
}
