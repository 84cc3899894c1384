// Cosine annealing (Loshchilov & Hutter, without restarts), a pure function of the epoch.
import Foundation

/// lr(epoch) = min + (initial - min) (1 + cos(pi epoch / total)) / 2, held at min after `total`.
public struct CosineAnnealing: Codable, Equatable, Sendable {
    public var initial: Float, minimum: Float, total: Int
    public init(initial: Float, minimum: Float = 0, total: Int) {
        precondition(total > 0, "cosine schedule over \(total) epochs")
        self.initial = initial; self.minimum = minimum; self.total = total
    }
    public func learningRate(epoch: Int) -> Float {
        let t = Float(min(epoch, total)) / Float(total)
        return minimum + (initial - minimum) * (1 + cosf(.pi * t)) / 2
    }
}
