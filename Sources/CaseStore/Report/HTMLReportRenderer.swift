// The HTML case report: one self-contained file (inline CSS, no scripts, no external resources),
// readable offline and printable. Layout comes from `report.html`; this type builds the repeated
// sections. Every string from evidence or from analysts goes through `ReportEscaping.html`; the
// only unescaped text is markup written here and numbers formatted here. Figures (PNG, made by
// CaseExport) are inlined as base64 data: URIs so the file stays self-contained.
import Evidence
import Foundation

/// Renders a `CaseReport` as HTML.
public struct HTMLReportRenderer: Sendable {
    public var template: ReportTemplate
    public init(template: ReportTemplate) { self.template = template }

    /// Uses `report.html` from `templates` when given, else the built-in one.
    public init(templates: URL?) throws { template = try ReportTemplate.load("report.html", directory: templates) }

    /// The report; `figures`, when given, holds one entry per evidence file, in evidence order.
    public func render(_ r: CaseReport, figures: [EvidenceFigures]? = nil) -> String {
        template.render(r.textTemplateValues.merging([
            "summary": .markup(summary(r)),
            "evidence_table": .markup(evidenceTable(r)),
            "files": .markup(r.evidence.enumerated().map { i, ev in
                file(ev, number: i + 1, figures: figures.flatMap { i < $0.count ? $0[i] : nil })
            }.joined(separator: "\n")),
            "case_notes": .markup(notes(r.notes, empty: "No case notes.")),
        ]) { a, _ in a }, escape: e)
    }

    private func e(_ s: String) -> String { ReportEscaping.html(s) }

    func summary(_ r: CaseReport) -> String {
        let s = ReportSummary(r)
        var out = "<p>\(s.files) evidence file(s); \(s.analysed) analysed. Verdicts: \(s.verdictLine).</p>\n"
        if s.custodyProblems.isEmpty {
            out += "<p class=\"custody-unchanged\">Every evidence file still matches the SHA-256 recorded at intake.</p>"
        } else {
            out += "<div class=\"alert\"><strong>Chain of custody broken for \(s.custodyProblems.count) file(s):</strong><ul>"
            for p in s.custodyProblems { out += "<li>\(e(p.path)): \(e(p.custodyDetail))</li>" }
            out += "</ul>Results shown for these files describe the file as it was analysed, not as it is now.</div>"
        }
        return out
    }

    func evidenceTable(_ r: CaseReport) -> String {
        guard !r.evidence.isEmpty else { return "<p>No evidence in this case.</p>" }
        var out = "<table>\n<tr><th>#</th><th>file</th><th>kind</th><th>bytes</th><th>SHA-256 at intake</th><th>intake</th><th>custody now</th><th>tags</th><th>verdict</th></tr>\n"
        for (i, ev) in r.evidence.enumerated() {
            let verdict = ev.analysis.map { verdictBadge($0.report.verdict) } ?? "<span class=\"muted\">not analysed</span>"
            out += "<tr><td>\(i + 1)</td><td><a href=\"#file-\(i + 1)\">\(e(ev.fileName))</a><br><span class=\"muted\">\(e(ev.path))</span></td>"
            out += "<td>\(e(ev.media.rawValue))/\(e(ev.format))</td><td>\(ev.bytes)</td><td class=\"hash\">\(e(ev.sha256))</td>"
            out += "<td>\(e(ev.intakeAt))<br>by \(e(ev.addedBy))\(ev.copy == nil ? "" : "<br>copy kept in case")</td>"
            out += "<td class=\"custody-\(e(ev.custody))\">\(e(ev.custody))</td><td>\(e(ev.tags.joined(separator: ", ")))</td><td>\(verdict)</td></tr>\n"
        }
        return out + "</table>"
    }

    func verdictBadge(_ v: Verdict) -> String {
        let score = v.score.map { String(format: " %.3f", $0) } ?? ""
        return "<span class=\"verdict verdict-\(e(v.label.rawValue))\">\(e(v.label.rawValue.uppercased()))\(score)</span>"
    }

    func file(_ ev: CaseReport.EvidenceEntry, number: Int, figures: EvidenceFigures? = nil) -> String {
        var out = "<section class=\"file\" id=\"file-\(number)\">\n<h3>\(number). \(e(ev.fileName))</h3>\n"
        out += "<p class=\"hash\">SHA-256 \(e(ev.sha256)) · \(ev.bytes) bytes · \(e(ev.media.rawValue))/\(e(ev.format))</p>\n"
        if ev.custody != "unchanged" {
            out += "<div class=\"alert\"><strong>Custody:</strong> \(e(ev.custodyDetail))</div>\n"
        } else {
            out += "<p class=\"custody-unchanged\">Custody: \(e(ev.custodyDetail))</p>\n"
        }
        guard let run = ev.analysis else {
            return out + "<p>Not analysed yet (<code>deepscan case analyse</code>).</p>\n" + annotations(ev) + "</section>"
        }
        let rep = run.report, v = rep.verdict
        out += "<p>Verdict \(verdictBadge(v)) · threshold \(String(format: "%.2f", v.threshold)) · inconclusive band \(String(format: "%.2f–%.2f", v.band.lowerBound, v.band.upperBound)) · \(e(v.method))</p>\n"
        out += "<p>\(e(v.explanation))</p>\n"
        out += "<table>\n<tr><th>branch</th><th>status</th><th>score</th><th>weight</th><th>model</th><th>note</th></tr>\n"
        for b in rep.branches {
            let score = b.score.map { String(format: "%.3f", $0) } ?? "—"
            let weight = b.weight > 0 ? String(format: "%.2f", b.weight) : "—"
            let model = b.model.map { "\($0.name) \($0.version)" } ?? ""
            out += "<tr><td>\(e(b.id))</td><td>\(e(b.status.rawValue))</td><td>\(score)</td><td>\(weight)</td><td>\(e(model))</td><td>\(e(b.reason ?? ""))</td></tr>\n"
        }
        out += "</table>\n"
        if let figures { out += self.figures(figures) }
        let findings = rep.findings + rep.branches.flatMap(\.findings)
        let pdf = findings.filter { $0.code.hasPrefix("pdf-") }
        let other = findings.filter { !$0.code.hasPrefix("pdf-") }
        out += "<h4>Findings</h4>\n" + findingTable(other, empty: "No findings.")
        if ev.media == .pdf {
            let revisions = rep.branch("pdf")?.measurements["revisions"].map { String(Int($0)) } ?? "unknown"
            out += "<h4>PDF structure and revisions</h4>\n<p>Revisions (incremental updates included): \(revisions)</p>\n"
            out += findingTable(pdf, empty: "No PDF structure findings.")
        }
        out += metadata(rep.metadata)
        out += "<p class=\"muted\">Analysed \(e(run.startedAt)) – \(e(run.finishedAt)) by \(e(run.ranBy)) · engine \(e(run.engineVersion)) · fusion \(e(run.fusionVersion)) · custody before the run: \(e(run.custodyAtRun)) · \(ev.runs) stored run(s)</p>\n"
        return out + annotations(ev) + "</section>"
    }

    /// Key frames with heatmaps and spectrograms, inlined; the notes say why any are absent.
    func figures(_ f: EvidenceFigures) -> String {
        guard !f.figures.isEmpty || !f.notes.isEmpty else { return "" }
        var out = "<h4>Figures</h4>\n"
        for n in f.notes { out += "<p class=\"muted\">\(e(n))</p>\n" }
        for fig in f.figures {
            out += "<figure><img src=\"data:image/png;base64,\(fig.png.base64EncodedString())\" width=\"\(fig.width)\" height=\"\(fig.height)\" alt=\"\(e(fig.caption))\">"
            out += "<figcaption>\(e(fig.caption))</figcaption></figure>\n"
        }
        return out
    }

    func metadata(_ g: MetadataGroup) -> String {
        let (rows, truncated) = MetadataRows.rows(g)
        guard !rows.isEmpty else { return "" }
        var out = "<details><summary>Metadata (\(rows.count)\(truncated ? "+" : "") fields)</summary>\n<table>\n"
        for r in rows { out += "<tr><td><code>\(e(r.key))</code></td><td>\(e(r.value))</td></tr>\n" }
        return out + "</table>\(truncated ? "<p class=\"muted\">More fields omitted; see the JSON report.</p>" : "")</details>\n"
    }

    func findingTable(_ fs: [Finding], empty: String) -> String {
        guard !fs.isEmpty else { return "<p class=\"muted\">\(e(empty))</p>\n" }
        var out = "<table>\n<tr><th>severity</th><th>source</th><th>code</th><th>finding</th><th>where</th></tr>\n"
        for f in fs.sorted(by: { $0.severity > $1.severity }) {
            out += "<tr><td>\(e(f.severity.rawValue))</td><td>\(e(f.source))</td><td><code>\(e(f.code))</code></td><td>\(e(f.message))</td><td>\(e(f.location ?? ""))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    func annotations(_ ev: CaseReport.EvidenceEntry) -> String {
        var out = ""
        if !ev.bookmarks.isEmpty {
            out += "<h4>Bookmarks</h4>\n<ul>"
            for b in ev.bookmarks { out += "<li>\(e(b.place)): \(e(b.note)) <span class=\"muted\">(\(e(b.author)), \(e(b.at)))</span></li>" }
            out += "</ul>\n"
        }
        if !ev.notes.isEmpty { out += "<h4>Notes</h4>\n" + notes(ev.notes, empty: "") }
        return out
    }

    func notes(_ ns: [CaseReport.NoteEntry], empty: String) -> String {
        guard !ns.isEmpty else { return "<p class=\"muted\">\(e(empty))</p>" }
        return "<ul>" + ns.map { "<li>\(e($0.text)) <span class=\"muted\">(\(e($0.author)), \(e($0.at)))</span></li>" }.joined() + "</ul>\n"
    }
}
