// How a model holds its weights in memory, and what that costs. Float32 is the default and the
// only storage that trains. For inference, `.float16` halves the weights (IEEE binary16: an 11-bit
// significand, so each weight within 2^-11 of its Float32 value, relative) and widens each one on
// use (`WidenScratch`); `.bfloat16`, for a model computing in bf16 (`setPrecision(.bfloat16)`),
// keeps only the bf16 copies its GEMM layers multiply with (no Float32 master beside them) and
// Float16 for every other weight. Vectors (biases, BatchNorm and LayerNorm parameters, running
// statistics) stay Float32 in every storage: a fraction of a percent of the bytes, read element by
// element in inner loops where widening each read would cost more than it saves.
// Gradients are allocated only by training (`Parameter.grad`).

/// How parameters hold their values.
public enum WeightStorage: String, Sendable, CaseIterable {
    case float32
    case float16
    case bfloat16
}

/// A storage change or a use the current storage cannot serve.
public enum WeightStorageError: Error, CustomStringConvertible, Equatable {
    case trainingNeedsFloat32(storage: WeightStorage, parameter: String)
    case bf16StorageNeedsBF16Compute

    public var description: String {
        switch self {
        case let .trainingNeedsFloat32(storage, parameter):
            return "cannot train a model whose weights are stored as \(storage.rawValue) (\(parameter)): training updates Float32 weights; call setWeightStorage(.float32) first, or load the weights again in float32"
        case .bf16StorageNeedsBF16Compute:
            return "bfloat16 weight storage keeps only the bf16 copies that bf16 compute uses: call setPrecision(.bfloat16) first, or use .float16 storage"
        }
    }
}

/// Bytes a model holds for its weights.
public struct WeightMemory: Sendable, Equatable, CustomStringConvertible {
    /// Values held by parameters (Float32, Float16, or bf16 copies shared with their layer).
    public var valueBytes: Int
    /// Gradients allocated so far.
    public var gradientBytes: Int
    /// bf16 copies held by layers beside a Float32 or Float16 value.
    public var reducedCopyBytes: Int

    public var total: Int { valueBytes + gradientBytes + reducedCopyBytes }

    /// Bytes of widening scratch the calling thread holds for reduced-storage weights (`WidenScratch`).
    public static var threadScratchBytes: Int { WidenScratch.threadBytes }

    public var description: String {
        "values \(valueBytes) B, gradients \(gradientBytes) B, bf16 copies \(reducedCopyBytes) B"
    }
}

extension Layer {
    /// The storage of this model's parameters: `.float32` when all are Float32; otherwise the
    /// reduced kind in use (`.bfloat16` when any parameter shares a bf16 copy).
    public var weightStorage: WeightStorage {
        let kinds = Set(namedParameters().map(\.1.weightStorage))
        if kinds.contains(.bfloat16) { return .bfloat16 }
        return kinds.contains(.float16) ? .float16 : .float32
    }

    /// Switches how every weight matrix or kernel (rank 2 and up; vectors stay Float32) holds its
    /// value. `.float16` rounds each to the nearest half;
    /// `.bfloat16` needs bf16 compute (else `WeightStorageError.bf16StorageNeedsBF16Compute`, nothing
    /// changed) and hands each bf16 layer's weight to its bf16 copy, the rest to Float16.
    /// `.float32` widens back (exactly: the rounding already done stays). Reduced storage drops
    /// gradients and refuses training.
    public func setWeightStorage(_ kind: WeightStorage) throws {
        if kind == .bfloat16 && computePrecision != .bfloat16 { throw WeightStorageError.bf16StorageNeedsBF16Compute }
        let params = namedParameters().map(\.1)
        switch kind {
        case .float32:
            for p in params { p.store(.float32) }
        case .float16:
            for p in params { p.store(p.shape.count >= 2 ? .float16 : .float32) }
        case .bfloat16:
            let shared = adoptBF16Copies()
            for p in params where !shared.contains(ObjectIdentifier(p)) { p.store(p.shape.count >= 2 ? .float16 : .float32) }
        }
    }

    /// Gives each layer running in bf16 its weight's bf16 copy as the parameter's only storage;
    /// returns the parameters that now share one.
    @discardableResult
    func adoptBF16Copies() -> Set<ObjectIdentifier> {
        var shared = Set<ObjectIdentifier>()
        for layer in precisionSelectableLayers() {
            if let l = layer as? Linear, let m = l.packedWeight {
                l.weight.store(.bfloat16, packed: (m, transposed: true)); shared.insert(ObjectIdentifier(l.weight))
            } else if let c = layer as? Conv2d, let m = c.packedWeight {
                c.weight.store(.bfloat16, packed: (m, transposed: false)); shared.insert(ObjectIdentifier(c.weight))
            }
        }
        return shared
    }

    /// Allocates every gradient now (training would on first use) after checking that the weights
    /// can train: throws `WeightStorageError.trainingNeedsFloat32` naming the first parameter held
    /// as Float16 or bf16.
    public func prepareForTraining() throws {
        let params = namedParameters()
        if let (name, p) = params.first(where: { $0.1.weightStorage != .float32 }) {
            throw WeightStorageError.trainingNeedsFloat32(storage: p.weightStorage, parameter: name)
        }
        for (_, p) in params { _ = p.grad }
    }

    /// Frees every gradient (an inference-only model does not need them).
    public func releaseGradients() { for (_, p) in namedParameters() { p.releaseGradient() } }

    /// Bytes held for the weights: parameter values, gradients, and bf16 copies not shared with a parameter.
    public var memoryFootprint: WeightMemory {
        let params = namedParameters().map(\.1)
        let shared = Set(params.compactMap { $0.sharedBF16.map(ObjectIdentifier.init) })
        let copies = precisionSelectableLayers().reduce(0) { sum, layer in
            let m = (layer as? Linear)?.packedWeight ?? (layer as? Conv2d)?.packedWeight
            if let m, shared.contains(ObjectIdentifier(m)) { return sum }
            return sum + layer.reducedWeightBytes
        }
        return WeightMemory(valueBytes: params.reduce(0) { $0 + $1.valueBytes },
                            gradientBytes: params.reduce(0) { $0 + $1.gradientBytes },
                            reducedCopyBytes: copies)
    }
}
