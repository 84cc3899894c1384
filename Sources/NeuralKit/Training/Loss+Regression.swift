// Regression losses, averaged over elements: mean squared error (autoencoder reconstruction) and
// mean absolute error (whose gradient at an exact zero difference is taken as 0).

extension Loss {
    /// mean((p - t)^2). prediction: any shape; target: same shape.
    public static func mse(_ prediction: Tensor, _ target: Tensor) -> LossResult {
        precondition(prediction.shape == target.shape, "MSE prediction \(prediction.shape) vs target \(target.shape)")
        let p = prediction.contiguous(), t = target.contiguous(), n = p.count
        let grad = Tensor(uninitialized: p.shape, pool: p.pool)
        var total = 0.0
        for i in 0..<n {
            let d = p.pointer[i] - t.pointer[i]
            total += Double(d) * Double(d)
            grad.pointer[i] = 2 * d / Float(n)
        }
        return LossResult(value: Float(total / Double(n)), gradient: grad)
    }

    /// mean(|p - t|). prediction: any shape; target: same shape.
    public static func l1(_ prediction: Tensor, _ target: Tensor) -> LossResult {
        precondition(prediction.shape == target.shape, "L1 prediction \(prediction.shape) vs target \(target.shape)")
        let p = prediction.contiguous(), t = target.contiguous(), n = p.count
        let grad = Tensor(uninitialized: p.shape, pool: p.pool)
        var total = 0.0
        for i in 0..<n {
            let d = p.pointer[i] - t.pointer[i]
            total += Double(abs(d))
            grad.pointer[i] = (d > 0 ? 1 : d < 0 ? -1 : 0) / Float(n)
        }
        return LossResult(value: Float(total / Double(n)), gradient: grad)
    }
}
