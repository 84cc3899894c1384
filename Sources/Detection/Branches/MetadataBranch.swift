// The `metadata` detection branch: what programs and devices wrote about the file (EXIF, XMP,
// IPTC, container and stream tags), judged by Forensics' MetadataConsistency. It decodes nothing,
// so it is the cheapest branch and answers from the summary the engine already read.
//
// PDFs are left to the `pdf` branch (answer: not_applicable, "PDF metadata is judged by the pdf
// branch"). The architecture gives that branch the Info dictionary against XMP and the producers,
// and a PDF's dates are only meaningful next to its revisions, which that branch reads. Judging
// the same Producer and ModDate here as well would count one piece of evidence twice in the
// fusion. MetadataConsistency itself still reads PDFs, and its SoftwareCatalog is shared, so the
// pdf branch can call it for producer names.
//
// Images, videos and audio files without any metadata to check answer not_applicable with
// exactly what was missing; a JPEG without metadata is answered (`metadata-stripped`).
import Evidence
import Forensics
import Foundation

/// Metadata consistency as a detection branch.
public struct MetadataBranch: Branch {
    public let id = "metadata"
    public let title = "Metadata consistency"
    public let media: Set<MediaKind> = Set(MediaKind.allCases)
    public let models: [String] = []
    /// The moment plausible dates are bounded by; nil means the time of the analysis.
    public var now: Date?

    public init(now: Date? = nil) { self.now = now }

    public func analyze(_ input: BranchInput) throws -> BranchOutput {
        try input.checkCancelled()
        if input.summary.media == .pdf {
            return .notApplicable(id, "PDF metadata is judged by the pdf branch")
        }
        let report = MetadataConsistency.check(input.summary, now: now ?? Date())
        if let reason = report.notApplicable { return .notApplicable(id, reason) }
        var measurements = report.measurements
        // Each finding's weight, so the branch panel can show what drove the score.
        // `weight_metadata_editor_software` = 0.45: the largest weight of each code.
        for item in report.items + report.counted {
            let key = "weight_" + item.finding.code.replacingOccurrences(of: "-", with: "_")
            measurements[key] = max(measurements[key] ?? 0, (item.weight * 1000).rounded() / 1000)
        }
        return BranchOutput(result: BranchResult(id: id, status: .ok, score: report.score, findings: report.findings,
                                                 measurements: measurements))
    }
}
