// Loss functions: each returns the mean loss and its gradient with respect to the prediction,
// ready to hand to the model's `backward`. Sums are accumulated in Double. Logit-based losses use
// the stable forms log(sigmoid(z)) = -softplus(-z) and log(1 - sigmoid(z)) = -softplus(z), so
// large logits never produce log(0).
import Foundation

/// A loss value and dLoss/dPrediction (same shape as the prediction).
public struct LossResult {
    public var value: Float
    public var gradient: Tensor
}

/// Loss functions on predictions and targets.
public enum Loss {
    /// log(1 + e^z) without overflow.
    @inline(__always) static func softplus(_ z: Float) -> Float {
        z > 0 ? z + log1pf(expf(-z)) : log1pf(expf(z))
    }

    @inline(__always) static func sigmoid(_ z: Float) -> Float { 1 / (1 + expf(-z)) }

    /// Binary cross-entropy on logits, averaged over elements, with optional class weights:
    /// -w1 y log(sigmoid z) - w0 (1 - y) log(1 - sigmoid z). Class-weighted BCE is
    /// `positiveWeight`/`negativeWeight` != 1 (e.g. the inverse class frequencies).
    /// logits: any shape; targets: same shape, values in [0, 1].
    public static func bceWithLogits(_ logits: Tensor, _ targets: Tensor,
                                     positiveWeight: Float = 1, negativeWeight: Float = 1) -> LossResult {
        precondition(logits.shape == targets.shape, "BCE logits \(logits.shape) vs targets \(targets.shape)")
        let z = logits.contiguous(), y = targets.contiguous(), n = z.count
        let grad = Tensor(uninitialized: z.shape, pool: z.pool)
        var total = 0.0
        for i in 0..<n {
            let zi = z.pointer[i], yi = y.pointer[i]
            total += Double(positiveWeight * yi * softplus(-zi) + negativeWeight * (1 - yi) * softplus(zi))
            let s = sigmoid(zi)
            grad.pointer[i] = (positiveWeight * yi * (s - 1) + negativeWeight * (1 - yi) * s) / Float(n)
        }
        return LossResult(value: Float(total / Double(n)), gradient: grad)
    }

    /// Focal loss (Lin et al. 2017) on logits with 0/1 targets, averaged over elements:
    /// -alpha_t (1 - p_t)^gamma log(p_t), where p_t = sigmoid(z) for y = 1 and 1 - sigmoid(z) for y = 0,
    /// alpha_t = alpha for y = 1 and 1 - alpha for y = 0. gamma = 0, alpha = 0.5 is BCE / 2.
    /// logits: any shape; targets: same shape, 0 or 1.
    public static func focal(_ logits: Tensor, _ targets: Tensor, gamma: Float = 2, alpha: Float = 0.25) -> LossResult {
        precondition(logits.shape == targets.shape, "focal logits \(logits.shape) vs targets \(targets.shape)")
        let z = logits.contiguous(), y = targets.contiguous(), n = z.count
        let grad = Tensor(uninitialized: z.shape, pool: z.pool)
        var total = 0.0
        for i in 0..<n {
            let positive = y.pointer[i] >= 0.5
            let sgn: Float = positive ? 1 : -1, at = positive ? alpha : 1 - alpha
            let u = sgn * z.pointer[i]                  // p_t = sigmoid(u)
            let logPt = -softplus(-u), pt = sigmoid(u), q = 1 - pt
            let qg = gamma == 0 ? 1 : powf(q, gamma)
            total += Double(-at * qg * logPt)
            // d/du [-(1-p)^g log p] = g (1-p)^g p log p - (1-p)^(g+1), using dp/du = p (1 - p)
            let dldu = at * (gamma * qg * pt * logPt - qg * q)
            grad.pointer[i] = sgn * dldu / Float(n)
        }
        return LossResult(value: Float(total / Double(n)), gradient: grad)
    }
}
