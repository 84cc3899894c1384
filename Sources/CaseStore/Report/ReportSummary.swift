// The numbers at the top of a case report, shared by the Markdown, HTML and PDF renderers: how many
// files, how many analysed, verdict counts, and which files broke the chain of custody.
import Evidence
import Foundation

/// Headline counts of a case report.
public struct ReportSummary {
    public var files: Int
    public var analysed: Int
    /// "1 fake, 0 real, 2 inconclusive".
    public var verdictLine: String
    public var custodyProblems: [CaseReport.EvidenceEntry]

    public init(_ r: CaseReport) {
        files = r.evidence.count
        let reports = r.evidence.compactMap { $0.analysis?.report }
        analysed = reports.count
        verdictLine = VerdictLabel.allCases.map { label in "\(reports.filter { $0.verdict.label == label }.count) \(label.rawValue)" }
            .joined(separator: ", ")
        custodyProblems = r.evidence.filter { $0.custody != "unchanged" }
    }
}

extension CaseReport.EvidenceEntry {
    /// The file name at intake.
    public var fileName: String { (path as NSString).lastPathComponent }
}
