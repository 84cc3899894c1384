// Element-wise activations with their derivatives, one layer type parameterised by kind so models
// read `Activation(.relu6)`. Sigmoid and tanh run eight lanes at a time (`FastMath`); `value` is
// their scalar reference. GELU is the exact erf form (PyTorch's default); SiLU is x * sigmoid(x).
import Foundation

/// An element-wise non-linearity.
public final class Activation: Layer {
    /// Which function.
    public enum Kind: Sendable, Equatable {
        case relu, relu6, leakyReLU(slope: Float), silu, gelu, sigmoid, tanh
    }

    public let kind: Kind
    private var lastInput: Tensor?

    public init(_ kind: Kind) { self.kind = kind }

    /// f(v) for one value.
    @inline(__always) public static func value(_ kind: Kind, _ v: Float) -> Float {
        switch kind {
        case .relu: return max(v, 0)
        case .relu6: return min(max(v, 0), 6)
        case .leakyReLU(let a): return v > 0 ? v : a * v
        case .silu: return v / (1 + expf(-v))
        case .gelu: return 0.5 * v * (1 + erff(v * 0.70710678))
        case .sigmoid: return 1 / (1 + expf(-v))
        case .tanh: return tanhf(v)
        }
    }

    /// f'(v) for one value.
    @inline(__always) public static func derivative(_ kind: Kind, _ v: Float) -> Float {
        switch kind {
        case .relu: return v > 0 ? 1 : 0
        case .relu6: return v > 0 && v < 6 ? 1 : 0
        case .leakyReLU(let a): return v > 0 ? 1 : a
        case .silu: let s = 1 / (1 + expf(-v)); return s * (1 + v * (1 - s))
        case .gelu:
            let cdf = 0.5 * (1 + erff(v * 0.70710678))
            let pdf = expf(-0.5 * v * v) / (2 * Float.pi).squareRoot()
            return cdf + v * pdf
        case .sigmoid: let s = 1 / (1 + expf(-v)); return s * (1 - s)
        case .tanh: let t = tanhf(v); return 1 - t * t
        }
    }

    /// input: any shape -> same shape
    public func forward(_ input: Tensor) -> Tensor {
        let x = input.contiguous()
        let y = Tensor(uninitialized: x.shape, pool: x.pool)
        let src = x.pointer, dst = y.pointer, k = kind
        // Chunks of at least `Parallel.minimumWork` elements over `Parallel`'s threads. The common kinds get their own
        // loops so the switch is not inside the element loop.
        Parallel.forEach(x.count, grain: Parallel.minimumWork) { r in
            switch k {
            case .relu: for i in r { dst[i] = max(src[i], 0) }
            case .relu6: for i in r { dst[i] = min(max(src[i], 0), 6) }
            case .leakyReLU(let a): for i in r { let v = src[i]; dst[i] = v > 0 ? v : a * v }
            case .sigmoid: FastMath.map(src + r.lowerBound, dst + r.lowerBound, count: r.count, FastMath.sigmoid) { Activation.value(.sigmoid, $0) }
            case .tanh: FastMath.map(src + r.lowerBound, dst + r.lowerBound, count: r.count, FastMath.tanh, tanhf)
            default: for i in r { dst[i] = Activation.value(k, src[i]) }
            }
        }
        lastInput = x
        return y
    }

    /// gradOutput: like input -> like input
    public func backward(_ gradOutput: Tensor) -> Tensor {
        guard let x = lastInput else { preconditionFailure("Activation.backward before forward") }
        precondition(gradOutput.shape == x.shape, "Activation gradient \(gradOutput.shape), expected \(x.shape)")
        let dy = gradOutput.contiguous()
        let dx = Tensor(uninitialized: x.shape, pool: x.pool)
        let src = x.pointer, g = dy.pointer, dst = dx.pointer, n = x.count
        switch kind {
        case .relu: for i in 0..<n { dst[i] = src[i] > 0 ? g[i] : 0 }
        case .relu6: for i in 0..<n { dst[i] = src[i] > 0 && src[i] < 6 ? g[i] : 0 }
        default: let k = kind; for i in 0..<n { dst[i] = g[i] * Activation.derivative(k, src[i]) }
        }
        return dx
    }
}
