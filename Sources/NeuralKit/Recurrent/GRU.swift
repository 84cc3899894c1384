// Gated recurrent unit over a batch-first sequence, optionally bidirectional. PyTorch's form
// (ONNX's linear_before_reset = 1): r = s(x W_ir + b_ir + h W_hr + b_hr),
// z = s(x W_iz + b_iz + h W_hz + b_hz), n = tanh(x W_in + b_in + r (h W_hn + b_hn)),
// h' = (1 - z) n + z h; zero initial state. Weights stack the gates r, z, n. Backward is
// backpropagation through time over the cached gates.
import Foundation

/// A one-layer (bi)directional GRU on (N, T, F) -> (N, T, D*H).
public final class GRU: Layer {
    public let inputSize: Int, hiddenSize: Int, bidirectional: Bool
    let directions: [RecurrentWeights]
    private var lastInput: Tensor?
    // Per direction: x-projection then activated r, z, n per (n, t); h W_hn + b_hn per (n, t); hidden states.
    private var gates: [Tensor] = [], recurrentN: [Tensor] = [], hiddens: [Tensor] = []

    /// `layerIndex` only names the parameters (`_l1`, ...) when layers are stacked (`RecurrentStack`).
    public init(inputSize: Int, hiddenSize: Int, bidirectional: Bool = false, layerIndex: Int = 0, rng: inout SeededRandom) {
        self.inputSize = inputSize; self.hiddenSize = hiddenSize; self.bidirectional = bidirectional
        var d = [RecurrentWeights(gates: 3, input: inputSize, hidden: hiddenSize, reverse: false, layer: layerIndex, rng: &rng)]
        if bidirectional { d.append(RecurrentWeights(gates: 3, input: inputSize, hidden: hiddenSize, reverse: true, layer: layerIndex, rng: &rng)) }
        directions = d
    }

    public var ownParameters: [(String, Parameter)] { directions.flatMap(\.named) }

    /// input: (N, T, F) -> (N, T, D*H), forward direction's features first
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 3 && input.shape[2] == inputSize,
                     "GRU(\(inputSize)->\(hiddenSize)) got input \(input.shape), expected (N, T, \(inputSize))")
        let x = input.contiguous(), n = x.shape[0], t = x.shape[1], h = hiddenSize, dCount = directions.count
        let y = Tensor(uninitialized: [n, t, dCount * h], pool: x.pool)
        gates = []; recurrentN = []; hiddens = []
        for (d, w) in directions.enumerated() {
            let g = Tensor(uninitialized: [n * t, 3 * h], pool: x.pool)
            let hn = Tensor(uninitialized: [n * t, h], pool: x.pool), hs = Tensor(uninitialized: [n, t, h], pool: x.pool)
            let rec = Tensor(uninitialized: [n, 3 * h], pool: x.pool)      // h_prev W_hh^T + b_hh
            w.projectInput(x, into: g)
            var prev: Int? = nil
            for s in RecurrentWeights.steps(t, reverse: d == 1) {
                for b in 0..<n { (rec.pointer + b * 3 * h).update(from: w.bHH.value.pointer, count: 3 * h) }
                if let p = prev {
                    BLAS.gemm(transB: true, m: n, n: 3 * h, k: h, a: hs.pointer + p * h, lda: t * h,
                              b: w.wHH.value.pointer, ldb: h, beta: 1, c: rec.pointer, ldc: 3 * h)
                }
                for b in 0..<n {
                    let row = g.pointer + (b * t + s) * 3 * h, rr = rec.pointer + b * 3 * h
                    let hnRow = hn.pointer + (b * t + s) * h, ho = hs.pointer + (b * t + s) * h
                    let hp = prev.map { hs.pointer + (b * t + $0) * h }
                    let out = y.pointer + (b * t + s) * dCount * h + d * h
                    for j in 0..<h {
                        let r = 1 / (1 + expf(-(row[j] + rr[j])))
                        let z = 1 / (1 + expf(-(row[h + j] + rr[h + j])))
                        let nn = tanhf(row[2 * h + j] + r * rr[2 * h + j])
                        row[j] = r; row[h + j] = z; row[2 * h + j] = nn; hnRow[j] = rr[2 * h + j]
                        ho[j] = (1 - z) * nn + z * (hp?[j] ?? 0); out[j] = ho[j]
                    }
                }
                prev = s
            }
            gates.append(g); recurrentN.append(hn); hiddens.append(hs)
        }
        lastInput = x
        return y
    }

    /// gradOutput: (N, T, D*H) -> (N, T, F)
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput else { preconditionFailure("GRU.backward before forward") }
        let n = x.shape[0], t = x.shape[1], h = hiddenSize, dCount = directions.count
        precondition(gradOutput.shape == [n, t, dCount * h], "GRU gradient \(gradOutput.shape), expected \([n, t, dCount * h])")
        let dy = gradOutput.contiguous()
        let dx = Tensor(uninitialized: x.shape, pool: x.pool)
        for (d, w) in directions.enumerated() {
            let g = gates[d], hn = recurrentN[d], hs = hiddens[d]
            let dPre = Tensor(uninitialized: [n * t, 3 * h], pool: x.pool)      // d(x-side pre-activations)
            let dRec = Tensor(uninitialized: [n, 3 * h], pool: x.pool)          // d(h W_hh^T + b_hh)
            let dhNext = Tensor(zeros: [n, h], pool: x.pool)
            let order = RecurrentWeights.steps(t, reverse: d == 1)
            for (k, s) in order.enumerated().reversed() {
                let prev: Int? = k > 0 ? order[k - 1] : nil
                for b in 0..<n {
                    let row = g.pointer + (b * t + s) * 3 * h, da = dPre.pointer + (b * t + s) * 3 * h
                    let dr = dRec.pointer + b * 3 * h, hnRow = hn.pointer + (b * t + s) * h
                    let hp = prev.map { hs.pointer + (b * t + $0) * h }
                    let gy = dy.pointer + (b * t + s) * dCount * h + d * h, dhn = dhNext.pointer + b * h
                    for j in 0..<h {
                        let r = row[j], z = row[h + j], nn = row[2 * h + j], hprev = hp?[j] ?? 0
                        let dh = gy[j] + dhn[j]
                        let dan = dh * (1 - z) * (1 - nn * nn)
                        let daz = dh * (hprev - nn) * z * (1 - z)
                        let dar = dan * hnRow[j] * r * (1 - r)
                        da[j] = dar; da[h + j] = daz; da[2 * h + j] = dan
                        dr[j] = dar; dr[h + j] = daz; dr[2 * h + j] = dan * r
                        dhn[j] = dh * z                                   // direct path; recurrent part added below
                        for q in 0..<3 { w.bHH.grad.pointer[q * h + j] += dr[q * h + j] }
                    }
                }
                if let p = prev {
                    BLAS.gemm(m: n, n: h, k: 3 * h, a: dRec.pointer, lda: 3 * h, b: w.wHH.value.pointer, ldb: h,
                              beta: 1, c: dhNext.pointer, ldc: h)
                    BLAS.gemm(transA: true, m: 3 * h, n: h, k: n, a: dRec.pointer, lda: 3 * h,
                              b: hs.pointer + p * h, ldb: t * h, beta: 1, c: w.wHH.grad.pointer, ldc: h)
                }
            }
            w.backInput(dPre, x, dx, accumulate: d > 0)
        }
        return dx
    }
}
