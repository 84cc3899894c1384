// The shape every `deepscan bench` suite reports in: a table for people (header row first, then
// one row per figure) with notes under it, and the same value as JSON with --json. The decode
// suite's `BenchCommand.Report` is fixed; the tui suite's `TUIReport` lists figures against targets.

/// What a suite prints: a table (first row the header) and notes under it, or itself as JSON.
protocol BenchReport: Encodable {
    var table: [[String]] { get }
    /// Columns (from the left) printed left-aligned; the rest are numbers, right-aligned.
    var leftAlignedColumns: Int { get }
    var notes: [String] { get }
}

extension BenchReport {
    var notes: [String] { [] }
}
