// What a convolution applies to its output while the output is still in cache: the bias and,
// for inference chains folded by `Sequential.foldingBatchNorm()`, the ReLU or ReLU6 that
// followed it. Fusing saves a full read and write of the activation per layer (MobileNetV2's
// expanded 112x112x96 maps are 4.8 MB each). `apply` is the one place both conv kernels finish a
// plane; `Activation` stays the reference.

/// A clamp applied after bias, inside the convolution kernels.
public enum ConvEpilogue: Sendable, Equatable {
    case none, relu, relu6

    /// The activation kind this epilogue replaces, if it can (relu and relu6 only).
    public init?(_ kind: Activation.Kind) {
        switch kind {
        case .relu: self = .relu
        case .relu6: self = .relu6
        default: return nil
        }
    }

    /// Lower and upper clamp bounds.
    var bounds: (Float, Float) {
        switch self {
        case .none: return (-.infinity, .infinity)
        case .relu: return (0, .infinity)
        case .relu6: return (0, 6)
        }
    }

    /// v clamped to [lo, hi] lane by lane. Not `SIMD.clamped(lowerBound:upperBound:)`: on Linux that
    /// calls the generic `pointwiseMin`/`pointwiseMax` out of line, ten times slower than this
    /// (57% of the samples of a profiled MobileNetV2 run used `clamped`).
    @inline(__always) static func clamp(_ v: SIMD8<Float>, _ lo: SIMD8<Float>, _ hi: SIMD8<Float>) -> SIMD8<Float> {
        var r = v
        r.replace(with: lo, where: r .< lo)
        r.replace(with: hi, where: r .> hi)
        return r
    }

    /// y[i] = clamp(y[i] + bias) for i in 0..<count, eight lanes at a time.
    /// y: one output plane, `count` floats.
    @inline(__always) func apply(_ y: UnsafeMutablePointer<Float>, count: Int, bias: Float) {
        if self == .none && bias == 0 { return }
        let (lo, hi) = bounds
        let b8 = SIMD8<Float>(repeating: bias), lo8 = SIMD8<Float>(repeating: lo), hi8 = SIMD8<Float>(repeating: hi)
        let raw = UnsafeMutableRawPointer(y)
        var i = 0
        while i + 8 <= count {
            let v = (raw + i * 4).loadUnaligned(as: SIMD8<Float>.self) + b8
            (raw + i * 4).storeBytes(of: ConvEpilogue.clamp(v, lo8, hi8), as: SIMD8<Float>.self)
            i += 8
        }
        while i < count { y[i] = min(max(y[i] + bias, lo), hi); i += 1 }
    }

    /// dy masked where the clamp was active, judged from the clamped output y (y in (lo, hi) passes).
    /// y, dy: `count` floats; the result goes to `dx`.
    func mask(y: UnsafePointer<Float>, dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, count: Int) {
        let (lo, hi) = bounds
        for i in 0..<count { dx[i] = y[i] > lo && y[i] < hi ? dy[i] : 0 }
    }
}
