// Per-model arithmetic precision. `.bfloat16` makes every Linear and every GEMM-path Conv2d (dense,
// grouped, pointwise; im2col) multiply in bf16 with Float32 accumulation on oneDNN (`BF16GEMM`),
// holding its weight as a bf16 copy converted once when the precision is set. Depthwise
// convolutions, BatchNorm, activations, pooling and every elementwise step stay Float32: they are
// memory-bound, and bf16 would only add rounding there. The Float32 parameters stay as they are (a
// model can switch back, save, or train) unless `setWeightStorage(.bfloat16)` drops them for the bf16
// copies (WeightStorage.swift); bf16 is for inference: after weights change in place
// (an optimizer step) set the precision again (`loadWeights` re-converts by itself).

/// The precision a model's matrix multiplies run in.
public enum ComputePrecision: String, Sendable, CaseIterable {
    case float32
    case bfloat16
}

/// A model cannot run in the precision asked for.
public enum PrecisionError: Error, CustomStringConvertible, Equatable {
    case bf16Unsupported(isa: String)

    public var description: String {
        switch self {
        case let .bf16Unsupported(isa):
            return "bf16 compute needs a CPU with AVX-512 BF16 (avx512_bf16 in /proc/cpuinfo); oneDNN reports \(isa) here. Run the model in float32."
        }
    }
}

/// A layer whose matrix multiplies can run in bf16.
public protocol PrecisionSelectable: Layer {
    /// The precision its GEMMs use now.
    var precision: ComputePrecision { get }
    /// Switches precision; `.bfloat16` converts the weight to bf16 now (call again after the weight changes).
    func applyPrecision(_ precision: ComputePrecision)
    /// Bytes of its bf16 weight copy (0 in float32).
    var reducedWeightBytes: Int { get }
}

extension Layer {
    /// Sets the GEMM precision of every Linear and Conv2d in this layer and below. Throws
    /// `PrecisionError.bf16Unsupported` (and changes nothing) when `.bfloat16` is asked for on a CPU
    /// without AVX-512 BF16; `cpu` is the machine's support unless a test simulates another.
    public func setPrecision(_ precision: ComputePrecision, cpu: BF16Support = .detected) throws {
        if precision == .bfloat16 && !cpu.available { throw PrecisionError.bf16Unsupported(isa: cpu.isa) }
        let bf16Stored = weightStorage == .bfloat16
        for layer in precisionSelectableLayers() { layer.applyPrecision(precision) }
        // Weights held only as bf16 copies share the new copies (re-packed from the old: the same values).
        if bf16Stored && precision == .bfloat16 { adoptBF16Copies() }
    }

    /// The model's precision: `.bfloat16` when any of its GEMM layers runs in bf16.
    public var computePrecision: ComputePrecision {
        precisionSelectableLayers().contains { $0.precision == .bfloat16 } ? .bfloat16 : .float32
    }

    /// Re-converts the bf16 weight copies of layers running in bf16 (after their Float32 weights changed).
    public func refreshReducedPrecisionWeights() {
        for layer in precisionSelectableLayers() where layer.precision == .bfloat16 { layer.applyPrecision(.bfloat16) }
    }

    /// Bytes of the bf16 weight copies held by layers running in bf16.
    public var reducedPrecisionWeightBytes: Int {
        precisionSelectableLayers().reduce(0) { $0 + $1.reducedWeightBytes }
    }

    /// This layer and every layer below it whose GEMMs follow `setPrecision`.
    public func precisionSelectableLayers() -> [any PrecisionSelectable] {
        var out: [any PrecisionSelectable] = []
        if let me = self as? any PrecisionSelectable { out.append(me) }
        for (_, child) in children { out += child.precisionSelectableLayers() }
        return out
    }
}
