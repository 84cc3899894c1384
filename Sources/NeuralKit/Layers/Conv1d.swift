// 1-D convolution layer on (N, C, L) (audio features, per-frame sequences), im2col + sgemm.
// PyTorch's layout and names: `weight` (Cout, Cin/groups, k), `bias` (Cout).

/// Grouped 1-D convolution.
public final class Conv1d: Layer {
    public let inChannels: Int, outChannels: Int, kernel: Int
    public let stride: Int, padding: Int, dilation: Int, groups: Int
    /// weight: (Cout, Cin/groups, k)
    public let weight: Parameter
    /// bias: (Cout), or nil
    public let bias: Parameter?
    private var lastInput: Tensor?

    public init(_ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
                dilation: Int = 1, groups: Int = 1, bias: Bool = true, rng: inout SeededRandom) {
        precondition(inChannels % groups == 0 && outChannels % groups == 0, "Conv1d channels not divisible by groups")
        self.inChannels = inChannels; self.outChannels = outChannels; self.kernel = kernel
        self.stride = stride; self.padding = padding; self.dilation = dilation; self.groups = groups
        let bound = 1 / Float(inChannels / groups * kernel).squareRoot()
        weight = Parameter(Tensor(shape: [outChannels, inChannels / groups, kernel], rng: &rng) { $0.uniform(-bound, bound) })
        self.bias = bias ? Parameter(Tensor(shape: [outChannels], rng: &rng) { $0.uniform(-bound, bound) }) : nil
    }

    public var ownParameters: [(String, Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// The geometry for an input of shape (N, Cin, L).
    public func geometry(for shape: [Int]) -> Conv1dGeometry {
        precondition(shape.count == 3 && shape[1] == inChannels,
                     "Conv1d(\(inChannels)->\(outChannels)) got input \(shape), expected (N, \(inChannels), L)")
        return Conv1dGeometry(batch: shape[0], inChannels: inChannels, length: shape[2], outChannels: outChannels,
                              kernel: kernel, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }

    /// input: (N, Cin, L) -> (N, Cout, Lo)
    public func forward(_ input: Tensor) -> Tensor {
        let g = geometry(for: input.shape), x = input.contiguous()
        let y = Tensor(uninitialized: [g.batch, outChannels, g.outLength], pool: x.pool)
        let col = Tensor(uninitialized: [g.patch * g.outLength], pool: x.pool)
        Conv1dKernels.forward(g, x: x.pointer, weight: weight.value.pointer, bias: bias?.value.pointer, y: y.pointer, col: col.pointer)
        lastInput = x
        return y
    }

    /// gradOutput: (N, Cout, Lo) -> (N, Cin, L)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput else { preconditionFailure("Conv1d.backward before forward") }
        let g = geometry(for: x.shape)
        precondition(gradOutput.shape == [g.batch, outChannels, g.outLength], "Conv1d gradient \(gradOutput.shape)")
        let dy = gradOutput.contiguous(), dx = Tensor(uninitialized: x.shape, pool: x.pool)
        let col = Tensor(uninitialized: [g.patch * g.outLength], pool: x.pool)
        Conv1dKernels.backward(g, x: x.pointer, weight: weight.value.pointer, dy: dy.pointer, dx: dx.pointer,
                               dWeight: weight.grad.pointer, dBias: bias?.grad.pointer, col: col.pointer)
        return dx
    }
}
