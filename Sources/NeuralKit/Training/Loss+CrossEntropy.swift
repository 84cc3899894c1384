// Multi-class cross-entropy on logits (log-softmax computed stably), with optional class weights
// normalised as PyTorch does: sum_i w[y_i] * nll_i / sum_i w[y_i].
import Foundation

extension Loss {
    /// logits: (N, K); labels: N class indices in 0..<K; classWeights: K values or nil.
    public static func crossEntropy(_ logits: Tensor, labels: [Int], classWeights: [Float]? = nil) -> LossResult {
        precondition(logits.rank == 2 && logits.shape[0] == labels.count,
                     "cross-entropy logits \(logits.shape) for \(labels.count) labels")
        let z = logits.contiguous(), n = z.shape[0], k = z.shape[1]
        precondition(classWeights == nil || classWeights!.count == k, "\(classWeights?.count ?? 0) class weights for \(k) classes")
        let grad = Tensor(uninitialized: z.shape, pool: z.pool)
        var total = 0.0, weightSum = 0.0
        for i in 0..<n { weightSum += Double(classWeights?[labels[i]] ?? 1) }
        for i in 0..<n {
            let y = labels[i]
            precondition(y >= 0 && y < k, "label \(y) outside 0..<\(k)")
            let row = z.pointer + i * k, g = grad.pointer + i * k
            var m = -Float.infinity
            for j in 0..<k { m = max(m, row[j]) }
            var s: Float = 0
            for j in 0..<k { s += expf(row[j] - m) }
            let logSum = m + logf(s), w = classWeights?[y] ?? 1
            total += Double(w) * Double(logSum - row[y])
            let scale = w / Float(weightSum)
            for j in 0..<k { g[j] = scale * (expf(row[j] - logSum) - (j == y ? 1 : 0)) }
        }
        return LossResult(value: Float(total / weightSum), gradient: grad)
    }
}
