// A detection branch: one independent way of judging a file. Each branch is one type in
// Branches/, registered once in BranchRegistry. A branch answers with a score and its evidence,
// `not_applicable` with the reason (no face, no audio track), or an error; never a made-up score.
import Evidence
import Media

/// One of the eight detection branches.
public protocol Branch: Sendable {
    /// Stable id used in reports, options and fusion weights (`forensic`, `metadata`, ...).
    var id: String { get }
    /// Short name for people ("Classical forensics").
    var title: String { get }
    /// The kinds of media it can look at; for others the engine reports `not_applicable`.
    var media: Set<MediaKind> { get }
    /// Model files (under models/) it needs; empty for classical analyses.
    var models: [String] { get }
    /// Analyses the shared decoded input. Throwing reports `error` for this branch only.
    func analyze(_ input: BranchInput) throws -> BranchOutput
}

/// What a branch hands back: its result for the report and the maps it made.
public struct BranchOutput: Sendable {
    public var result: BranchResult
    /// Map id (as in `result.maps`) -> values.
    public var maps: [String: Heatmap]

    public init(result: BranchResult, maps: [String: Heatmap] = [:]) { self.result = result; self.maps = maps }

    public static func notApplicable(_ id: String, _ reason: String) -> BranchOutput {
        BranchOutput(result: .notApplicable(id, reason))
    }
}
