// The JSON model card that travels beside every weights file (`model.safetensors` ->
// `model.json`): what the network is, what input it expects and how to normalise it, what it was
// trained on and how, how well it did, and the licence and provenance of any pretrained start.
// `check(against:)` ties a card to its weights (tensor count and scalar count), so a card copied
// next to the wrong file is an error, not a silently mislabelled model.
import Foundation

/// A model card: provenance and contract of one weights file.
public struct ModelCard: Codable, Equatable, Sendable {
    /// Input contract: shape with nil for free axes, per-channel normalisation.
    public struct Input: Codable, Equatable, Sendable {
        public var shape: [Int?]
        public var mean: [Float]
        public var std: [Float]
        public var layout: String
        public init(shape: [Int?], mean: [Float], std: [Float], layout: String = "NCHW, RGB in [0, 1]") {
            self.shape = shape; self.mean = mean; self.std = std; self.layout = layout
        }
    }

    public var name: String
    public var architecture: String
    public var input: Input
    /// Number of tensors in the weights file (parameters and buffers).
    public var tensorCount: Int
    /// Number of scalars in the weights file.
    public var scalarCount: Int
    public var trainingData: String
    public var recipe: String
    public var metrics: [String: Double]
    public var licence: String
    public var provenance: String

    public init(name: String, architecture: String, input: Input, tensorCount: Int, scalarCount: Int,
                trainingData: String, recipe: String, metrics: [String: Double], licence: String, provenance: String) {
        self.name = name; self.architecture = architecture; self.input = input
        self.tensorCount = tensorCount; self.scalarCount = scalarCount; self.trainingData = trainingData
        self.recipe = recipe; self.metrics = metrics; self.licence = licence; self.provenance = provenance
    }

    /// The card path for a weights path: same name, `.json`.
    public static func path(forWeights weights: String) -> String {
        (weights.hasSuffix(".safetensors") ? String(weights.dropLast(".safetensors".count)) : weights) + ".json"
    }

    /// The input contract as an `InputSpec`.
    public var inputSpec: InputSpec { InputSpec(input.shape) }

    /// Reads a card; malformed JSON or missing fields are a `ModelCardError`.
    public static func load(path: String) throws -> ModelCard {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ModelCardError.unreadable(path: path, reason: error.localizedDescription)
        }
        do { return try JSONDecoder().decode(ModelCard.self, from: data) } catch {
            throw ModelCardError.unreadable(path: path, reason: "not a model card: \(error)")
        }
    }

    /// Writes the card as pretty, key-sorted JSON.
    public func save(path: String) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        try enc.encode(self).write(to: URL(fileURLWithPath: path))
    }

    /// Throws when the weights file does not have the tensor and scalar counts the card states.
    public func check(against file: SafetensorsFile) throws {
        let tensors = file.entries.count
        let scalars = file.entries.values.reduce(0) { $0 + $1.shape.reduce(1, *) }
        guard tensors == tensorCount, scalars == scalarCount else {
            throw ModelCardError.mismatch(card: name, weights: file.path,
                                          reason: "card says \(tensorCount) tensors / \(scalarCount) scalars, file has \(tensors) / \(scalars)")
        }
    }
}

/// A model card that cannot be read or does not describe its weights.
public enum ModelCardError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case mismatch(card: String, weights: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(p, r): return "\(p): \(r)"
        case let .mismatch(c, w, r): return "model card '\(c)' does not match \(w): \(r)"
        }
    }
}
