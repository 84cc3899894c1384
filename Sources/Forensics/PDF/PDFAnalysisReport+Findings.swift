// The PDF analyses in words. Every finding has source `pdf` and a stable code:
// pdf-incremental-update, pdf-info-changed, pdf-pages-changed, pdf-info-xmp-mismatch,
// pdf-dates-inconsistent, pdf-editor-producer, pdf-rewritten, pdf-font-subset-changed,
// pdf-font-subset-duplicated, pdf-font-not-embedded, pdf-javascript, pdf-open-action, pdf-launch,
// pdf-embedded-file, pdf-rich-media, pdf-xfa, pdf-obfuscated-names, pdf-escaped-names, pdf-data-after-eof,
// pdf-broken-xref, pdf-stream-undecodable, pdf-stream-unknown-filter, pdf-high-entropy-stream,
// pdf-unreadable, pdf-analysis-bounded. Warnings are what an analyst must look at; a pristine
// document written once by one tool produces none.
import Evidence
import Foundation

extension PDFAnalysisReport {
    /// Roles whose change in an update alters what the document says or shows.
    static let substantiveRoles: Set<String> = ["Info dictionary", "XMP metadata", "page", "page tree", "page content", "font",
                                                "font program", "image", "form XObject", "JavaScript", "embedded file", "annotation"]

    func makeFindings() -> [Finding] {
        var out: [Finding] = []
        func add(_ code: String, _ severity: Severity, _ message: String, _ location: String? = nil) {
            out.append(Finding(code: code, severity: severity, message: message, source: "pdf", location: location))
        }
        func list(_ xs: [String], _ limit: Int = 6) -> String {
            xs.count > limit ? xs.prefix(limit).joined(separator: "; ") + "; and \(xs.count - limit) more" : xs.joined(separator: "; ")
        }
        func q(_ s: String?) -> String { s.map { "\"\(String($0.prefix(80)))\"" } ?? "(absent)" }

        if let openError { add("pdf-unreadable", .notice, "poppler cannot open the file (\(openError)); the analysis below comes from the raw bytes.") }
        if !updates.isEmpty {
            let substantive = updates.contains { !Set($0.roles.keys).isDisjoint(with: Self.substantiveRoles) }
            let steps = updates.map { u in "revision \(u.number) \(u.words)" + (u.producer.map { " (Producer \(q($0)))" } ?? "") }
            add("pdf-incremental-update", substantive ? .warning : .notice,
                "The file was changed \(updates.count) time\(updates.count == 1 ? "" : "s") after it was first saved: \(list(steps)). " +
                "Each earlier revision is still in the file and can be extracted (PDFStructure.revisionData).", "structure.revisions")
        }
        for u in updates where !u.infoChanges.isEmpty {
            let changes = u.infoChanges.map { "\($0.field) \(q($0.before)) → \(q($0.after))" }
            add("pdf-info-changed", .warning, "Revision \(u.number) changed the Info dictionary: \(list(changes)).", "info")
        }
        for (prev, u) in zip(revisions, revisions.dropFirst()) where u.number >= firstEditRevision {
            if let a = prev.pages, let b = u.pages, a != b {
                add("pdf-pages-changed", .warning, "Revision \(u.number) \(b > a ? "added" : "removed") \(abs(b - a)) page\(abs(b - a) == 1 ? "" : "s") (\(a) → \(b)).", "structure.revisions")
            }
        }
        if !metadata.mismatches.isEmpty {
            let m = metadata.mismatches.map { "\($0.field): \(q($0.before)) vs \(q($0.after))" }
            let dateOnly = metadata.mismatches.allSatisfy { $0.field.contains("Date") }
            add("pdf-info-xmp-mismatch", dateOnly ? .notice : .warning,
                "The Info dictionary and the XMP metadata disagree (\(list(m))). Writers set both together; a tool that edited only one leaves this.", "xmp")
        }
        if !metadata.dateProblems.isEmpty {
            add("pdf-dates-inconsistent", .warning, "The dates do not add up: \(list(metadata.dateProblems)).", "info")
        }
        if !metadata.editors.isEmpty {
            let e = metadata.editors.map { "\($0.signature.name), a \($0.signature.role) (\($0.evidence))" }
            let strong = metadata.editors.contains { $0.signature.weight >= 0.4 }
            add("pdf-editor-producer", strong ? .warning : .notice, "Tools that edit PDFs after they are created touched this file: \(list(e)).", "info.Producer")
        }
        if !metadata.rewriteEvidence.isEmpty {
            add("pdf-rewritten", .warning, "The file was rewritten after it was created: \(list(metadata.rewriteEvidence)).", "structure")
        }
        for c in fonts.subsetChanges {
            add("pdf-font-subset-changed", .warning,
                "Revision \(c.revision) brings font \(c.name) as subset \(c.after)+ where earlier revisions used \(c.before)+: text in that font was set again by another program.", "fonts")
        }
        if !fonts.duplicatedSubsets.isEmpty {
            let d = fonts.duplicatedSubsets.map { "\($0.name) (\($0.tags.joined(separator: ", ")))" }
            add("pdf-font-subset-duplicated", .notice,
                "Some fonts are embedded as several different subsets: \(list(d)). Pages merged from different files, or included PDF figures, do this.", "fonts")
        }
        let missing = fonts.notEmbedded
        if !missing.isEmpty {
            let late = missing.filter { $0.revision >= firstEditRevision }
            add("pdf-font-not-embedded", late.isEmpty ? .info : .notice,
                "\(missing.count) font\(missing.count == 1 ? " is" : "s are") not embedded (\(list(Array(Set(missing.map(\.name))).sorted()))" +
                (late.isEmpty ? ")." : "), \(late.count) of them added by an update: editors often type new text in a system font."), "fonts")
        }
        riskFindings(add)
        if truncated {
            add("pdf-analysis-bounded", .notice, "The file is larger than the analysis bounds (objects, revisions or streams); later parts were counted, not read in full.")
        }
        return out.sorted { $0.severity > $1.severity }
    }

    private func riskFindings(_ add: (String, Severity, String, String?) -> Void) {
        let c = content
        let js = c.count("JS") + c.count("JavaScript")
        if js > 0 {
            let ex = c.javascript.isEmpty ? "" : " First script: \(c.javascript[0])"
            add("pdf-javascript", .warning, "The PDF contains JavaScript (\(c.count("JS")) /JS, \(c.count("JavaScript")) /JavaScript).\(ex)", "structure.names")
        }
        if c.count("OpenAction") > 0 || c.count("AA") > 0 {
            let what = c.openAction.map { " The /OpenAction runs a \($0) action." } ?? ""
            let active = c.openAction.map { !["GoTo", "GoTo (destination)"].contains($0) } ?? true
            add("pdf-open-action", c.openAction == "JavaScript" || c.openAction == "Launch" || c.count("AA") > 0 ? .warning : (active ? .notice : .info),
                "The PDF has automatic actions (\(c.count("OpenAction")) /OpenAction, \(c.count("AA")) /AA).\(what)", "structure.names")
        }
        if c.count("Launch") > 0 { add("pdf-launch", .warning, "The PDF has \(c.count("Launch")) /Launch action(s), which start programs outside the reader.", "structure.names") }
        let files = max(attachments, c.count("EmbeddedFile"))
        if files > 0 { add("pdf-embedded-file", .warning, "The PDF carries \(files) embedded file(s); extract and examine them separately.", "attachments") }
        if c.count("RichMedia") > 0 { add("pdf-rich-media", .warning, "The PDF embeds rich media (\(c.count("RichMedia")) /RichMedia: Flash or video).", "structure.names") }
        if c.count("XFA") > 0 { add("pdf-xfa", .notice, "The PDF has an XFA form (\(c.count("XFA")) /XFA), which can carry scripts of its own.", "structure.names") }
        let hidden = structure.obfuscatedNameCounts.filter { $0.value > 0 }.keys.sorted()
        if !hidden.isEmpty {
            add("pdf-obfuscated-names", .warning, "Keywords are written with #xx escapes (\(hidden.map { "/" + $0 }.joined(separator: ", "))), a way to hide them from scanners.", "structure.names")
        } else if c.obfuscatedNames > 0 {
            add("pdf-escaped-names", .info, "\(c.obfuscatedNames) name(s) use #xx escapes, none of them a watched keyword (TeX writes destination and glyph names this way).", "structure.names")
        }
        if c.trailingBytes > 0 {
            add("pdf-data-after-eof", .warning, "\(c.trailingBytes) bytes follow the last %%EOF; readers ignore them, so they can hide a payload or an unfinished update.", "structure.trailing_bytes")
        }
        if c.brokenXref > 0 {
            add("pdf-broken-xref", .notice, "\(c.brokenXref) cross-reference entries or startxref values point at the wrong place; readers rebuild the table, and different readers may then show different content.", "structure.xref")
        }
        func objs(_ xs: [PDFStreamIssue]) -> String { xs.prefix(5).map { "object \($0.object): \($0.detail)" }.joined(separator: "; ") + (xs.count > 5 ? "; …" : "") }
        if !c.undecodable.isEmpty {
            add("pdf-stream-undecodable", .notice, "\(c.undecodable.count) stream(s) do not decode with their filter (\(objs(c.undecodable))).", "structure.streams")
        }
        if !c.unknownFilter.isEmpty {
            add("pdf-stream-unknown-filter", .info, "\(c.unknownFilter.count) stream(s) use a filter not decoded here; their content is unknown (\(objs(c.unknownFilter))).", "structure.streams")
        }
        if !c.highEntropy.isEmpty {
            add("pdf-high-entropy-stream", .warning, "\(c.highEntropy.count) stream(s) that are neither images nor fonts decode to near-random bytes, as packed or encrypted payloads do (\(objs(c.highEntropy))).", "structure.streams")
        }
    }
}
