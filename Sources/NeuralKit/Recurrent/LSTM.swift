// Long short-term memory over a batch-first sequence, optionally bidirectional (the temporal
// branch reads per-frame embeddings both ways). Gates follow PyTorch: i, f, g, o stacked in the
// weights; c' = f c + i g, h' = o tanh(c'); zero initial state. The input projection of all steps
// is one gemm; each step adds h W_hh^T with a strided gemm. Backward is backpropagation through
// time over the cached gates and cell states. The two directions of a forward pass run on two
// threads (`Parallel`). Stack layers with `Sequential` for depth.
import Foundation

/// A one-layer (bi)directional LSTM on (N, T, F) -> (N, T, D*H).
public final class LSTM: Layer {
    public let inputSize: Int, hiddenSize: Int, bidirectional: Bool
    let directions: [RecurrentWeights]
    private var lastInput: Tensor?
    private var gates: [Tensor] = [], cells: [Tensor] = [], hiddens: [Tensor] = []   // per direction

    /// `layerIndex` only names the parameters (`_l1`, ...) when layers are stacked (`RecurrentStack`).
    public init(inputSize: Int, hiddenSize: Int, bidirectional: Bool = false, layerIndex: Int = 0, rng: inout SeededRandom) {
        self.inputSize = inputSize; self.hiddenSize = hiddenSize; self.bidirectional = bidirectional
        var d = [RecurrentWeights(gates: 4, input: inputSize, hidden: hiddenSize, reverse: false, layer: layerIndex, rng: &rng)]
        if bidirectional { d.append(RecurrentWeights(gates: 4, input: inputSize, hidden: hiddenSize, reverse: true, layer: layerIndex, rng: &rng)) }
        directions = d
    }

    public var ownParameters: [(String, Parameter)] { directions.flatMap(\.named) }

    @inline(__always) static func sigmoid(_ v: Float) -> Float { 1 / (1 + expf(-v)) }

    /// input: (N, T, F) -> (N, T, D*H), forward direction's features first
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 3 && input.shape[2] == inputSize,
                     "LSTM(\(inputSize)->\(hiddenSize)) got input \(input.shape), expected (N, T, \(inputSize))")
        let x = input.contiguous(), n = x.shape[0], t = x.shape[1], h = hiddenSize, dCount = directions.count
        let y = Tensor(uninitialized: [n, t, dCount * h], pool: x.pool)
        gates = directions.map { _ in Tensor(uninitialized: [n * t, 4 * h], pool: x.pool) }   // activated i, f, g, o per (n, t)
        cells = directions.map { _ in Tensor(uninitialized: [n, t, h], pool: x.pool) }
        hiddens = directions.map { _ in Tensor(uninitialized: [n, t, h], pool: x.pool) }
        // The two directions are independent until they meet in y (disjoint halves of each row).
        let (g, c, hs) = (gates, cells, hiddens)
        Parallel.forEach(dCount) { ds in
            for d in ds { forwardDirection(d, x: x, y: y, gates: g[d], cells: c[d], hiddens: hs[d]) }
        }
        lastInput = x
        return y
    }

    /// One direction over the whole sequence. x: (N, T, F); y: (N, T, D*H), this direction's half
    /// written; gates: (N*T, 4H); cells, hiddens: (N, T, H).
    private func forwardDirection(_ d: Int, x: Tensor, y: Tensor, gates g: Tensor, cells c: Tensor, hiddens hs: Tensor) {
        let n = x.shape[0], t = x.shape[1], h = hiddenSize, dCount = directions.count, w = directions[d]
        w.projectInput(x, into: g)
        var prev: Int? = nil
        for s in RecurrentWeights.steps(t, reverse: d == 1) {
            if let p = prev {
                BLAS.gemm(transB: true, m: n, n: 4 * h, k: h, a: hs.pointer + p * h, lda: t * h,
                          b: w.wHH.value.pointer, ldb: h, beta: 1, c: g.pointer + s * 4 * h, ldc: t * 4 * h)
            }
            for b in 0..<n {
                let row = g.pointer + (b * t + s) * 4 * h, cs = c.pointer + (b * t + s) * h
                let ho = hs.pointer + (b * t + s) * h, out = y.pointer + (b * t + s) * dCount * h + d * h
                let cp = prev.map { c.pointer + (b * t + $0) * h }
                let bias = w.bHH.value.pointer
                // Eight hidden units at a time with the vectorised sigmoid and tanh; the scalar loop
                // below finishes the rest (and is the same arithmetic with libm).
                let r = UnsafeMutableRawPointer(row), bb = UnsafeRawPointer(bias)
                var j0 = 0
                while j0 + 8 <= h {
                    typealias V = SIMD8<Float>
                    @inline(__always) func gate(_ q: Int) -> V {
                        r.loadUnaligned(fromByteOffset: (q * h + j0) * 4, as: V.self) + bb.loadUnaligned(fromByteOffset: (q * h + j0) * 4, as: V.self)
                    }
                    let i = FastMath.sigmoid(gate(0)), f = FastMath.sigmoid(gate(1))
                    let gg = FastMath.tanh(gate(2)), o = FastMath.sigmoid(gate(3))
                    r.storeBytes(of: i, toByteOffset: j0 * 4, as: V.self)
                    r.storeBytes(of: f, toByteOffset: (h + j0) * 4, as: V.self)
                    r.storeBytes(of: gg, toByteOffset: (2 * h + j0) * 4, as: V.self)
                    r.storeBytes(of: o, toByteOffset: (3 * h + j0) * 4, as: V.self)
                    let cPrev = cp.map { UnsafeRawPointer($0).loadUnaligned(fromByteOffset: j0 * 4, as: V.self) } ?? V()
                    let cn = f * cPrev + i * gg, hn = o * FastMath.tanh(cn)
                    UnsafeMutableRawPointer(cs).storeBytes(of: cn, toByteOffset: j0 * 4, as: V.self)
                    UnsafeMutableRawPointer(ho).storeBytes(of: hn, toByteOffset: j0 * 4, as: V.self)
                    UnsafeMutableRawPointer(out).storeBytes(of: hn, toByteOffset: j0 * 4, as: V.self)
                    j0 += 8
                }
                for j in j0..<h {
                    let i = LSTM.sigmoid(row[j] + w.bHH.value.pointer[j])
                    let f = LSTM.sigmoid(row[h + j] + w.bHH.value.pointer[h + j])
                    let gg = tanhf(row[2 * h + j] + w.bHH.value.pointer[2 * h + j])
                    let o = LSTM.sigmoid(row[3 * h + j] + w.bHH.value.pointer[3 * h + j])
                    row[j] = i; row[h + j] = f; row[2 * h + j] = gg; row[3 * h + j] = o
                    let cn = f * (cp?[j] ?? 0) + i * gg
                    cs[j] = cn
                    ho[j] = o * tanhf(cn); out[j] = ho[j]
                }
            }
            prev = s
        }
    }

    /// gradOutput: (N, T, D*H) -> (N, T, F)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput else { preconditionFailure("LSTM.backward before forward") }
        let n = x.shape[0], t = x.shape[1], h = hiddenSize, dCount = directions.count
        precondition(gradOutput.shape == [n, t, dCount * h], "LSTM gradient \(gradOutput.shape), expected \([n, t, dCount * h])")
        let dy = gradOutput.contiguous()
        let dx = Tensor(uninitialized: x.shape, pool: x.pool)
        for (d, w) in directions.enumerated() {
            let g = gates[d], c = cells[d], hs = hiddens[d]
            let dPre = Tensor(uninitialized: [n * t, 4 * h], pool: x.pool)
            let dhNext = Tensor(zeros: [n, h], pool: x.pool), dcNext = Tensor(zeros: [n, h], pool: x.pool)
            let order = RecurrentWeights.steps(t, reverse: d == 1)
            for (k, s) in order.enumerated().reversed() {
                let prev: Int? = k > 0 ? order[k - 1] : nil
                for b in 0..<n {
                    let row = g.pointer + (b * t + s) * 4 * h, da = dPre.pointer + (b * t + s) * 4 * h
                    let cs = c.pointer + (b * t + s) * h, cp = prev.map { c.pointer + (b * t + $0) * h }
                    let gy = dy.pointer + (b * t + s) * dCount * h + d * h
                    let dhn = dhNext.pointer + b * h, dcn = dcNext.pointer + b * h
                    for j in 0..<h {
                        let i = row[j], f = row[h + j], gg = row[2 * h + j], o = row[3 * h + j]
                        let tc = tanhf(cs[j]), dh = gy[j] + dhn[j]
                        let dc = dh * o * (1 - tc * tc) + dcn[j]
                        da[j] = dc * gg * i * (1 - i)
                        da[h + j] = dc * (cp?[j] ?? 0) * f * (1 - f)
                        da[2 * h + j] = dc * i * (1 - gg * gg)
                        da[3 * h + j] = dh * tc * o * (1 - o)
                        dcn[j] = dc * f
                        for q in 0..<4 { w.bHH.grad.pointer[q * h + j] += da[q * h + j] }
                    }
                }
                // dh_prev = dA W_hh; dW_hh += dA^T h_prev (no recurrent term at the first step).
                if let p = prev {
                    BLAS.gemm(m: n, n: h, k: 4 * h, a: dPre.pointer + s * 4 * h, lda: t * 4 * h,
                              b: w.wHH.value.pointer, ldb: h, c: dhNext.pointer, ldc: h)
                    BLAS.gemm(transA: true, m: 4 * h, n: h, k: n, a: dPre.pointer + s * 4 * h, lda: t * 4 * h,
                              b: hs.pointer + p * h, ldb: t * h, beta: 1, c: w.wHH.grad.pointer, ldc: h)
                }
            }
            w.backInput(dPre, x, dx, accumulate: d > 0)
        }
        return dx
    }
}
