// What the PDF inspector tells the analyst in words, and the `structure` metadata group. Findings
// (source `media`): the file could not be opened (password, damage), incremental updates,
// data after the last %%EOF, JavaScript / OpenAction / Launch / embedded files, names hidden
// with #xx escapes, and xref offsets that point nowhere.
import Evidence
import Foundation

extension PDFInspector {
    /// A finding for a file poppler would not open.
    static func openFinding(_ error: MediaError) -> Finding {
        switch error {
        case .passwordRequired:
            return Finding(code: "pdf-password-required", severity: .notice,
                           message: "The PDF is encrypted with a user password. Give it with --password to read pages, text, Info and XMP; the structure below comes from the raw bytes.",
                           source: "media")
        case .wrongPassword:
            return Finding(code: "pdf-wrong-password", severity: .warning,
                           message: "The password given does not open this encrypted PDF; only the raw structure is reported.", source: "media")
        default:
            return Finding(code: "pdf-unreadable", severity: .critical,
                           message: "poppler cannot open this PDF (\(error.description)); only the raw structure is reported.", source: "media")
        }
    }

    static func findings(structure s: PDFStructure, document doc: PDFDocument?,
                         actions: [PDFDocument.Action], attachments: Int) -> [Finding] {
        var out: [Finding] = []
        func add(_ code: String, _ severity: Severity, _ message: String, _ location: String = "structure") {
            out.append(Finding(code: code, severity: severity, message: message, source: "media", location: location))
        }
        if s.incrementalUpdates > 0 {
            let replaced = s.revisionChanges().enumerated().prefix(20).compactMap { i, change -> String? in
                let objs = change.replaced
                return objs.isEmpty ? nil : "revision \(i + 1) replaces object\(objs.count == 1 ? "" : "s") \(list(objs))"
            }
            add("pdf-incremental-update", .notice,
                "The file has \(s.revisions.count) revisions: it was changed \(s.incrementalUpdates) time\(s.incrementalUpdates == 1 ? "" : "s") after it was first saved" +
                (replaced.isEmpty ? "." : " (\(replaced.joined(separator: "; "))).") +
                " Earlier revisions are still in the file and can be extracted.", "structure.revisions")
        }
        if s.trailingBytes > 0 {
            add("pdf-data-after-eof", .warning,
                "\(s.trailingBytes) bytes follow the last %%EOF. Readers ignore them; they can hide a payload or an unfinished update.",
                "structure.trailing_bytes")
        }
        let js = s.count("JS") + s.count("JavaScript")
        if js > 0 || doc?.hasJavaScript == true || actions.contains(where: { $0.kind == .javascript }) {
            add("pdf-javascript", .warning,
                "The PDF contains JavaScript (\(s.count("JS")) /JS, \(s.count("JavaScript")) /JavaScript). Scripts run when the file is opened or used; look at them before opening it in a reader.")
        }
        if s.count("OpenAction") > 0 || s.count("AA") > 0 {
            add("pdf-open-action", .warning,
                "The PDF has automatic actions (\(s.count("OpenAction")) /OpenAction, \(s.count("AA")) /AA) that run when it or a page is opened.")
        }
        if s.count("Launch") > 0 || actions.contains(where: { $0.kind == .launch }) {
            add("pdf-launch", .warning, "The PDF has \(s.count("Launch")) /Launch action(s), which start programs or open files outside the reader.")
        }
        if s.count("EmbeddedFile") > 0 || attachments > 0 {
            add("pdf-embedded-file", .warning,
                "The PDF carries embedded files (\(max(attachments, s.count("EmbeddedFile"))) found). Extract and examine them separately.", "attachments")
        }
        if s.obfuscatedNames > 0 {
            let watched = s.obfuscatedNameCounts.keys.sorted().map { "/\($0)" }.joined(separator: ", ")
            add("pdf-obfuscated-names", .warning,
                "\(s.obfuscatedNames) name(s) are written with #xx escapes" + (watched.isEmpty ? "." : ", including \(watched).") +
                " Legitimate writers rarely do this; it is used to hide keywords from scanners.")
        }
        if s.brokenXrefEntries > 0 || s.brokenStartxrefs > 0 {
            add("pdf-broken-xref", .notice,
                "\(s.brokenXrefEntries) of \(s.xrefEntries) xref entries and \(s.brokenStartxrefs) startxref value(s) point at the wrong place. Readers rebuild the table by scanning, which a crafted file can exploit to show different content in different readers.")
        }
        return out
    }

    static func list(_ objects: [Int], limit: Int = 20) -> String {
        let shown = objects.prefix(limit).map(String.init).joined(separator: ", ")
        return objects.count > limit ? "\(shown) and \(objects.count - limit) more" : shown
    }

    /// Everything PDFStructure found, as metadata. Object lists are capped at 1000 entries.
    static func structureGroup(_ s: PDFStructure) -> MetadataGroup {
        var g = MetadataGroup()
        g.set("header_version", s.headerVersion)
        if let o = s.headerOffset, o != 0 { g.set("header_offset", o) }
        g.set("bytes", s.byteCount)
        g.set("linearized", s.linearized)
        g.set("eof_markers", s.eofMarkers)
        g.set("startxref", .list(s.startxrefOffsets.map { .int(Int64($0)) }))
        g.set("broken_startxref", s.brokenStartxrefs)
        g.set("xref_tables", s.xrefTables)
        g.set("xref_streams", s.xrefStreams)
        g.set("xref_entries", s.xrefEntries)
        g.set("broken_xref_entries", s.brokenXrefEntries)
        g.set("trailers", s.trailers)
        g.set("obj", s.objKeywords)
        g.set("endobj", s.endobjKeywords)
        g.set("stream", s.streamKeywords)
        g.set("endstream", s.endstreamKeywords)
        if s.unterminatedStreams > 0 { g.set("unterminated_streams", s.unterminatedStreams) }
        var names = MetadataGroup()
        for k in PDFStructure.watchedNames { names.set("/" + k, s.count(k)) }
        g.set("names", names)
        var hidden = MetadataGroup()
        for k in PDFStructure.watchedNames { if let c = s.obfuscatedNameCounts[k] { hidden.set("/" + k, c) } }
        g.set("obfuscated_names", s.obfuscatedNames)
        g.set("obfuscated", hidden)
        g.set("trailing_bytes", s.trailingBytes)
        g.set("incremental_updates", s.incrementalUpdates)
        var revisions: [MetadataValue] = []
        let changes = s.revisionChanges()
        // A hostile file can have a million %%EOF markers; list the first thousand revisions.
        for (r, change) in zip(s.revisions.prefix(1000), changes) {
            var rg = MetadataGroup()
            rg.set("number", r.number)
            rg.set("start", r.startOffset)
            rg.set("end", r.endOffset)
            rg.set("startxref", r.startxref)
            rg.set("objects", r.objects.count)
            let (added, replaced) = change
            if r.number > 1 { rg.set("added", .list(added.prefix(1000).map { .int(Int64($0)) })) }
            if !replaced.isEmpty { rg.set("replaced", .list(replaced.prefix(1000).map { .int(Int64($0)) })) }
            if r.objectsTruncated { rg.set("objects_truncated", true) }
            revisions.append(.group(rg))
        }
        g.set("revisions", .list(revisions))
        if !s.trailingObjects.isEmpty { g.set("objects_after_last_eof", s.trailingObjects.count) }
        return g
    }
}
