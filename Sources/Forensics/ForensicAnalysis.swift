// The shape of a classical analysis: an id, a title and a pure function from the shared input to
// an AnalysisResult. Parameters live in each analysis's `Parameters` struct (with defaults), so the
// workbench can change one and re-run that analysis alone.
import Evidence

/// One classical analysis: a pure function of its input and parameters.
public protocol ForensicAnalysis: Sendable {
    /// Stable id (the map and finding source).
    var id: String { get }
    /// Short name for people.
    var title: String { get }
    /// Runs the analysis. Throws only for failures of the codec it relies on.
    func analyze(_ input: ForensicInput) throws -> AnalysisResult
}
