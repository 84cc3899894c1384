// The findings list of the side panel: what ingest, the engine and every branch observed, most
// severe first; the selected branch's findings come first.
import Evidence

/// List of findings.
struct FindingsPane {
    var list = ListView()
    private(set) var findings: [Finding] = []

    mutating func update(file: OpenedFile, branch: String?) {
        var all = file.summary.findings + file.branchResults.flatMap(\.findings)
        if let a = file.analysis { all = a.report.findings + a.report.branches.flatMap(\.findings) }
        var seen = Set<String>()
        all = all.filter { seen.insert($0.source + "|" + $0.code + "|" + $0.message).inserted }
        all.sort { a, b in
            let ab = a.source == branch, bb = b.source == branch
            if ab != bb { return ab }
            return a.severity > b.severity
        }
        if all.map(\.message) != findings.map(\.message) {
            findings = all
            list.items = all.map { f in
                let role: ThemeColor = f.severity == .critical ? .critical : f.severity == .warning ? .warning : f.severity == .notice ? .notice : .info
                return ListItem("[\(f.source)] \(f.message)", detail: nil, role: role)
            }
        }
    }
}
