// Fully connected layer y = x W^T + b on `cblas_sgemm`, with PyTorch's layout and names
// (`weight` (out, in), `bias` (out)) so state dicts and ONNX Gemm(transB=1) weights load as they are.
// In bf16 (`ComputePrecision`) it keeps W^T (in, out) as bf16 and multiplies on oneDNN (`BF16GEMM`).
// With Float16 weight storage it widens W a block of rows at a time (`Parameter.forEachRowBlock`).

/// Affine map over the last axis of a (N, in) input.
public final class Linear: Layer {
    public let inFeatures: Int, outFeatures: Int
    /// weight: (out, in)
    public let weight: Parameter
    /// bias: (out), or nil
    public let bias: Parameter?
    private var lastInput: Tensor?
    /// The precision of the forward GEMM (set through `setPrecision`).
    public private(set) var precision: ComputePrecision = .float32
    /// W^T: (in, out) in bf16, while `precision` is `.bfloat16`.
    public private(set) var packedWeight: BF16Matrix?

    /// Weights and bias uniform in ±1/sqrt(in) (PyTorch's default), drawn from `rng`.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, rng: inout SeededRandom) {
        self.inFeatures = inFeatures; self.outFeatures = outFeatures
        let bound = 1 / Float(inFeatures).squareRoot()
        weight = Parameter(Tensor(shape: [outFeatures, inFeatures], rng: &rng) { $0.uniform(-bound, bound) })
        self.bias = bias ? Parameter(Tensor(shape: [outFeatures], rng: &rng) { $0.uniform(-bound, bound) }) : nil
    }

    public var ownParameters: [(String, Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// input: (N, in) -> output: (N, out)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 2 && input.shape[1] == inFeatures,
                     "Linear(\(inFeatures)->\(outFeatures)) got input \(input.shape), expected (N, \(inFeatures))")
        let x = input.contiguous(), n = x.shape[0]
        let y = Tensor(uninitialized: [n, outFeatures], pool: x.pool)
        lastInput = x
        if let packedWeight {
            BF16GEMM.gemm(m: n, n: outFeatures, k: inFeatures, a: .float32(x.pointer, ld: inFeatures),
                          b: .bf16(packedWeight.pointer), bias: bias.map { UnsafePointer($0.value.pointer) },
                          c: y.pointer, ldc: outFeatures)
            return y
        }
        if let bias {
            for i in 0..<n { (y.pointer + i * outFeatures).update(from: bias.value.pointer, count: outFeatures) }
        }
        // By blocks of output features: one block for Float32 weights, several for Float16 storage.
        weight.forEachRowBlock(pool: x.pool) { rows, w in
            BLAS.gemm(transB: true, m: n, n: rows.count, k: inFeatures, a: x.pointer, lda: inFeatures,
                      b: w, ldb: inFeatures, beta: bias == nil ? 0 : 1, c: y.pointer + rows.lowerBound, ldc: outFeatures)
        }
        return y
    }

    /// gradOutput: (N, out) -> (N, in)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput else { preconditionFailure("Linear.backward before forward") }
        let n = x.shape[0]
        precondition(gradOutput.shape == [n, outFeatures], "Linear gradient \(gradOutput.shape), expected \([n, outFeatures])")
        let dy = gradOutput.contiguous()
        // dW (out, in) += dy^T (out, N) x (N, in)
        BLAS.gemm(transA: true, m: outFeatures, n: inFeatures, k: n, a: dy.pointer, lda: outFeatures,
                  b: x.pointer, ldb: inFeatures, beta: 1, c: weight.grad.pointer, ldc: inFeatures)
        if let bias {
            let db = bias.grad.pointer
            for i in 0..<n { for o in 0..<outFeatures { db[o] += dy.pointer[i * outFeatures + o] } }
        }
        let dx = Tensor(uninitialized: [n, inFeatures], pool: x.pool)
        BLAS.gemm(m: n, n: inFeatures, k: outFeatures, a: dy.pointer, lda: outFeatures,
                  b: weight.value.pointer, ldb: inFeatures, c: dx.pointer, ldc: inFeatures)
        return dx
    }
}

extension Linear: PrecisionSelectable {
    public func applyPrecision(_ precision: ComputePrecision) {
        self.precision = precision
        packedWeight = precision == .bfloat16
            ? BF16Matrix(rows: inFeatures, cols: outFeatures, source: weight.value.pointer, ld: inFeatures, transposed: true)
            : nil
    }

    public var reducedWeightBytes: Int { packedWeight?.byteCount ?? 0 }
}
