// Saving a model's parameters and buffers under their dotted names, and loading them back with a
// strict match: a tensor the model needs but the file lacks, a tensor the file has but the model
// does not know, or a shape that differs is an error naming that tensor, before any weight changes.
// Layers running in bf16 re-convert their bf16 weight copies after a load. Weights keep their
// storage (`WeightStorage`): a Float16-stored model loads straight into halves and saves as F16.

extension Layer {
    /// Writes every parameter and buffer (`namedParameters()`) to `path`, as F32, F16 or BF16; by
    /// default F16 for a Float16-stored model (its values exactly, half the file), else F32 (exact
    /// for bf16 storage too, whose bf16 and Float16 values no single 2-byte type holds both of).
    public func saveWeights(to path: String, metadata: [String: String] = [:],
                            precision: SafetensorsWriter.Precision? = nil) throws {
        let stored: SafetensorsWriter.Precision = switch weightStorage {
        case .float16: .float16
        case .float32, .bfloat16: .float32
        }
        try SafetensorsWriter.write(namedParameters().map { ($0.0, $0.1.value) }, metadata: metadata,
                                    precision: precision ?? stored, to: path)
    }

    /// Loads every parameter and buffer from `file`; checks all names and shapes first, so a failed
    /// load leaves the model untouched.
    public func loadWeights(from file: SafetensorsFile) throws {
        let params = namedParameters()
        let known = Set(params.map(\.0))
        for (name, p) in params {
            guard let e = file.entries[name] else {
                throw SafetensorsError.missingTensor(path: file.path, tensor: name, shape: p.shape)
            }
            guard e.shape == p.shape else {
                throw SafetensorsError.shapeMismatch(path: file.path, tensor: name, expected: p.shape, found: e.shape)
            }
        }
        if let extra = file.names.first(where: { !known.contains($0) }) {
            throw SafetensorsError.unexpectedTensor(path: file.path, tensor: extra)
        }
        let bf16Stored = weightStorage == .bfloat16
        for (name, p) in params { p.load(file.tensor(name)!) }
        refreshReducedPrecisionWeights()
        if bf16Stored { adoptBF16Copies() }
    }

    /// Opens `path` and loads it (see `loadWeights(from:)`).
    public func loadWeights(path: String) throws {
        try loadWeights(from: SafetensorsFile(path: path))
    }
}
