// What one classical analysis says about an image: an optional score, evidence maps, findings in
// plain words and the numbers behind them. Every analysis in Image/ returns this one value, so the
// forensic branch, the benchmark and the workbench treat them alike.
import Evidence

/// The outcome of one forensic analysis.
public struct AnalysisResult: Sendable, Equatable {
    /// Stable id of the analysis (`ela`, `noise`, `dq`, `ghost`, `copy-move`, `resampling`, ...).
    public var id: String
    /// Short name for people ("Error level analysis").
    public var title: String
    /// How strongly the analysis points at manipulation, in 0...1; nil for analyst views and when
    /// the analysis could not judge (too small, not a JPEG).
    public var score: Double?
    /// Evidence maps, values in 0...1, at block resolution.
    public var maps: [Heatmap]
    /// Observations in plain words; `source` is the analysis id.
    public var findings: [Finding]
    /// Named numbers behind the score, e.g. `ela_mean`, `dq_primary_quality`.
    public var measurements: [String: Double]

    public init(id: String, title: String, score: Double? = nil, maps: [Heatmap] = [], findings: [Finding] = [],
                measurements: [String: Double] = [:]) {
        self.id = id; self.title = title
        self.score = score.map { $0.isFinite ? min(max($0, 0), 1) : 0 }
        self.maps = maps; self.findings = findings
        self.measurements = measurements.filter { $0.value.isFinite }
    }

    /// A result that says why the analysis could not judge this image (no score, one finding).
    public static func skipped(_ id: String, _ title: String, reason: String) -> AnalysisResult {
        AnalysisResult(id: id, title: title,
                       findings: [Finding(code: "\(id)-skipped", severity: .info, message: reason, source: id)])
    }
}
