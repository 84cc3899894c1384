// Training checkpoints: everything needed to resume a run bit for bit, as two files.
//
//   run.safetensors   "model.<name>"            every parameter and buffer (BatchNorm running
//                                               statistics), as `namedParameters()` names them
//                     "optimizer.<slot>.<name>"  the optimizer's per-parameter state
//                                               (`exp_avg`, `exp_avg_sq`, `momentum_buffer`)
//                     __metadata__: format, epoch, step (to pair it with its JSON)
//   run.json          {"format": "deepscan.checkpoint/1", "optimizer": {kind, hyperparameters,
//                     learningRate, stepCount}, "progress": {epoch, step, rng, schedule,
//                     earlyStopping}, "dropout": {"<layer path>": "<generator state>"}}
//
// Generators are 16 hex digits (JSON numbers would round them). Loading checks everything before
// changing anything: the format, the optimizer kind and hyperparameters, every tensor's name and
// shape, the dropout layers, and that the two files come from the same save; a mismatch is a
// `CheckpointError` naming what differs.
import Foundation

/// Save and resume training: model weights and buffers, optimizer state, loop progress, dropout generators.
public enum Checkpoint {
    public static let format = "deepscan.checkpoint/1"

    /// The JSON half of a checkpoint.
    struct Manifest: Codable {
        var format: String
        var optimizer: OptimizerState
        var progress: TrainingProgress
        var dropout: [String: SeededRandom]
    }

    /// The JSON path for a checkpoint's weights path: same name, `.json` (as model cards).
    public static func manifestPath(for path: String) -> String { ModelCard.path(forWeights: path) }

    /// Writes `path` (safetensors) and its JSON. `optimizer` must update `model`'s trainable parameters.
    public static func save(to path: String, model: any Layer, optimizer: any Optimizer, progress: TrainingProgress) throws {
        let named = model.namedParameters(), names = optimizerNames(model: named, optimizer: optimizer)
        var tensors = named.map { ("model." + $0.0, $0.1.value) }
        for (slot, list) in optimizer.slots {
            for (k, t) in list.enumerated() { tensors.append(("optimizer.\(slot).\(names[k])", t)) }
        }
        let meta = ["format": format, "epoch": "\(progress.epoch)", "step": "\(progress.step)"]
        try SafetensorsWriter.write(tensors, metadata: meta, to: path)
        let manifest = Manifest(format: format, optimizer: optimizer.state, progress: progress,
                                dropout: Dictionary(uniqueKeysWithValues: model.dropoutLayers().map { ($0.0, $0.1.rng) }))
        let json = manifestPath(for: path)
        do {
            let data = try encoder().encode(manifest)
            try data.write(to: URL(fileURLWithPath: json), options: .atomic)
        } catch {
            throw CheckpointError.cannotWrite(path: json, reason: "\(error)")
        }
    }

    /// Restores `model` and `optimizer` from `path` and its JSON and returns the loop's progress.
    /// Nothing changes unless every check passes.
    @discardableResult
    public static func load(from path: String, into model: any Layer, optimizer: any Optimizer) throws -> TrainingProgress {
        let json = manifestPath(for: path)
        let manifest: Manifest
        do {
            manifest = try decoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        } catch let error as DecodingError {
            throw CheckpointError.unreadable(path: json, reason: "not a checkpoint manifest: \(error)")
        } catch {
            throw CheckpointError.unreadable(path: json, reason: error.localizedDescription)
        }
        guard manifest.format == format else { throw CheckpointError.wrongFormat(path: json, found: manifest.format) }
        try checkOptimizer(manifest.optimizer, optimizer.state, path: json)

        let file: SafetensorsFile
        do { file = try SafetensorsFile(path: path) } catch {
            throw CheckpointError.unreadable(path: path, reason: "\(error)")
        }
        guard file.metadata["format"] == format else {
            throw CheckpointError.wrongFormat(path: path, found: file.metadata["format"] ?? "none (plain weights, not a checkpoint?)")
        }
        let saved = "epoch \(manifest.progress.epoch), step \(manifest.progress.step)"
        guard file.metadata["epoch"] == "\(manifest.progress.epoch)", file.metadata["step"] == "\(manifest.progress.step)" else {
            throw CheckpointError.inconsistent(path: path, reason: "the weights are from epoch \(file.metadata["epoch"] ?? "?"), "
                + "step \(file.metadata["step"] ?? "?") but \(json) is from \(saved): an interrupted save mixed two checkpoints")
        }

        let named = model.namedParameters(), names = optimizerNames(model: named, optimizer: optimizer)
        var expected: [(String, Tensor)] = named.map { ("model." + $0.0, $0.1.value) }
        for (slot, list) in optimizer.slots {
            for (k, t) in list.enumerated() { expected.append(("optimizer.\(slot).\(names[k])", t)) }
        }
        for (name, t) in expected {
            guard let e = file.entries[name] else {
                throw CheckpointError.architectureMismatch(path: path, detail: "the model needs tensor '\(name)' with shape \(t.shape), which the checkpoint lacks")
            }
            guard e.shape == t.shape else {
                throw CheckpointError.architectureMismatch(path: path, detail: "tensor '\(name)' has shape \(e.shape) in the checkpoint, the model expects \(t.shape)")
            }
        }
        let known = Set(expected.map(\.0))
        if let extra = file.names.first(where: { !known.contains($0) }) {
            throw CheckpointError.architectureMismatch(path: path, detail: "the checkpoint has tensor '\(extra)', which the model does not know")
        }
        let dropouts = model.dropoutLayers()
        if let missing = dropouts.first(where: { manifest.dropout[$0.0] == nil }) {
            throw CheckpointError.dropoutMismatch(path: json, layer: missing.0, inCheckpoint: false)
        }
        if let extra = manifest.dropout.keys.sorted().first(where: { k in !dropouts.contains { $0.0 == k } }) {
            throw CheckpointError.dropoutMismatch(path: json, layer: extra, inCheckpoint: true)
        }

        for (name, t) in expected { t.assign(file.tensor(name)!) }
        for (name, d) in dropouts { d.rng = manifest.dropout[name]! }
        optimizer.learningRate = manifest.optimizer.learningRate
        optimizer.restore(stepCount: manifest.optimizer.stepCount)
        return manifest.progress
    }

    /// Kind and every hyperparameter must agree exactly.
    static func checkOptimizer(_ saved: OptimizerState, _ current: OptimizerState, path: String) throws {
        guard saved.kind == current.kind else {
            throw CheckpointError.optimizerMismatch(path: path, saved: saved.kind, current: current.kind)
        }
        for name in Set(saved.hyperparameters.keys).union(current.hyperparameters.keys).sorted()
        where saved.hyperparameters[name] != current.hyperparameters[name] {
            throw CheckpointError.hyperparameterMismatch(path: path, optimizer: current.kind, name: name,
                                                         saved: saved.hyperparameters[name], current: current.hyperparameters[name])
        }
    }

    /// The model's name for each parameter the optimizer updates, in the optimizer's order. An
    /// optimizer built over another model's parameters is a programming error.
    static func optimizerNames(model named: [(String, Parameter)], optimizer: any Optimizer) -> [String] {
        var byID: [ObjectIdentifier: String] = [:]
        for (n, p) in named { byID[ObjectIdentifier(p)] = n }
        return optimizer.parameters.map { p in
            guard let n = byID[ObjectIdentifier(p)] else {
                preconditionFailure("the optimizer updates a parameter of shape \(p.shape) that is not in the model")
            }
            return n
        }
    }

    /// JSON with infinities spelled out (early stopping starts from best = +inf), sorted and indented.
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }
}

extension Layer {
    /// Every `Dropout` in this layer and below, with its dotted path (its generator is training state).
    func dropoutLayers(prefix: String = "") -> [(String, Dropout)] {
        var out: [(String, Dropout)] = []
        if let d = self as? Dropout { out.append((prefix.isEmpty ? "." : prefix, d)) }
        for (name, child) in children {
            out += child.dropoutLayers(prefix: prefix.isEmpty ? name : prefix + "." + name)
        }
        return out
    }
}
