// Headline facts and the metadata tree of a PDF for `deepscan info` and the report. The raw
// structure (PDFStructure) is read first and always reported, so an encrypted, damaged or hostile
// file still says what it is made of; poppler (PDFDocument) then adds pages, Info, XMP, fonts,
// attachments, forms and actions when it can open the file. Groups: `pdf`, `info`, `xmp`,
// `structure`, `fonts`, `attachments`, `forms`, `actions`. Findings come from
// `PDFInspector+Findings.swift`.
import Evidence
import Foundation

enum PDFInspector {
    /// Fills `s` for the PDF at `path`. Throws only when the file cannot be read at all; a file
    /// poppler refuses (password, damage) is reported with a finding instead.
    static func inspect(path: String, options: MediaOptions, into s: inout MediaSummary) throws {
        let structure = try PDFStructure.scan(path: path)
        s.version = structure.headerVersion
        s.revisions = structure.revisions.count
        s.encrypted = structure.count("Encrypt") > 0
        var pdf = MetadataGroup()
        var groups: [(String, MetadataGroup)] = []
        var opened: PDFDocument?
        var actions: [PDFDocument.Action] = [], attachments: [PDFDocument.Attachment] = []
        do {
            opened = try PDFDocument(path: path, options: options)
        } catch let error as MediaError {
            switch error {
            case .passwordRequired, .wrongPassword: s.encrypted = true
            default: break
            }
            s.findings.append(openFinding(error))
        }
        if let doc = opened {
            s.pages = doc.pageCount
            s.version = doc.version
            pdf.set("version", doc.version)
            pdf.set("pages", doc.pageCount)
            if doc.pageCount > 0, let size = try? doc.pageSize(page: 1) {
                pdf.set("page_size", String(format: "%g x %g pt", size.width, size.height))
            }
            pdf.set("linearized", doc.isLinearized)
            pdf.set("encrypted", s.encrypted ?? false)
            pdf.set("permissions", .list(doc.permissions.map { .string($0) }))
            pdf.set("javascript", doc.hasJavaScript)
            if let id = doc.fileID { pdf.set("id", .list([.string(id.permanent), .string(id.update)])) }
            actions = doc.actions()
            attachments = doc.attachments()
            groups = documentGroups(doc, actions: actions, attachments: attachments)
        } else {
            pdf.set("version", structure.headerVersion)
            pdf.set("encrypted", s.encrypted ?? false)
            pdf.set("linearized", structure.linearized)
        }
        s.metadata.set("pdf", pdf)
        var byKey = Dictionary(groups, uniquingKeysWith: { a, _ in a })
        byKey["structure"] = structureGroup(structure)
        for key in ["info", "xmp", "structure", "fonts", "attachments", "forms", "actions"] {
            if let g = byKey[key] { s.metadata.set(key, g) }
        }
        s.findings += findings(structure: structure, document: opened, actions: actions, attachments: attachments.count)
    }

    /// `info`, `xmp`, `fonts`, `attachments`, `forms` and `actions` of an open document.
    static func documentGroups(_ doc: PDFDocument, actions docActions: [PDFDocument.Action],
                               attachments docAttachments: [PDFDocument.Attachment]) -> [(String, MetadataGroup)] {
        var out: [(String, MetadataGroup)] = []
        var info = MetadataGroup()
        for (k, v) in doc.info.fields { info.set(k, v) }
        out.append(("info", info))

        if let raw = doc.xmp {
            let packet = XMPPacket(raw: raw)
            var xmp = MetadataGroup()
            for (k, v) in packet.orderedFields { xmp.set(k, v) }
            if !packet.wellFormed { xmp.set("well_formed", false) }
            xmp.set("raw", raw)
            out.append(("xmp", xmp))
        }

        var fonts = MetadataGroup()
        for (i, f) in doc.fonts().enumerated() {
            var g = MetadataGroup()
            g.set("name", f.name ?? "(unnamed)")
            g.set("type", f.type)
            g.set("embedded", f.embedded)
            g.set("subset", f.subset)
            g.set("encoding", f.encoding)
            fonts.set(String(i + 1), g)
        }
        out.append(("fonts", fonts))

        var attachments = MetadataGroup()
        for (i, a) in docAttachments.enumerated() {
            var g = MetadataGroup()
            g.set("name", a.name)
            g.set("size", a.size)
            g.set("description", a.description)
            g.set("created", a.created)
            g.set("modified", a.modified)
            attachments.set(String(i + 1), g)
        }
        out.append(("attachments", attachments))

        var forms = MetadataGroup()
        for f in doc.formFields() {
            var g = MetadataGroup()
            g.set("name", f.name)
            g.set("type", f.type)
            g.set("page", f.page)
            g.set("read_only", f.readOnly)
            g.set("value", f.value)
            forms.set(String(f.id), g)
        }
        out.append(("forms", forms))

        var actions = MetadataGroup()
        for (i, a) in docActions.enumerated() {
            var g = MetadataGroup()
            g.set("kind", a.kind.rawValue)
            g.set("target", a.target)
            g.set("page", a.page)
            g.set("origin", a.origin)
            actions.set(String(i + 1), g)
        }
        out.append(("actions", actions))
        return out
    }
}
