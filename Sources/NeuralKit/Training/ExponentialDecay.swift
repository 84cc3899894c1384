// Exponential learning-rate decay, a pure function of the epoch.
import Foundation

/// lr(epoch) = initial * gamma^epoch.
public struct ExponentialDecay: Codable, Equatable, Sendable {
    public var initial: Float, gamma: Float
    public init(initial: Float, gamma: Float) { self.initial = initial; self.gamma = gamma }
    public func learningRate(epoch: Int) -> Float { initial * powf(gamma, Float(epoch)) }
}
