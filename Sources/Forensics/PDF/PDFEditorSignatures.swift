// The one table of PDF tools that edit, convert or rewrite documents after they were created, and
// the traces each leaves: a Producer / Creator / XMP CreatorTool string, a binary comment on the
// header's second line, or a byte pattern of its own way of writing objects. Matching a name
// alone is not proof (Acrobat and LibreOffice also create documents), so each row says when it
// counts as an edit, and with what weight. Sources: the tools' own output on this machine (qpdf
// 11.3, exiftool 12.57, Ghostscript 10.0, pdfTeX 1.40) and their documentation for the rest.
import Foundation

/// A known PDF tool and how to recognise it.
public struct PDFEditorSignature: Sendable, Equatable {
    /// Tool family (`exiftool`, `acrobat`, `ilovepdf`, ...).
    public var id: String
    /// Name for people.
    public var name: String
    /// Lower-case substrings of Producer / Creator / CreatorTool that name it.
    public var patterns: [String]
    /// What the tool does to a PDF, in words for the finding.
    public var role: String
    /// Evidence weight (0...1) of finding it, when `editsWhen` holds.
    public var weight: Double
    /// When a match means the document was edited rather than created by the tool.
    public var editsWhen: Condition

    public enum Condition: Sendable, Equatable {
        /// Any match is an edit (the tool does not create documents).
        case always
        /// Only when the Creator (or CreatorTool) names a different tool.
        case creatorDiffers
        /// Only when the Creator names a tool that writes PDF itself (so this one re-wrote it).
        case creatorWritesPDF
    }
}

/// The table and the matching rules.
public enum PDFEditorSignatures {
    public static let all: [PDFEditorSignature] = [
        .init(id: "exiftool", name: "ExifTool", patterns: ["exiftool"], role: "metadata editor; appends an incremental update",
              weight: 0.6, editsWhen: .always),
        .init(id: "acrobat", name: "Adobe Acrobat (editing)", patterns: ["adobe acrobat pro", "adobe acrobat standard", "adobe acrobat 1", "adobe acrobat 9", "adobe acrobat 8", "adobe acrobat 7"],
              role: "desktop PDF editor", weight: 0.35, editsWhen: .creatorDiffers),
        .init(id: "ilovepdf", name: "iLovePDF", patterns: ["ilovepdf"], role: "online PDF editing service", weight: 0.55, editsWhen: .always),
        .init(id: "smallpdf", name: "Smallpdf", patterns: ["smallpdf"], role: "online PDF editing service", weight: 0.55, editsWhen: .always),
        .init(id: "pdfescape", name: "PDFescape", patterns: ["pdfescape"], role: "online PDF editor", weight: 0.55, editsWhen: .always),
        .init(id: "sejda", name: "Sejda", patterns: ["sejda"], role: "online PDF editor", weight: 0.5, editsWhen: .always),
        .init(id: "pdf24", name: "PDF24", patterns: ["pdf24"], role: "PDF toolbox", weight: 0.4, editsWhen: .creatorDiffers),
        .init(id: "foxit", name: "Foxit PhantomPDF / PDF Editor", patterns: ["phantompdf", "foxit pdf editor", "foxit advanced pdf editor"],
              role: "desktop PDF editor", weight: 0.5, editsWhen: .always),
        .init(id: "nitro", name: "Nitro Pro", patterns: ["nitro pro", "nitro pdf"], role: "desktop PDF editor", weight: 0.45, editsWhen: .creatorDiffers),
        .init(id: "pdfxchange", name: "PDF-XChange Editor", patterns: ["pdf-xchange editor", "pdf-xchange viewer"], role: "desktop PDF editor",
              weight: 0.45, editsWhen: .always),
        .init(id: "pdfelement", name: "Wondershare PDFelement", patterns: ["pdfelement", "wondershare"], role: "desktop PDF editor",
              weight: 0.45, editsWhen: .creatorDiffers),
        .init(id: "libreoffice", name: "LibreOffice (PDF import)", patterns: ["libreoffice", "openoffice"],
              role: "office suite; re-exports PDFs opened in Draw", weight: 0.35, editsWhen: .creatorDiffers),
        .init(id: "qpdf", name: "qpdf", patterns: ["qpdf"], role: "structural rewriter (merge, split, attach)", weight: 0.4, editsWhen: .always),
        .init(id: "pikepdf", name: "pikepdf", patterns: ["pikepdf"], role: "Python library over qpdf", weight: 0.45, editsWhen: .always),
        .init(id: "pdftk", name: "pdftk", patterns: ["pdftk"], role: "merges, splits and stamps PDFs (it never authors one)", weight: 0.4,
              editsWhen: .always),
        .init(id: "itext", name: "iText", patterns: ["itext"], role: "PDF library used by pdftk and stamping tools", weight: 0.3,
              editsWhen: .creatorDiffers),
        .init(id: "pypdf", name: "pypdf / PyPDF2", patterns: ["pypdf"], role: "Python library that rewrites PDFs", weight: 0.45, editsWhen: .always),
        .init(id: "ghostscript", name: "Ghostscript (re-distilled)", patterns: ["ghostscript"], role: "re-renders a PDF into a new one",
              weight: 0.3, editsWhen: .creatorWritesPDF),
        .init(id: "quartz", name: "macOS Quartz PDFContext", patterns: ["quartz pdfcontext"], role: "macOS Preview saves and print-to-PDF",
              weight: 0.3, editsWhen: .creatorDiffers),
    ]

    /// Creator strings of tools that write PDF directly (used by `.creatorWritesPDF`).
    static let directPDFWriters = ["pdftex", "luatex", "xetex", "microsoft® word", "microsoft word", "writer", "acrobat pdfmaker",
                                   "chromium", "chrome", "skia", "itext", "pdftk"]

    /// The binary comment on the second header line, which many writers make their own, and
    /// the tool family it belongs to. Only distinctive ones are listed (`%âãÏÓ` is shared by
    /// Acrobat, iText and many others, so it names nobody).
    public static let headerMarkers: [([UInt8], String)] = [
        // pdfTeX and LuaTeX are one family: early LuaTeX wrote pdfTeX's marker.
        ([0xD0, 0xD4, 0xC5, 0xD8], "pdftex"), ([0xCC, 0xD5, 0xC1, 0xD4], "pdftex"), ([0xE4, 0xF0, 0xED, 0xF8], "dvipdfmx"),
        ([0xC7, 0xEC, 0x8F, 0xA2], "ghostscript"), ([0xBF, 0xF7, 0xA2, 0xFE], "qpdf"), ([0xB5, 0xED, 0xAE, 0xFB], "cairo"),
        ([0xC3, 0xA4, 0xC3, 0xBC, 0xC3, 0xB6, 0xC3, 0x9F], "libreoffice"),
    ]

    /// Producer substrings and the family they belong to (for comparing with the header marker).
    static let producerFamilies: [(String, String)] = [
        ("pdftex", "pdftex"), ("luatex", "pdftex"), ("xdvipdfmx", "dvipdfmx"), ("dvipdfm", "dvipdfmx"), ("ghostscript", "ghostscript"),
        ("qpdf", "qpdf"), ("pikepdf", "qpdf"), ("cairo", "cairo"), ("libreoffice", "libreoffice"),
    ]

    /// The producer family of a Producer string, when known.
    public static func family(ofProducer producer: String?) -> String? {
        guard let p = producer?.lowercased() else { return nil }
        return producerFamilies.first { p.contains($0.0) }?.1
    }

    /// Signatures matched by one tool string, each with the evidence it counts as.
    /// `creator` is the document's Creator or CreatorTool (the authoring application).
    public static func matches(tool: String?, creator: String?) -> [PDFEditorSignature] {
        guard let t = tool?.lowercased(), !t.isEmpty else { return [] }
        let c = creator?.lowercased() ?? ""
        return all.filter { sig in
            guard sig.patterns.contains(where: { t.contains($0) }) else { return false }
            switch sig.editsWhen {
            case .always: return true
            case .creatorDiffers: return !c.isEmpty && !sig.patterns.contains(where: { c.contains($0) }) && !sameSuite(sig.id, creator: c)
            case .creatorWritesPDF: return directPDFWriters.contains { c.contains($0) }
            }
        }
    }

    /// Creators that belong to the same suite as the producer (LibreOffice's Writer / Calc /
    /// Impress create documents; only Draw opening a PDF is an edit).
    static func sameSuite(_ id: String, creator c: String) -> Bool {
        switch id {
        case "libreoffice": return ["writer", "calc", "impress", "math", "base"].contains { c.contains($0) }
        case "acrobat": return c.contains("acrobat") || c.contains("adobe") || c.contains("distiller")
        case "itext": return c.contains("pdftk") || c.contains("itext")
        case "quartz": return c.contains("pages") || c.contains("keynote") || c.contains("numbers") || c.contains("textedit")
        default: return false
        }
    }

    /// The writer named by the header's binary comment (second line), when distinctive.
    public static func headerMarkerFamily(_ bytes: [UInt8]) -> String? {
        guard let eol = bytes.prefix(1024).firstIndex(where: { $0 == 10 || $0 == 13 }) else { return nil }
        var i = eol
        while i < bytes.count && i < eol + 2 && (bytes[i] == 10 || bytes[i] == 13) { i += 1 }
        guard i < bytes.count, bytes[i] == 0x25 else { return nil }
        let line = Array(bytes[(i + 1)..<min(bytes.count, i + 17)].prefix { $0 != 10 && $0 != 13 })
        return headerMarkers.first { line.starts(with: $0.0) }?.1
    }

    /// Tools recognised by their way of writing bytes, whatever the Producer says:
    /// exiftool's `%EndExifToolUpdate` comment and qpdf's one-line cross-reference stream and
    /// trailer dictionaries (`<< /Type /XRef /Length`, `trailer << /`).
    public static func byteFingerprints(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        if contains(bytes, "%EndExifToolUpdate") { out.append("exiftool") }
        if contains(bytes, "<< /Type /XRef /Length ") || contains(bytes, "trailer << /") { out.append("qpdf") }
        return out
    }

    static func contains(_ bytes: [UInt8], _ literal: String) -> Bool {
        let u = Array(literal.utf8)
        guard let first = u.first, bytes.count >= u.count else { return false }
        var k = 0
        let last = bytes.count - u.count
        while k <= last {
            if bytes[k] == first {
                var j = 1
                while j < u.count && bytes[k + j] == u[j] { j += 1 }
                if j == u.count { return true }
            }
            k += 1
        }
        return false
    }
}
