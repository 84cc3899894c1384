// The `pdf` branch: how strongly a PDF's structure says it was altered after it was created.
// It runs the Forensics PDF analyses (`PDFAnalysisReport.analyze`) on the shared raw scan
// (`input.shared("pdf.structure")`) and turns their findings into a score.
//
// Scoring. Each finding code is a piece of evidence with a weight w in 0...1, read as "the
// probability this alone means alteration"; independent pieces combine as a noisy-OR,
// score = 1 - (1 - base) * Π(1 - w), with base 0.02 (nothing is ever certain to be pristine).
// Weights (warning / notice severity where they differ):
//   pdf-incremental-update 0.35 / 0.12 (warning when an update touches Info, XMP, pages, content,
//   fonts, images, scripts or attachments; notice e.g. for a signature-only update) ·
//   pdf-info-changed 0.5 · pdf-pages-changed 0.45 · pdf-info-xmp-mismatch 0.55 / 0.2 (dates only) ·
//   pdf-dates-inconsistent 0.3 · pdf-editor-producer: the largest weight of the tools recognised
//   (PDFEditorSignatures, 0.3-0.6) · pdf-rewritten 0.4 · pdf-font-subset-changed 0.5 ·
//   pdf-font-subset-duplicated 0.12 · pdf-font-not-embedded 0.1 when an update added it ·
//   pdf-obfuscated-names 0.35 · pdf-data-after-eof 0.3 · pdf-launch 0.3 · pdf-javascript 0.25 ·
//   pdf-open-action 0.15 (0 for a plain GoTo, as hyperref writes) · pdf-embedded-file 0.2 · pdf-high-entropy-stream 0.2 · pdf-rich-media 0.1 ·
//   pdf-stream-undecodable 0.1 · pdf-broken-xref 0.1 · anything else 0.
// Active content (JavaScript, attachments) is risk more than alteration, hence its low weights;
// it is reported as warnings all the same. A pristine single-revision TeX PDF scores 0.02; the
// exiftool-edited sample (update replacing Info, changed Author/Title, Info/XMP disagreeing,
// exiftool's marker) scores above 0.9.
import Evidence
import Forensics
import Foundation
import Media

/// PDF structure: revisions, Info against XMP, active content, fonts and producers.
public struct PDFBranch: Branch {
    public let id = "pdf"
    public let title = "PDF structure"
    public let media: Set<MediaKind> = [.pdf]
    public let models: [String] = []

    /// Probability of alteration when no evidence is found.
    public static let base = 0.02

    public init() {}

    public func analyze(_ input: BranchInput) throws -> BranchOutput {
        try input.checkCancelled()
        let structure: PDFStructure = try input.shared("pdf.structure") { try PDFStructure.scan(path: input.path) }
        try input.checkCancelled()
        let report = try PDFAnalysisReport.analyze(path: input.path, structure: structure)
        let score = Self.score(report)
        return BranchOutput(result: BranchResult(id: id, status: .ok, score: score, findings: report.findings,
                                                 measurements: report.measurements))
    }

    /// Evidence weight of one finding (see the file header).
    public static func weight(of f: Finding, in report: PDFAnalysisReport) -> Double {
        let warning = f.severity >= .warning
        switch f.code {
        case "pdf-incremental-update": return warning ? 0.35 : 0.12
        case "pdf-info-changed": return 0.5
        case "pdf-pages-changed": return 0.45
        case "pdf-info-xmp-mismatch": return warning ? 0.55 : 0.2
        case "pdf-dates-inconsistent": return 0.3
        case "pdf-editor-producer": return report.metadata.editors.map(\.signature.weight).max() ?? 0
        case "pdf-rewritten": return 0.4
        case "pdf-font-subset-changed": return 0.5
        case "pdf-font-subset-duplicated": return 0.12
        case "pdf-font-not-embedded": return f.severity >= .notice ? 0.1 : 0
        case "pdf-obfuscated-names": return 0.35
        case "pdf-data-after-eof", "pdf-launch": return 0.3
        case "pdf-javascript": return 0.25
        case "pdf-open-action": return warning ? 0.15 : 0
        case "pdf-embedded-file", "pdf-high-entropy-stream": return 0.2
        case "pdf-rich-media", "pdf-stream-undecodable", "pdf-broken-xref": return 0.1
        default: return 0
        }
    }

    /// Noisy-OR of the findings' weights, in 0...1. Repeated codes count once (their largest weight).
    public static func score(_ report: PDFAnalysisReport) -> Double {
        var byCode: [String: Double] = [:]
        for f in report.findings { byCode[f.code] = max(byCode[f.code] ?? 0, weight(of: f, in: report)) }
        let clean = byCode.values.reduce(1 - base) { $0 * (1 - min(max($1, 0), 1)) }
        return min(max(1 - clean, 0), 1)
    }
}
