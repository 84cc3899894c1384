// Saving a model's parameters and buffers under their dotted names, and loading them back with a
// strict match: a tensor the model needs but the file lacks, a tensor the file has but the model
// does not know, or a shape that differs is an error naming that tensor, before any weight changes.
// Layers running in bf16 re-convert their bf16 weight copies after a load. Weights keep their
// storage (`WeightStorage`): a Float16-stored model loads straight into halves and saves as F16.

extension Layer {
    /// Writes every parameter and buffer (`namedParameters()`) to `path`, as F32, F16 or BF16; by
    /// default each as its parameter holds it (`WeightStorage`: F32, F16, or BF16 for a bf16 copy),
    /// so a reduced-storage model writes its values exactly in a file about half the size.
    public func saveWeights(to path: String, metadata: [String: String] = [:],
                            precision: SafetensorsWriter.Precision? = nil) throws {
        try SafetensorsWriter.write(namedParameters().map { name, p in
            let stored: SafetensorsWriter.Precision = switch p.weightStorage {
            case .float32: .float32
            case .float16: .float16
            case .bfloat16: .bfloat16
            }
            return (name, p.value, precision ?? stored)
        }, metadata: metadata, to: path)
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
