// 2-D convolution layer (stride, padding, dilation, groups). Dense and grouped convolutions run
// through im2col + `cblas_sgemm` (`Conv2dKernels`); depthwise ones (groups == in == out) through the
// direct kernel (`DepthwiseKernels`). Weight layout and names follow PyTorch: `weight`
// (Cout, Cin/groups, k, k), `bias` (Cout). In bf16 (`ComputePrecision`) the im2col/pointwise GEMM
// runs on oneDNN with the weight held as bf16; the direct depthwise kernel stays Float32.

/// Grouped 2-D convolution on (N, C, H, W).
public final class Conv2d: Layer {
    public let inChannels: Int, outChannels: Int, kernel: Int
    public let stride: Int, padding: Int, dilation: Int, groups: Int
    /// weight: (Cout, Cin/groups, k, k)
    public let weight: Parameter
    /// bias: (Cout), or nil
    public let bias: Parameter?
    /// Use the direct depthwise kernel when the geometry allows (tests switch it off to compare).
    public var directDepthwise = true
    /// ReLU/ReLU6 applied inside the kernel after the bias (set by `Sequential.foldingBatchNorm()`
    /// when an activation followed; the chain then has no separate activation layer).
    public var epilogue: ConvEpilogue = .none
    private var lastInput: Tensor?
    /// The clamped output, kept only with an epilogue: backward masks the gradient with it.
    private var lastOutput: Tensor?
    /// The precision of the GEMM path (set through `setPrecision`).
    public private(set) var precision: ComputePrecision = .float32
    /// The weight as (Cout, Cin/groups*k*k) bf16, while `precision` is `.bfloat16` and the GEMM path is used.
    public private(set) var packedWeight: BF16Matrix?

    /// Weights uniform in ±1/sqrt(fan-in) (PyTorch's default), drawn from `rng`.
    public init(_ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
                dilation: Int = 1, groups: Int = 1, bias: Bool = true, rng: inout SeededRandom) {
        precondition(inChannels % groups == 0 && outChannels % groups == 0,
                     "Conv2d channels \(inChannels)->\(outChannels) not divisible by groups \(groups)")
        self.inChannels = inChannels; self.outChannels = outChannels; self.kernel = kernel
        self.stride = stride; self.padding = padding; self.dilation = dilation; self.groups = groups
        let fanIn = inChannels / groups * kernel * kernel
        let bound = 1 / Float(fanIn).squareRoot()
        weight = Parameter(Tensor(shape: [outChannels, inChannels / groups, kernel, kernel], rng: &rng) {
            $0.uniform(-bound, bound)
        })
        self.bias = bias ? Parameter(Tensor(shape: [outChannels], rng: &rng) { $0.uniform(-bound, bound) }) : nil
    }

    public var ownParameters: [(String, Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// The geometry for an input of shape (N, Cin, H, W).
    public func geometry(for shape: [Int]) -> ConvGeometry {
        precondition(shape.count == 4 && shape[1] == inChannels,
                     "Conv2d(\(inChannels)->\(outChannels)) got input \(shape), expected (N, \(inChannels), H, W)")
        return ConvGeometry(batch: shape[0], inChannels: inChannels, height: shape[2], width: shape[3],
                            outChannels: outChannels, kernel: kernel, stride: stride, padding: padding,
                            dilation: dilation, groups: groups)
    }

    /// input: (N, Cin, H, W) -> output: (N, Cout, Ho, Wo)
    public func forward(_ input: Tensor) -> Tensor {
        let g = geometry(for: input.shape)
        let x = input.contiguous()
        let y = Tensor(uninitialized: g.outputShape, pool: x.pool)
        if g.isDepthwise && directDepthwise {
            DepthwiseKernels.forward(g, x: x.pointer, weight: weight.value.pointer,
                                     bias: bias?.value.pointer, epilogue: epilogue, y: y.pointer)
        } else {
            let col = Tensor(uninitialized: [g.isPointwise ? 0 : g.patchSize * g.outPlane], pool: x.pool)
            if precision == .bfloat16 && packedWeight == nil { packWeight() }
            if let packedWeight {
                // bf16: the packed copy is all the kernel reads; no Float32 weight is widened for it.
                Conv2dKernels.forwardBF16(g, x: x.pointer, weight: packedWeight, bias: bias?.value.pointer,
                                          epilogue: epilogue, y: y.pointer, col: col.pointer)
            } else {
                Conv2dKernels.forward(g, x: x.pointer, weight: weight.value.pointer, bias: bias?.value.pointer,
                                      epilogue: epilogue, y: y.pointer, col: col.pointer)
            }
        }
        lastInput = x
        lastOutput = epilogue == .none ? nil : y
        return y
    }

    /// gradOutput: (N, Cout, Ho, Wo) -> (N, Cin, H, W)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput else { preconditionFailure("Conv2d.backward before forward") }
        let g = geometry(for: x.shape)
        precondition(gradOutput.shape == g.outputShape, "Conv2d gradient \(gradOutput.shape), expected \(g.outputShape)")
        var dy = gradOutput.contiguous()
        if let y = lastOutput {
            let masked = Tensor(uninitialized: y.shape, pool: y.pool)
            epilogue.mask(y: y.pointer, dy: dy.pointer, dx: masked.pointer, count: y.count)
            dy = masked
        }
        let dx = Tensor(uninitialized: x.shape, pool: x.pool)
        if g.isDepthwise && directDepthwise {
            DepthwiseKernels.backward(g, x: x.pointer, weight: weight.value.pointer, dy: dy.pointer, dx: dx.pointer,
                                      dWeight: weight.grad.pointer, dBias: bias?.grad.pointer)
        } else {
            let col = Tensor(uninitialized: [g.isPointwise ? 0 : g.patchSize * g.outPlane], pool: x.pool)
            Conv2dKernels.backward(g, x: x.pointer, weight: weight.value.pointer, dy: dy.pointer, dx: dx.pointer,
                                   dWeight: weight.grad.pointer, dBias: bias?.grad.pointer, col: col.pointer)
        }
        return dx
    }
}

extension Conv2d: PrecisionSelectable {
    public func applyPrecision(_ precision: ComputePrecision) {
        self.precision = precision
        packedWeight = nil
        // Depthwise layers on the direct kernel stay Float32 and need no copy.
        let direct = groups == inChannels && groups == outChannels && groups > 1 && directDepthwise
        if precision == .bfloat16 && !direct { packWeight() }
    }

    public var reducedWeightBytes: Int { packedWeight?.byteCount ?? 0 }

    fileprivate func packWeight() {
        let cols = inChannels / groups * kernel * kernel
        packedWeight = BF16Matrix(rows: outChannels, cols: cols, source: weight.value.pointer, ld: cols)
    }
}
