// Weights of one direction of a recurrent layer, in PyTorch's layout and names
// (`weight_ih_l0` (G*H, F), `weight_hh_l0` (G*H, H), `bias_ih_l0`, `bias_hh_l0`, with `_reverse`
// for the backward direction and `_l1`, `_l2`, ... for stacked layers), G = 4 gates for LSTM (i, f, g, o) and 3 for GRU (r, z, n). Also
// the step order of a direction and the gemm helpers both cells share.

/// One direction's parameters.
final class RecurrentWeights {
    let wIH: Parameter, wHH: Parameter, bIH: Parameter, bHH: Parameter
    let suffix: String

    init(gates: Int, input: Int, hidden: Int, reverse: Bool, layer: Int = 0, rng: inout SeededRandom) {
        let bound = 1 / Float(hidden).squareRoot()   // PyTorch: U(-1/sqrt(H), 1/sqrt(H)) for all
        wIH = Parameter(Tensor(shape: [gates * hidden, input], rng: &rng) { $0.uniform(-bound, bound) })
        wHH = Parameter(Tensor(shape: [gates * hidden, hidden], rng: &rng) { $0.uniform(-bound, bound) })
        bIH = Parameter(Tensor(shape: [gates * hidden], rng: &rng) { $0.uniform(-bound, bound) })
        bHH = Parameter(Tensor(shape: [gates * hidden], rng: &rng) { $0.uniform(-bound, bound) })
        suffix = "_l\(layer)" + (reverse ? "_reverse" : "")
    }

    var named: [(String, Parameter)] {
        [("weight_ih" + suffix, wIH), ("weight_hh" + suffix, wHH),
         ("bias_ih" + suffix, bIH), ("bias_hh" + suffix, bHH)]
    }

    /// Time steps in processing order.
    static func steps(_ t: Int, reverse: Bool) -> [Int] { reverse ? Array((0..<t).reversed()) : Array(0..<t) }

    /// out (N*T, G*H) = x (N*T, F) W_ih^T + b_ih: the input projection of every step in one gemm.
    func projectInput(_ x: Tensor, into out: Tensor) {
        let rows = x.shape[0] * x.shape[1], f = x.shape[2], gh = wIH.shape[0]
        for r in 0..<rows { (out.pointer + r * gh).update(from: bIH.value.pointer, count: gh) }
        BLAS.gemm(transB: true, m: rows, n: gh, k: f, a: x.pointer, lda: f, b: wIH.value.pointer, ldb: f,
                  beta: 1, c: out.pointer, ldc: gh)
    }

    /// After BPTT: dW_ih += dPre^T x, db_ih += sum dPre, dx (+)= dPre W_ih.
    /// dPre: (N*T, G*H); x: (N, T, F); dx: (N, T, F), accumulated when `accumulate`.
    func backInput(_ dPre: Tensor, _ x: Tensor, _ dx: Tensor, accumulate: Bool) {
        let rows = x.shape[0] * x.shape[1], f = x.shape[2], gh = wIH.shape[0]
        BLAS.gemm(transA: true, m: gh, n: f, k: rows, a: dPre.pointer, lda: gh, b: x.pointer, ldb: f,
                  beta: 1, c: wIH.grad.pointer, ldc: f)
        for r in 0..<rows { for j in 0..<gh { bIH.grad.pointer[j] += dPre.pointer[r * gh + j] } }
        BLAS.gemm(m: rows, n: f, k: gh, a: dPre.pointer, lda: gh, b: wIH.value.pointer, ldb: f,
                  beta: accumulate ? 1 : 0, c: dx.pointer, ldc: f)
    }
}
