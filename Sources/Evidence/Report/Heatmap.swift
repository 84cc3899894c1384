// Evidence maps: a grid of values in 0...1 laid over an image (ELA, noise inconsistency, attention,
// reconstruction error, copy-move matches). Reports carry references; the values are held by the
// engine's result and written out on request (`deepscan scan --maps DIR`).

/// A map of values in 0...1 over an image, row-major, `width * height` values.
public struct Heatmap: Codable, Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var values: [Float]
    /// What the values mean, in words ("error level at quality 90", "noise inconsistency").
    public var label: String

    public init(width: Int, height: Int, values: [Float], label: String) {
        precondition(values.count == width * height, "Heatmap: \(values.count) values for \(width)x\(height)")
        self.width = width; self.height = height; self.values = values; self.label = label
    }

    /// Value at cell (x, y).
    public subscript(x: Int, y: Int) -> Float { values[y * width + x] }

    /// Values rescaled so the lowest is 0 and the highest 1 (a flat map becomes all zeros).
    public func normalised() -> Heatmap {
        guard let lo = values.min(), let hi = values.max(), hi > lo else {
            return Heatmap(width: width, height: height, values: [Float](repeating: 0, count: values.count), label: label)
        }
        return Heatmap(width: width, height: height, values: values.map { ($0 - lo) / (hi - lo) }, label: label)
    }
}

/// A reference to a heatmap held outside the report JSON.
public struct HeatmapRef: Codable, Sendable, Equatable {
    /// Unique within the report: `forensic/ela`, `spatial/attention@frame12`.
    public var id: String
    public var label: String
    public var width: Int
    public var height: Int
    /// The frame it belongs to, for videos.
    public var frame: Int?
    public init(id: String, label: String, width: Int, height: Int, frame: Int? = nil) {
        self.id = id; self.label = label; self.width = width; self.height = height; self.frame = frame
    }
}
