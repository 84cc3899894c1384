// The Markdown case report: the same content as the HTML report, for review in a text editor or a
// ticket system. Layout comes from `report.md`; every string from evidence or analysts goes
// through `ReportEscaping.markdown`, which also neutralises raw HTML (Markdown passes it through).
// Figures are not inlined (base64 in Markdown bloats diffs and most viewers refuse data: URIs): they
// are linked as PNG files in a folder beside the .md, which the exporter writes.
import Evidence
import Foundation

/// Renders a `CaseReport` as Markdown.
public struct MarkdownReportRenderer: Sendable {
    public var template: ReportTemplate
    public init(template: ReportTemplate) { self.template = template }

    /// Uses `report.md` from `templates` when given, else the built-in one.
    public init(templates: URL?) throws { template = try ReportTemplate.load("report.md", directory: templates) }

    /// The report; `figures`, when given, holds one entry per evidence file, in evidence order, and
    /// each figure is linked as `<figureFolder>/<name>.png` (the caller writes the files).
    public func render(_ r: CaseReport, figures: [EvidenceFigures]? = nil, figureFolder: String = "figures") -> String {
        template.render(r.textTemplateValues.merging([
            "summary": .markup(summary(r)),
            "evidence_table": .markup(evidenceTable(r)),
            "files": .markup(r.evidence.enumerated().map { i, ev in
                file(ev, number: i + 1, figures: figures.flatMap { i < $0.count ? $0[i] : nil }, folder: figureFolder)
            }.joined(separator: "\n")),
            "case_notes": .markup(notes(r.notes, empty: "No case notes.")),
        ]) { a, _ in a }, escape: e)
    }

    private func e(_ s: String) -> String { ReportEscaping.markdown(s) }

    func summary(_ r: CaseReport) -> String {
        let s = ReportSummary(r)
        var out = "\(s.files) evidence file(s); \(s.analysed) analysed. Verdicts: \(s.verdictLine).\n\n"
        if s.custodyProblems.isEmpty {
            out += "Every evidence file still matches the SHA-256 recorded at intake."
        } else {
            out += "**Chain of custody broken for \(s.custodyProblems.count) file(s):**\n\n"
            for p in s.custodyProblems { out += "- \(e(p.path)): \(e(p.custodyDetail))\n" }
            out += "\nResults shown for these files describe the file as it was analysed, not as it is now."
        }
        return out
    }

    func evidenceTable(_ r: CaseReport) -> String {
        guard !r.evidence.isEmpty else { return "No evidence in this case." }
        var out = "| # | file | kind | bytes | SHA-256 at intake | intake | custody now | tags | verdict |\n|---|---|---|---|---|---|---|---|---|\n"
        for (i, ev) in r.evidence.enumerated() {
            out += "| \(i + 1) | \(e(ev.fileName)) | \(e(ev.media.rawValue))/\(e(ev.format)) | \(ev.bytes) | \(e(ev.sha256)) | \(e(ev.intakeAt)) by \(e(ev.addedBy)) | \(ev.custody == "unchanged" ? "unchanged" : "**\(e(ev.custody.uppercased()))**") | \(e(ev.tags.joined(separator: ", "))) | \(ev.analysis.map { verdict($0.report.verdict) } ?? "not analysed") |\n"
        }
        return out
    }

    func verdict(_ v: Verdict) -> String {
        "**\(e(v.label.rawValue.uppercased()))**" + (v.score.map { String(format: " %.3f", $0) } ?? "")
    }

    func file(_ ev: CaseReport.EvidenceEntry, number: Int, figures: EvidenceFigures? = nil, folder: String = "figures") -> String {
        var out = "### \(number). \(e(ev.fileName))\n\n"
        out += "Path at intake: \(e(ev.path))  \nSHA-256 \(e(ev.sha256)) · \(ev.bytes) bytes · \(e(ev.media.rawValue))/\(e(ev.format))\n\n"
        out += ev.custody == "unchanged" ? "Custody: \(e(ev.custodyDetail))\n\n" : "> **Custody: \(e(ev.custodyDetail))**\n\n"
        guard let run = ev.analysis else { return out + "Not analysed yet.\n\n" + annotations(ev) }
        let rep = run.report, v = rep.verdict
        out += "Verdict \(verdict(v)) · threshold \(String(format: "%.2f", v.threshold)) · inconclusive band \(String(format: "%.2f–%.2f", v.band.lowerBound, v.band.upperBound)) · \(e(v.method))\n\n"
        out += "\(e(v.explanation))\n\n"
        out += "| branch | status | score | weight | note |\n|---|---|---|---|---|\n"
        for b in rep.branches {
            let score = b.score.map { String(format: "%.3f", $0) } ?? "—"
            let weight = b.weight > 0 ? String(format: "%.2f", b.weight) : "—"
            out += "| \(e(b.id)) | \(e(b.status.rawValue)) | \(score) | \(weight) | \(e(b.reason ?? "")) |\n"
        }
        if let figures { out += self.figures(figures, folder: folder) }
        let findings = rep.findings + rep.branches.flatMap(\.findings)
        out += "\n#### Findings\n\n" + findingTable(findings.filter { !$0.code.hasPrefix("pdf-") }, empty: "No findings.")
        if ev.media == .pdf {
            let revisions = rep.branch("pdf")?.measurements["revisions"].map { String(Int($0)) } ?? "unknown"
            out += "\n#### PDF structure and revisions\n\nRevisions (incremental updates included): \(revisions)\n\n"
            out += findingTable(findings.filter { $0.code.hasPrefix("pdf-") }, empty: "No PDF structure findings.")
        }
        out += metadata(rep.metadata)
        out += "\nAnalysed \(e(run.startedAt)) – \(e(run.finishedAt)) by \(e(run.ranBy)) · engine \(e(run.engineVersion)) · fusion \(e(run.fusionVersion)) · custody before the run: \(e(run.custodyAtRun)) · \(ev.runs) stored run(s)\n\n"
        return out + annotations(ev)
    }

    /// Figures as image links to files beside the report; notes say why any are absent.
    func figures(_ f: EvidenceFigures, folder: String) -> String {
        guard !f.figures.isEmpty || !f.notes.isEmpty else { return "" }
        var out = "\n#### Figures\n\n"
        for n in f.notes { out += "\(e(n))\n\n" }
        for fig in f.figures {
            // The link target is built here from a sanitised name; only the caption is evidence text.
            out += "![\(e(fig.caption))](\(folder)/\(fig.name).png)  \n*\(e(fig.caption))*\n\n"
        }
        return out
    }

    func metadata(_ g: MetadataGroup) -> String {
        let (rows, truncated) = MetadataRows.rows(g)
        guard !rows.isEmpty else { return "" }
        var out = "\n#### Metadata\n\n| field | value |\n|---|---|\n"
        for r in rows { out += "| \(e(r.key)) | \(e(r.value)) |\n" }
        return out + (truncated ? "\nMore fields omitted; see the JSON report.\n" : "")
    }

    func findingTable(_ fs: [Finding], empty: String) -> String {
        guard !fs.isEmpty else { return "\(empty)\n" }
        var out = "| severity | source | code | finding | where |\n|---|---|---|---|---|\n"
        for f in fs.sorted(by: { $0.severity > $1.severity }) {
            out += "| \(e(f.severity.rawValue)) | \(e(f.source)) | \(e(f.code)) | \(e(f.message)) | \(e(f.location ?? "")) |\n"
        }
        return out
    }

    func annotations(_ ev: CaseReport.EvidenceEntry) -> String {
        var out = ""
        if !ev.bookmarks.isEmpty {
            out += "#### Bookmarks\n\n" + ev.bookmarks.map { "- \(e($0.place)): \(e($0.note)) (\(e($0.author)), \(e($0.at)))\n" }.joined() + "\n"
        }
        if !ev.notes.isEmpty { out += "#### Notes\n\n" + notes(ev.notes, empty: "") + "\n" }
        return out
    }

    func notes(_ ns: [CaseReport.NoteEntry], empty: String) -> String {
        guard !ns.isEmpty else { return empty }
        return ns.map { "- \(e($0.text)) (\(e($0.author)), \(e($0.at)))\n" }.joined()
    }
}
