// What an object is for, in an analyst's words: the Info dictionary, the catalog, a page, the
// XMP metadata stream, a font, a page's content stream, a signature, JavaScript. Revision
// summaries use it to say "revision 2 replaced the Info dictionary and the catalog and added
// the XMP metadata" instead of listing object numbers.
import Foundation

/// Names the role of objects of one store.
struct PDFObjectRoles {
    let store: PDFObjectStore
    /// Objects referenced as page content streams, font programs, or trailers' /Info and /Root.
    private var contents = Set<Int>(), fontPrograms = Set<Int>(), infos = Set<Int>(), roots = Set<Int>()

    init(store: PDFObjectStore) {
        self.store = store
        for e in store.entries {
            let v = e.value
            switch v["Type"]?.name {
            case "Page":
                switch v["Contents"] {
                case .reference(let n, _)?: contents.insert(n)
                case .array(let a)?: for x in a { if let n = x.reference { contents.insert(n) } }
                default: break
                }
            case "FontDescriptor":
                for k in ["FontFile", "FontFile2", "FontFile3"] { if let n = v[k]?.reference { fontPrograms.insert(n) } }
            default: break
            }
        }
        for t in store.trailers.compactMap({ $0 }) {
            if let n = t["Info"]?.reference { infos.insert(n) }
            if let n = t["Root"]?.reference { roots.insert(n) }
        }
    }

    /// Role of object `number` as defined by `value`; nil for plain resources.
    func role(of number: Int, _ value: PDFValue, isStream: Bool) -> String? {
        if infos.contains(number) { return "Info dictionary" }
        if roots.contains(number) { return "catalog" }
        if contents.contains(number) { return "page content" }
        if fontPrograms.contains(number) { return "font program" }
        let type = value["Type"]?.name, subtype = value["Subtype"]?.name
        if value["JS"] != nil || value["S"]?.name == "JavaScript" { return "JavaScript" }
        switch type {
        case "Catalog": return "catalog"
        case "Pages": return "page tree"
        case "Page": return "page"
        case "Metadata": return "XMP metadata"
        case "Font": return "font"
        case "FontDescriptor": return "font descriptor"
        case "Sig", "DocTimeStamp": return "signature"
        case "EmbeddedFile": return "embedded file"
        case "Filespec": return "file specification"
        case "XRef": return "cross-reference stream"
        case "ObjStm": return "object stream"
        case "Annot": return subtype == "Widget" ? "form field" : "annotation"
        case "Action": return "action (\(value["S"]?.name ?? "?"))"
        case "XObject": return subtype == "Image" ? "image" : "form XObject"
        default: break
        }
        if subtype == "Image" { return "image" }
        if subtype == "Widget" { return "form field" }
        if value["ByteRange"] != nil && value["Contents"] != nil { return "signature" }
        if value["Fields"] != nil { return "form (AcroForm)" }
        if value["FT"] != nil { return "form field" }
        return nil
    }

    /// "the Info dictionary, the catalog and 2 fonts": roles of `numbers` in `revision`, counted.
    func describe(_ numbers: [Int], revision: Int) -> (words: String, roles: [String: Int]) {
        var counts: [String: Int] = [:]
        var other = 0
        for n in numbers {
            guard let e = store.entry(n, asOf: revision), let r = role(of: n, e.value, isStream: e.stream != nil) else { other += 1; continue }
            counts[r, default: 0] += 1
        }
        let order = ["Info dictionary", "catalog", "XMP metadata", "page tree", "page", "page content", "font", "font descriptor",
                     "font program", "image", "form XObject", "annotation", "form field", "form (AcroForm)", "signature", "JavaScript",
                     "embedded file", "file specification", "object stream", "cross-reference stream"]
        var parts: [String] = []
        for r in order + counts.keys.filter({ !order.contains($0) }).sorted() {
            guard let c = counts[r] else { continue }
            parts.append(c == 1 ? "the \(r)" : "\(c) \(Self.plural(r))")
        }
        if other > 0 { parts.append("\(other) other object\(other == 1 ? "" : "s")") }
        return (Self.join(parts), counts)
    }

    static func plural(_ r: String) -> String {
        switch r {
        case "Info dictionary": return "Info dictionaries"
        case "XMP metadata": return "XMP metadata streams"
        case "page content": return "page content streams"
        case "page tree": return "page tree nodes"
        case "catalog": return "catalogs"
        default: return r.hasSuffix("s") ? r : r + "s"
        }
    }

    static func join(_ parts: [String]) -> String {
        switch parts.count {
        case 0: return "nothing"
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }
}
