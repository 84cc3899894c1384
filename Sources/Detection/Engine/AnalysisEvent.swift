// What an analysis in progress tells its owner, so a front end can show a progress bar and fill
// in branch results as they finish.
import Evidence

/// Progress of one analysis.
public enum AnalysisEvent: Sendable {
    /// A stage started; `fraction` of the whole is done.
    case stage(name: String, fraction: Double)
    /// A branch finished (its maps included), before the others.
    case branchFinished(BranchOutput)
}

/// The finished analysis: the report, and the maps its `HeatmapRef`s name.
public struct Analysis: Sendable {
    public var report: Report
    public var maps: [String: Heatmap]
    public init(report: Report, maps: [String: Heatmap]) { self.report = report; self.maps = maps }
}
