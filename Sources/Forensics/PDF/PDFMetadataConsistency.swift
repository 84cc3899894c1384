// The Info dictionary against the XMP packet, the dates against each other and the clock, and the
// tools that touched the file. A writer sets Info and XMP together; a tool that edits only one of
// them (exiftool with PDF: tags, many online editors) leaves them disagreeing. Dates are compared
// as moments (`PDFDate`), text after folding case, spacing and list separators. Tools are named
// from Producer / Creator / CreatorTool / every revision's producer / the XMP toolkit / byte
// fingerprints (`PDFEditorSignatures`), and a writer fingerprint that contradicts the Producer,
// or a file ID whose two halves differ in a single-revision file, says the file was rewritten.
import Foundation

/// What the metadata says about the document's history.
public struct PDFMetadataConsistency: Sendable, Equatable {
    /// Info and XMP fields that disagree (`field` is `Info name / XMP name`).
    public var mismatches: [PDFFieldChange] = []
    /// Date problems in words (ModDate before CreationDate, dates in the future).
    public var dateProblems: [String] = []
    /// Editing tools recognised, with where each was seen.
    public var editors: [(signature: PDFEditorSignature, evidence: String)] = []
    /// Reasons to think the file was rewritten by a tool other than its Producer.
    public var rewriteEvidence: [String] = []

    public static func == (a: Self, b: Self) -> Bool {
        a.mismatches == b.mismatches && a.dateProblems == b.dateProblems && a.rewriteEvidence == b.rewriteEvidence
            && a.editors.map(\.signature) == b.editors.map(\.signature) && a.editors.map(\.evidence) == b.editors.map(\.evidence)
    }

    /// Info name, XMP name, and whether the values are dates.
    static let pairs: [(String, String, Bool)] = [
        ("Title", "dc:title", false), ("Author", "dc:creator", false), ("Creator", "xmp:CreatorTool", false),
        ("Producer", "pdf:Producer", false), ("CreationDate", "xmp:CreateDate", true), ("ModDate", "xmp:ModifyDate", true),
    ]

    /// Compares `info` (raw Info strings) with `xmp` (XMP fields; nil when the file has none).
    /// `now` is the analysis time (dates more than a day after it are in the future).
    public init(info: [String: String], xmp: [String: String]?, revisions: [PDFRevisionSummary],
                bytes: [UInt8], xmpRaw: String?, singleRevisionIDsDiffer: Bool, now: Date = Date()) {
        if let xmp {
            for (ik, xk, isDate) in Self.pairs {
                guard let a = info[ik], let b = xmp[xk], !Self.fold(a).isEmpty, !Self.fold(b).isEmpty else { continue }
                let same: Bool
                if isDate, let da = PDFDate(a), let db = PDFDate(b) { same = da.sameMoment(as: db) } else { same = Self.sameText(a, b) }
                if !same { mismatches.append(PDFFieldChange(field: "\(ik) / \(xk)", before: a, after: b)) }
            }
        }
        checkDates(info: info, xmp: xmp ?? [:], now: now)
        findEditors(info: info, xmp: xmp ?? [:], revisions: revisions, bytes: bytes, xmpRaw: xmpRaw)
        let fingerprints = PDFEditorSignatures.byteFingerprints(bytes)
        let producerFamily = PDFEditorSignatures.family(ofProducer: info["Producer"])
        if let pf = producerFamily {
            if let marker = PDFEditorSignatures.headerMarkerFamily(bytes), marker != pf {
                rewriteEvidence.append("the header's binary comment is \(marker)'s, but the Producer says \(info["Producer"]!)")
            }
            for f in fingerprints where f != pf && f != "exiftool" {
                rewriteEvidence.append("the objects are written the way \(f) writes them, but the Producer says \(info["Producer"]!)")
            }
        }
        // pdfTeX writes the two /ID halves equal when it creates a file (Distiller and iText do not),
        // so differing halves say something only for pdfTeX's files.
        if singleRevisionIDsDiffer && producerFamily == "pdftex" {
            rewriteEvidence.append("the two halves of the file /ID differ although the file has one revision: it was saved again after it was created, by a tool that rewrote it whole")
        }
    }

    private mutating func checkDates(info: [String: String], xmp: [String: String], now: Date) {
        let soon = now.addingTimeInterval(86_400)
        for (k, v) in info.sorted(by: { $0.key < $1.key }) + xmp.sorted(by: { $0.key < $1.key }) where k.contains("Date") {
            if let d = PDFDate(v), d.date > soon { dateProblems.append("\(k) \(v) is in the future") }
        }
        for (c, m, label) in [("CreationDate", "ModDate", "Info"), ("xmp:CreateDate", "xmp:ModifyDate", "XMP")] {
            let src = label == "Info" ? info : xmp
            if let a = src[c].flatMap(PDFDate.init), let b = src[m].flatMap(PDFDate.init), b.date < a.date.addingTimeInterval(-1),
               !(a.hasZone != b.hasZone && a.sameMoment(as: b)) {
                dateProblems.append("\(label) \(m) (\(b)) is before \(c) (\(a))")
            }
        }
    }

    private mutating func findEditors(info: [String: String], xmp: [String: String], revisions: [PDFRevisionSummary],
                                      bytes: [UInt8], xmpRaw: String?) {
        let creator = info["Creator"] ?? xmp["xmp:CreatorTool"]
        var sources: [(String, String)] = [("Producer", info["Producer"] ?? ""), ("XMP pdf:Producer", xmp["pdf:Producer"] ?? "")]
        if let c = info["Creator"] { sources.append(("Creator", c)) }
        if let c = xmp["xmp:CreatorTool"] { sources.append(("XMP CreatorTool", c)) }
        for r in revisions.dropLast() { if let p = r.producer { sources.append(("Producer of revision \(r.number)", p)) } }
        for (label, tool) in sources {
            // The Creator names the authoring tool; it counts as an editor only for tools that never author.
            let isCreatorField = label.contains("Creator")
            for sig in PDFEditorSignatures.matches(tool: tool, creator: isCreatorField ? "" : creator)
            where (!isCreatorField || sig.editsWhen == .always) && !editors.contains(where: { $0.signature.id == sig.id }) {
                editors.append((sig, "\(label) \"\(tool)\""))
            }
        }
        if let raw = xmpRaw, raw.contains("Image::ExifTool"), !editors.contains(where: { $0.signature.id == "exiftool" }),
           let sig = PDFEditorSignatures.all.first(where: { $0.id == "exiftool" }) {
            editors.append((sig, "XMP toolkit Image::ExifTool"))
        }
        for f in PDFEditorSignatures.byteFingerprints(bytes) where !editors.contains(where: { $0.signature.id == f }) {
            if let sig = PDFEditorSignatures.all.first(where: { $0.id == f }) {
                editors.append((sig, f == "exiftool" ? "an %EndExifToolUpdate marker in the file" : "the way the file's objects are written"))
            }
        }
    }

    /// Lower case, single spaces, no surrounding blanks or quotes.
    static func fold(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
    }

    /// Equal after folding, or as sets of names (`A; B` = `A, B` = `B and A`), or when one is
    /// the other with a language-alternative duplicate (`T; T`).
    static func sameText(_ a: String, _ b: String) -> Bool {
        let fa = fold(a), fb = fold(b)
        if fa == fb { return true }
        func items(_ s: String) -> Set<String> {
            Set(s.replacingOccurrences(of: " and ", with: ";").split(whereSeparator: { ";,&".contains($0) })
                .map { fold(String($0)) }.filter { !$0.isEmpty })
        }
        return items(fa) == items(fb)
    }
}
