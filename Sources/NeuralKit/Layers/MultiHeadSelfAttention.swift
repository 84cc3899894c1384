// Multi-head self-attention (Vaswani et al. 2017) over a batch-first sequence, with PyTorch's
// parameter layout: one input projection `in_proj` (3E, E) producing q, k, v, and `out_proj`
// (E, E). Per sample and head, S = Q K^T / sqrt(dk) and O = softmax(S) V run as strided gemms
// straight on the projection buffer, so no per-head copies are made. Backward keeps the attention
// probabilities; they double as attention maps for explainability (`lastAttention`).
import Foundation

/// Self-attention on (N, T, E) with `heads` heads.
public final class MultiHeadSelfAttention: Layer {
    public let embedDim: Int, heads: Int
    public let inProj: Linear, outProj: Linear
    private var qkv: Tensor?               // (N*T, 3E)
    /// Attention probabilities of the last forward: (N, heads, T, T).
    public private(set) var lastAttention: Tensor?
    private var lastShape: [Int] = []

    public init(embedDim: Int, heads: Int, rng: inout SeededRandom) {
        precondition(embedDim % heads == 0, "embedding \(embedDim) not divisible by \(heads) heads")
        self.embedDim = embedDim; self.heads = heads
        inProj = Linear(embedDim, 3 * embedDim, rng: &rng)
        outProj = Linear(embedDim, embedDim, rng: &rng)
    }

    public var children: [(String, any Layer)] { [("in_proj", inProj), ("out_proj", outProj)] }

    /// input: (N, T, E) -> (N, T, E)
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 3 && input.shape[2] == embedDim,
                     "MultiHeadSelfAttention(\(embedDim)) got input \(input.shape), expected (N, T, \(embedDim))")
        let n = input.shape[0], t = input.shape[1], e = embedDim, dk = e / heads
        let scale = 1 / Float(dk).squareRoot()
        let p = inProj.forward(input.contiguous().reshaped([n * t, e]))     // (N*T, 3E)
        let probs = Tensor(uninitialized: [n, heads, t, t], pool: p.pool)
        let o = Tensor(uninitialized: [n * t, e], pool: p.pool)
        for b in 0..<n {
            for h in 0..<heads {
                let q = p.pointer + b * t * 3 * e + h * dk, k = q + e, v = q + 2 * e
                let s = probs.pointer + (b * heads + h) * t * t
                BLAS.gemm(transB: true, m: t, n: t, k: dk, alpha: scale, a: q, lda: 3 * e, b: k, ldb: 3 * e, c: s, ldc: t)
                for i in 0..<t {
                    let row = s + i * t
                    var m = -Float.infinity
                    for j in 0..<t { m = max(m, row[j]) }
                    var sum: Float = 0
                    for j in 0..<t { row[j] = expf(row[j] - m); sum += row[j] }
                    for j in 0..<t { row[j] /= sum }
                }
                BLAS.gemm(m: t, n: dk, k: t, a: s, lda: t, b: v, ldb: 3 * e, c: o.pointer + b * t * e + h * dk, ldc: e)
            }
        }
        qkv = p; lastAttention = probs; lastShape = input.shape
        return outProj.forward(o).reshaped([n, t, e])
    }

    /// gradOutput: (N, T, E) -> (N, T, E)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let p = qkv, let probs = lastAttention else { preconditionFailure("MultiHeadSelfAttention.backward before forward") }
        precondition(gradOutput.shape == lastShape, "attention gradient \(gradOutput.shape), expected \(lastShape)")
        let n = lastShape[0], t = lastShape[1], e = embedDim, dk = e / heads
        let scale = 1 / Float(dk).squareRoot()
        let dO = outProj.backward(gradOutput.contiguous().reshaped([n * t, e]))      // (N*T, E)
        let dqkv = Tensor(uninitialized: [n * t, 3 * e], pool: p.pool)
        let dS = Tensor(uninitialized: [t, t], pool: p.pool)
        for b in 0..<n {
            for h in 0..<heads {
                let q = p.pointer + b * t * 3 * e + h * dk, k = q + e, v = q + 2 * e
                let dq = dqkv.pointer + b * t * 3 * e + h * dk, dkp = dq + e, dv = dq + 2 * e
                let s = probs.pointer + (b * heads + h) * t * t, g = dO.pointer + b * t * e + h * dk
                // dV = P^T dO; dP = dO V^T
                BLAS.gemm(transA: true, m: t, n: dk, k: t, a: s, lda: t, b: g, ldb: e, c: dv, ldc: 3 * e)
                BLAS.gemm(transB: true, m: t, n: t, k: dk, a: g, lda: e, b: v, ldb: 3 * e, c: dS.pointer, ldc: t)
                for i in 0..<t {                                   // softmax backward, row by row
                    let pr = s + i * t, dr = dS.pointer + i * t
                    var dot: Float = 0
                    for j in 0..<t { dot += pr[j] * dr[j] }
                    for j in 0..<t { dr[j] = pr[j] * (dr[j] - dot) }
                }
                // dQ = scale dS K; dK = scale dS^T Q
                BLAS.gemm(m: t, n: dk, k: t, alpha: scale, a: dS.pointer, lda: t, b: k, ldb: 3 * e, c: dq, ldc: 3 * e)
                BLAS.gemm(transA: true, m: t, n: dk, k: t, alpha: scale, a: dS.pointer, lda: t, b: q, ldb: 3 * e, c: dkp, ldc: 3 * e)
            }
        }
        return inProj.backward(dqkv).reshaped([n, t, e])
    }
}
