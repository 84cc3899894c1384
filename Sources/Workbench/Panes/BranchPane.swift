// The branches table of the side panel: every branch's status, score, weight in the fusion and
// (for videos) its score on the frame on screen. Branches that disagree with the verdict's side
// of the band are marked. Selecting a branch picks whose evidence is shown.
import Detection
import Evidence
import Foundation

/// Table of branch results.
struct BranchPane {
    var table = TableView(columns: [
        TableColumn("branch", width: .fixed(11)), TableColumn("status", width: .fixed(8)),
        TableColumn("score", width: .fixed(5), alignRight: true), TableColumn("w", width: .fixed(4), alignRight: true),
        TableColumn("frame", width: .fixed(5), alignRight: true), TableColumn("note", width: .fill),
    ])
    private(set) var ids: [String] = []

    var selectedID: String? { table.selectedRow.flatMap { $0 < ids.count ? ids[$0] : nil } }

    mutating func update(file: OpenedFile, frame: Int?) {
        let results = file.branchResults
        let known = Set(results.map(\.id))
        // Branches still running show as pending until their result arrives.
        let pending: [BranchResult] = {
            guard case .running = file.state else { return [] }
            return BranchIDs.registered.filter { !known.contains($0) }.map { BranchResult(id: $0, status: .ok, reason: "running…") }
        }()
        let band = file.analysis?.report.verdict.band
        var rows: [TableRow] = []
        ids = []
        for r in results + pending {
            let frameScore = frame.flatMap { f in r.frameScores?.first { $0.index == f }?.score }
            let isPending = r.score == nil && r.reason == "running…"
            let status = isPending ? "…" : r.status == .notApplicable ? "n/a" : r.status.rawValue
            let score = r.score.map { String(format: "%.2f", $0) } ?? "—"
            let weight = r.weight > 0 ? String(format: "%.2f", r.weight) : "—"
            let note = isPending ? "running…" : r.status == .ok ? (r.findings.max { $0.severity < $1.severity }?.message ?? "") : (r.reason ?? "")
            var scoreRole: ThemeColor? = r.score.map { $0 >= 0.7 ? .scoreHigh : $0 >= 0.4 ? .scoreMid : .scoreLow }
            if let s = r.score, let band, s > band.lowerBound && s < band.upperBound { scoreRole = .scoreMid }
            let statusRole: ThemeColor? = r.status == .error ? .critical : r.status == .notApplicable ? .dimText : nil
            rows.append(TableRow([r.id, status, score, weight, frameScore.map { String(format: "%.2f", $0) } ?? "", note],
                                 roles: [nil, statusRole, scoreRole, .dimText, frameScore.map { $0 >= 0.5 ? .scoreHigh : .scoreLow }, .dimText]))
            ids.append(r.id)
        }
        let selected = selectedID
        table.rows = rows
        if let selected, let i = ids.firstIndex(of: selected) { table.select(row: i) }
    }
}

/// Branch ids, as the engine registers them.
enum BranchIDs {
    static var registered: [String] { BranchRegistry.all.map(\.id) }
}
