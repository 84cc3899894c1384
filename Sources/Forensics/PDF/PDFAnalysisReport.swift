// The PDF structure analyses run together on one file: revision history, Info against XMP and
// the tools that touched it, active and hidden content, and fonts. `PDFAnalysisReport.analyze`
// is the entry point the `pdf` detection branch and the tests call; the findings in words are
// built in `PDFAnalysisReport+Findings.swift`. Everything here reads the raw bytes (through
// `PDFObjectStore`), so it works on files poppler refuses; poppler's view of the current Info
// and XMP is used when it opens the file, because that is what a reader shows.
import Evidence
import Foundation
import Media

/// What the PDF structure analyses found in one file.
public struct PDFAnalysisReport: Sendable {
    /// The raw scan it started from.
    public var structure: PDFStructure
    /// One summary per revision (at most `PDFRevisionHistory.maxDescribed`).
    public var revisions: [PDFRevisionSummary]
    /// The first revision that counts as an edit (2; 3 when the file is linearised).
    public var firstEditRevision: Int
    /// Info fields of the current document.
    public var info: [String: String]
    /// XMP fields of the current document (nil when it has no XMP).
    public var xmp: [String: String]?
    public var metadata: PDFMetadataConsistency
    public var content: PDFContentRisks
    public var fonts: PDFFontHistory
    /// Page count poppler reports (nil when poppler cannot open the file).
    public var pages: Int?
    /// Attachments poppler lists.
    public var attachments: Int
    /// Why poppler could not open the file, if it could not.
    public var openError: String?
    /// True when a bound (objects, revisions, streams) cut the reading short.
    public var truncated: Bool
    /// Findings in words (source `pdf`), most important first.
    public var findings: [Finding] = []

    /// Incremental updates that are edits (revisions from `firstEditRevision` on).
    public var updates: [PDFRevisionSummary] { revisions.filter { $0.number >= firstEditRevision } }

    /// Runs every analysis on the PDF at `path`. `structure` may be passed when the caller has
    /// it already (the branch shares one scan). Throws only when the file cannot be read.
    public static func analyze(path: String, structure: PDFStructure? = nil, now: Date = Date()) throws -> PDFAnalysisReport {
        let s = try structure ?? PDFStructure.scan(path: path)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw MediaError.io(path: path, detail: "cannot read the file: \(error.localizedDescription)")
        }
        let bytes = [UInt8](data)
        let store = PDFObjectStore(bytes: bytes, structure: s)
        var info: [String: String] = [:], xmpRaw: String?, pages: Int?, attachments = 0, openError: String?
        var idsDiffer = false
        do {
            let doc = try PDFDocument(path: path)
            pages = doc.pageCount
            attachments = doc.attachments().count
            for (k, v) in doc.info.fields { info[k] = v }
            xmpRaw = doc.xmp
            if let id = doc.fileID, !id.permanent.isEmpty { idsDiffer = id.permanent != id.update }
        } catch {
            openError = "\(error)"
        }
        let revisions = PDFRevisionHistory.summarize(structure: s, store: store)
        // Raw Info keeps the writer's date strings (with their time zones); poppler's fill gaps.
        if let last = revisions.last { info.merge(last.info) { _, raw in raw } }
        var xmp = xmpRaw.map { XMPPacket(raw: $0).fieldMap }
        if xmp == nil, let raw = revisions.last?.xmp { xmp = raw }
        let firstEdit = s.linearized && s.revisions.count >= 2 ? 3 : 2
        let singleRevision = s.revisions.count < firstEdit
        let metadata = PDFMetadataConsistency(info: info, xmp: xmp, revisions: revisions, bytes: bytes, xmpRaw: xmpRaw,
                                              singleRevisionIDsDiffer: singleRevision && idsDiffer, now: now)
        var report = PDFAnalysisReport(
            structure: s, revisions: revisions, firstEditRevision: firstEdit, info: info, xmp: xmp, metadata: metadata,
            content: PDFContentRisks(structure: s, store: store), fonts: PDFFontHistory(store: store, firstEditRevision: firstEdit),
            pages: pages, attachments: attachments, openError: openError,
            truncated: store.truncated || s.revisions.count > PDFRevisionHistory.maxDescribed || s.revisions.contains { $0.objectsTruncated })
        report.findings = report.makeFindings()
        return report
    }

    /// Named numbers for the branch panel.
    public var measurements: [String: Double] {
        var m: [String: Double] = [
            "revisions": Double(structure.revisions.count),
            "incremental_updates": Double(updates.count),
            "info_changes": Double(updates.reduce(0) { $0 + $1.infoChanges.count }),
            "info_xmp_mismatches": Double(metadata.mismatches.count),
            "date_problems": Double(metadata.dateProblems.count),
            "editors": Double(metadata.editors.count),
            "rewrite_evidence": Double(metadata.rewriteEvidence.count),
            "javascript": Double(content.count("JS") + content.count("JavaScript")),
            "open_action": Double(content.count("OpenAction")),
            "additional_actions": Double(content.count("AA")),
            "launch": Double(content.count("Launch")),
            "embedded_files": Double(max(attachments, content.count("EmbeddedFile"))),
            "rich_media": Double(content.count("RichMedia")),
            "xfa": Double(content.count("XFA")),
            "obfuscated_names": Double(content.obfuscatedNames),
            "trailing_bytes": Double(content.trailingBytes),
            "broken_xref": Double(content.brokenXref),
            "streams": Double(content.streams),
            "undecodable_streams": Double(content.undecodable.count),
            "unknown_filter_streams": Double(content.unknownFilter.count),
            "high_entropy_streams": Double(content.highEntropy.count),
            "fonts": Double(fonts.fonts.count),
            "fonts_not_embedded": Double(fonts.notEmbedded.count),
            "font_subset_changes": Double(fonts.subsetChanges.count),
        ]
        if let pages { m["pages"] = Double(pages) }
        return m
    }
}
