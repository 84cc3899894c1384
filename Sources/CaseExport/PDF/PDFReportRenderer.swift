// The PDF case report: the same content as the HTML report (case summary, evidence table with
// hashes, per-file verdict with the fused score and inconclusive band, each branch's score and
// status, key frames with heatmaps, spectrograms, findings, PDF revisions, metadata, bookmarks and
// notes, engine and fusion versions, when each analysis ran, and what the scores mean), laid out by
// `PDFLayout` and paginated on A4 by `PDFPaginator`. Every string from evidence or analysts goes
// through `Markup.text` (terminal escapes stripped, markup escaped).
import CaseStore
import Evidence
import Foundation

/// Renders a `CaseReport` as PDF bytes.
public struct PDFReportRenderer: Sendable {
    public var layout: PDFLayout
    public init(layout: PDFLayout = PDFLayout()) { self.layout = layout }

    private func e(_ s: String) -> String { Markup.text(s) }

    /// The PDF; `figures`, when given, holds one entry per evidence file, in evidence order.
    public func render(_ r: CaseReport, figures: [EvidenceFigures]? = nil) throws -> Data {
        let p = try PDFPaginator(layout: layout)
        p.pdf.setMetadata(title: "Case report: \(r.caseInfo.name)", author: r.caseInfo.examiner, creator: r.generator)
        for b in blocks(r, figures: figures) { p.add(b) }
        var header = layout.organisation.isEmpty ? "" : "\(e(layout.organisation)) · "
        header += "\(e(layout.title)) · case \(e(r.caseInfo.name))"
        return try p.finish(header: header, footer: "\(e(r.generator)) · generated \(e(r.generatedAt))")
    }

    func blocks(_ r: CaseReport, figures: [EvidenceFigures]?) -> [PDFBlock] {
        var out: [PDFBlock] = []
        out.append(.paragraph(markup: "<span font_desc=\"\(layout.titleFont)\" foreground=\"\(layout.accent.hex)\">Case report: \(e(r.caseInfo.name))</span>"))
        if !r.caseInfo.description.isEmpty { out.append(.paragraph(markup: e(r.caseInfo.description))) }
        out.append(.paragraph(markup: "Examiner: \(e(r.caseInfo.examiner.isEmpty ? "not recorded" : r.caseInfo.examiner)) · case opened \(e(r.caseInfo.createdAt)) · report generated \(e(r.generatedAt)) by \(e(r.generator))", font: .small, colour: .muted))

        out.append(.heading(level: 1, markup: "Summary", bookmark: "Summary"))
        let s = ReportSummary(r), broken = s.custodyProblems
        out.append(.paragraph(markup: "\(s.files) evidence file(s); \(s.analysed) analysed. Verdicts: \(e(s.verdictLine))."))
        if broken.isEmpty {
            out.append(.paragraph(markup: "<span foreground=\"\(layout.real.hex)\">Every evidence file still matches the SHA-256 recorded at intake.</span>"))
        } else {
            var m = "<b>Chain of custody broken for \(broken.count) file(s):</b>"
            for b in broken { m += "\n• \(e(b.path)): \(e(b.custodyDetail))" }
            m += "\nResults shown for these files describe the file as it was analysed, not as it is now."
            out.append(.alert(markup: m))
        }

        out.append(.heading(level: 1, markup: "Evidence", bookmark: "Evidence"))
        if r.evidence.isEmpty {
            out.append(.paragraph(markup: "No evidence in this case."))
        } else {
            let rows = r.evidence.enumerated().map { i, ev -> [String] in
                ["\(i + 1)", "<b>\(e(ev.fileName))</b>\n<span foreground=\"\(layout.muted.hex)\">\(e(ev.path))</span>",
                 "\(e(ev.media.rawValue))/\(e(ev.format))\n\(ev.bytes) bytes",
                 "<span font_desc=\"\(layout.monoFont)\">\(e(ev.sha256))</span>",
                 "\(e(ev.intakeAt))\nby \(e(ev.addedBy))\(ev.copy == nil ? "" : "\ncopy kept in case")",
                 custody(ev.custody) + (ev.tags.isEmpty ? "" : "\n\(e(ev.tags.joined(separator: ", ")))"),
                 ev.analysis.map { verdict($0.report.verdict) } ?? "not analysed"]
            }
            out.append(.table(PDFTable(columns: [("#", 0.3), ("file", 2.2), ("kind", 1.0), ("SHA-256 at intake", 2.4), ("intake", 1.5),
                                                 ("custody, tags", 1.1), ("verdict", 1.1)], rows: rows)))
        }

        out.append(.heading(level: 1, markup: "Findings per file", bookmark: "Findings per file"))
        for (i, ev) in r.evidence.enumerated() {
            out += file(ev, number: i + 1, figures: figures.flatMap { i < $0.count ? $0[i] : nil })
        }

        out.append(.heading(level: 1, markup: "Case notes", bookmark: "Case notes"))
        out += notes(r.notes, empty: "No case notes.")

        out.append(.heading(level: 1, markup: "What the scores mean, and what they do not", bookmark: "What the scores mean"))
        for para in layout.scoresNote.components(separatedBy: "\n\n") where !para.isEmpty {
            out.append(.paragraph(markup: e(para.replacingOccurrences(of: "\n", with: " "))))
        }
        return out
    }

    func custody(_ c: String) -> String {
        c == "unchanged" ? "<span foreground=\"\(layout.real.hex)\">unchanged</span>" : "<span foreground=\"\(layout.alert.hex)\"><b>\(e(c.uppercased()))</b></span>"
    }

    func verdict(_ v: Verdict) -> String {
        let colour = switch v.label { case .fake: layout.fake; case .real: layout.real; case .inconclusive: layout.inconclusive }
        return "<span foreground=\"\(colour.hex)\"><b>\(e(v.label.rawValue.uppercased()))</b></span>" + (v.score.map { String(format: " %.3f", $0) } ?? "")
    }

    func file(_ ev: CaseReport.EvidenceEntry, number: Int, figures: EvidenceFigures?) -> [PDFBlock] {
        var out: [PDFBlock] = [.heading(level: 2, markup: "\(number). \(e(ev.fileName))", bookmark: "\(number). \(ev.fileName)")]
        out.append(.paragraph(markup: "Path at intake: \(e(ev.path))", font: .small))
        out.append(.paragraph(markup: "SHA-256 \(e(ev.sha256))", font: .mono))
        out.append(.paragraph(markup: "\(ev.bytes) bytes · \(e(ev.media.rawValue))/\(e(ev.format))", font: .small, colour: .muted))
        if ev.custody != "unchanged" {
            out.append(.alert(markup: "<b>Custody:</b> \(e(ev.custodyDetail))"))
        } else {
            out.append(.paragraph(markup: "<span foreground=\"\(layout.real.hex)\">Custody: \(e(ev.custodyDetail))</span>", font: .small))
        }
        guard let run = ev.analysis else {
            return out + [.paragraph(markup: "Not analysed yet (deepscan case analyse).")] + annotations(ev)
        }
        let rep = run.report, v = rep.verdict
        out.append(.paragraph(markup: "Verdict \(verdict(v)) · threshold \(String(format: "%.2f", v.threshold)) · inconclusive band \(String(format: "%.2f–%.2f", v.band.lowerBound, v.band.upperBound)) · \(e(v.method))"))
        out.append(.paragraph(markup: e(v.explanation)))
        out.append(.table(PDFTable(columns: [("branch", 1.1), ("status", 1.2), ("score", 0.7), ("weight", 0.7), ("model", 1.4), ("note", 4)],
                                   rows: rep.branches.map { b in
            [e(b.id), e(b.status.rawValue), b.score.map { String(format: "%.3f", $0) } ?? "—", b.weight > 0 ? String(format: "%.2f", b.weight) : "—",
             e(b.model.map { "\($0.name) \($0.version)" } ?? ""), e(b.reason ?? "")]
        })))
        if let figures, !figures.figures.isEmpty || !figures.notes.isEmpty {
            out.append(.heading(level: 3, markup: "Figures", bookmark: ""))
            for n in figures.notes { out.append(.paragraph(markup: e(n), font: .small, colour: .muted)) }
            for f in figures.figures { out.append(.figure(png: f.png, width: f.width, height: f.height, caption: e(f.caption))) }
        }
        let findings = rep.findings + rep.branches.flatMap(\.findings)
        out.append(.heading(level: 3, markup: "Findings", bookmark: ""))
        out += findingTable(findings.filter { !$0.code.hasPrefix("pdf-") }, empty: "No findings.")
        if ev.media == .pdf {
            let revisions = rep.branch("pdf")?.measurements["revisions"].map { String(Int($0)) } ?? "unknown"
            out.append(.heading(level: 3, markup: "PDF structure and revisions", bookmark: ""))
            out.append(.paragraph(markup: "Revisions (incremental updates included): \(revisions)"))
            out += findingTable(findings.filter { $0.code.hasPrefix("pdf-") }, empty: "No PDF structure findings.")
        }
        let (rows, truncated) = MetadataRows.rows(rep.metadata)
        if !rows.isEmpty {
            out.append(.heading(level: 3, markup: "Metadata (\(rows.count)\(truncated ? "+" : "") fields)", bookmark: ""))
            out.append(.table(PDFTable(columns: [("field", 1), ("value", 2)], rows: rows.map { ["<span font_desc=\"\(layout.monoFont)\">\(e($0.key))</span>", e($0.value)] })))
            if truncated { out.append(.paragraph(markup: "More fields omitted; see the JSON report.", font: .small, colour: .muted)) }
        }
        out.append(.paragraph(markup: "Analysed \(e(run.startedAt)) – \(e(run.finishedAt)) by \(e(run.ranBy)) · engine \(e(run.engineVersion)) · fusion \(e(run.fusionVersion)) · custody before the run: \(e(run.custodyAtRun)) · \(ev.runs) stored run(s)", font: .small, colour: .muted))
        return out + annotations(ev)
    }

    func findingTable(_ fs: [Finding], empty: String) -> [PDFBlock] {
        guard !fs.isEmpty else { return [.paragraph(markup: e(empty), font: .small, colour: .muted)] }
        return [.table(PDFTable(columns: [("severity", 0.75), ("source", 0.8), ("code", 2.0), ("finding", 3.9), ("where", 1.0)],
                                rows: fs.sorted { $0.severity > $1.severity }.map {
            [e($0.severity.rawValue), e($0.source), e($0.code), e($0.message), e($0.location ?? "")]
        }))]
    }

    func annotations(_ ev: CaseReport.EvidenceEntry) -> [PDFBlock] {
        var out: [PDFBlock] = []
        if !ev.bookmarks.isEmpty {
            out.append(.heading(level: 3, markup: "Bookmarks", bookmark: ""))
            for b in ev.bookmarks { out.append(.paragraph(markup: "• \(e(b.place)): \(e(b.note)) <span foreground=\"\(layout.muted.hex)\">(\(e(b.author)), \(e(b.at)))</span>")) }
        }
        if !ev.notes.isEmpty {
            out.append(.heading(level: 3, markup: "Notes", bookmark: ""))
            out += notes(ev.notes, empty: "")
        }
        return out
    }

    func notes(_ ns: [CaseReport.NoteEntry], empty: String) -> [PDFBlock] {
        guard !ns.isEmpty else { return [.paragraph(markup: e(empty), font: .small, colour: .muted)] }
        return ns.map { .paragraph(markup: "• \(e($0.text)) <span foreground=\"\(layout.muted.hex)\">(\(e($0.author)), \(e($0.at)))</span>") }
    }
}
