// Fonts, revision by revision. A subset font is named `ABCDEF+Base`, the six letters chosen by
// the writer for that set of glyphs; a document written once uses one tag per base font. When
// an update brings the same base font with a different tag, the text it draws was set by
// another program (an editor that re-subsetted the font to type new words), which is what
// "font subset changed" reports. Two tags for one base font inside a single revision point at
// pages merged from different files. Fonts that are not embedded (other than the standard 14)
// are listed too: text added by an editor often uses a system font it did not embed.
import Foundation

/// One font dictionary.
public struct PDFFontRecord: Sendable, Equatable {
    public var object: Int
    public var revision: Int
    /// /BaseFont as written, e.g. `ABCDEF+CMR10`.
    public var baseFont: String
    /// Base name without the subset tag.
    public var name: String
    /// The six-letter subset tag, nil when the font is not a subset.
    public var subsetTag: String?
    public var embedded: Bool
    /// /Subtype (`Type1`, `TrueType`, `Type0`, `Type3`).
    public var subtype: String?
}

/// The fonts of a PDF and what their names say about its history.
public struct PDFFontHistory: Sendable, Equatable {
    /// Every font dictionary defined, in file order (at most `maxFonts`).
    public var fonts: [PDFFontRecord] = []
    /// A base font that reappears in a later revision with another subset tag.
    public var subsetChanges: [(name: String, before: String, after: String, revision: Int)] = []
    /// Base fonts present with several subset tags in one revision.
    public var duplicatedSubsets: [(name: String, tags: [String], revision: Int)] = []
    /// Fonts neither embedded nor among the standard 14.
    public var notEmbedded: [PDFFontRecord] { fonts.filter { !$0.embedded && !Self.standard14.contains($0.name) } }

    public static let maxFonts = 10_000
    public static let standard14: Set<String> = [
        "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Helvetica", "Helvetica-Bold", "Helvetica-Oblique",
        "Helvetica-BoldOblique", "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Symbol", "ZapfDingbats",
    ]

    public static func == (a: Self, b: Self) -> Bool {
        a.fonts == b.fonts && a.subsetChanges.map(\.name) == b.subsetChanges.map(\.name)
            && a.duplicatedSubsets.map(\.name) == b.duplicatedSubsets.map(\.name)
    }

    /// Reads the fonts from `store`; `firstEditRevision` is the first revision that counts as an
    /// update (2, or 3 for a linearised file whose first section is not an edit).
    public init(store: PDFObjectStore, firstEditRevision: Int) {
        for e in store.entries where fonts.count < Self.maxFonts {
            guard e.value["Type"]?.name == "Font", let base = e.value["BaseFont"]?.name else { continue }
            let subtype = e.value["Subtype"]?.name
            guard subtype != "CIDFontType0" && subtype != "CIDFontType2" else { continue }   // described by their Type0 parent
            let (tag, name) = Self.split(base)
            fonts.append(PDFFontRecord(object: e.number, revision: e.revision, baseFont: base, name: name, subsetTag: tag,
                                       embedded: Self.isEmbedded(e.value, store: store, revision: e.revision), subtype: subtype))
        }
        var tagsBefore: [String: Set<String>] = [:]
        let revisions = Set(fonts.map(\.revision)).sorted()
        for r in revisions {
            let mine = fonts.filter { $0.revision == r && $0.subsetTag != nil }
            var here: [String: Set<String>] = [:]
            for f in mine { here[f.name, default: []].insert(f.subsetTag!) }
            for (name, tags) in here.sorted(by: { $0.key < $1.key }) {
                if r >= firstEditRevision, let old = tagsBefore[name], !tags.isSubset(of: old), let newTag = tags.subtracting(old).sorted().first {
                    subsetChanges.append((name, old.sorted().joined(separator: ","), newTag, r))
                }
                if tags.count > 1 { duplicatedSubsets.append((name, tags.sorted(), r)) }
            }
            for (name, tags) in here { tagsBefore[name, default: []].formUnion(tags) }
        }
    }

    /// `ABCDEF+Name` -> ("ABCDEF", "Name"); other names -> (nil, name).
    static func split(_ base: String) -> (String?, String) {
        let u = Array(base.utf8)
        if u.count > 7, u[6] == 0x2B, u[0..<6].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) {
            return (String(decoding: u[0..<6], as: UTF8.self), String(decoding: u[7...], as: UTF8.self))
        }
        return (nil, base)
    }

    /// Embedded when its descriptor (or its descendant's, for Type0) has a font program; Type 3
    /// fonts are drawn by their own procedures and so are always embedded.
    static func isEmbedded(_ font: PDFValue, store: PDFObjectStore, revision r: Int) -> Bool {
        if font["Subtype"]?.name == "Type3" { return true }
        var f = font
        if font["Subtype"]?.name == "Type0", let d = store.resolve(font["DescendantFonts"], asOf: r)?.array?.first,
           let desc = store.resolve(d, asOf: r) { f = desc }
        guard let fd = store.resolve(f["FontDescriptor"], asOf: r) else { return false }
        return ["FontFile", "FontFile2", "FontFile3"].contains { fd[$0] != nil }
    }
}
