// The history of a PDF told revision by revision: for each incremental update, which objects it
// added and replaced and what they are (Info dictionary, catalog, pages, XMP, fonts), how the
// Info fields and the page count changed, and which producer saved it. Each revision's Info
// dictionary, catalog and page tree are read from the raw bytes as they stood at that revision
// (`PDFObjectStore.entry(_:asOf:)`), so no second reader is needed and damaged files still tell.
import Foundation
import Media

/// One revision as an analyst reads it.
public struct PDFRevisionSummary: Sendable, Equatable {
    public var number: Int
    public var byteCount: Int
    /// Objects it defines for the first time / defines again (packed objects included).
    public var added: [Int]
    public var replaced: [Int]
    /// Role name -> how many changed objects have it (`Info dictionary`, `page`, `font`, ...).
    public var roles: [String: Int]
    /// What changed, in words.
    public var words: String
    /// Info dictionary as of this revision (Title, Author, ..., ModDate; raw strings).
    public var info: [String: String]
    /// Page count of the page tree root as of this revision.
    public var pages: Int?
    /// XMP fields as of this revision (nil when there is no metadata stream).
    public var xmp: [String: String]?
    /// Info fields that differ from the previous revision: field, before, after.
    public var infoChanges: [PDFFieldChange]
    /// True for the first-page section of a linearised file (not an edit).
    public var linearizationSection: Bool
    public var producer: String? { info["Producer"] }
}

/// Builds the revision history.
public enum PDFRevisionHistory {
    /// Info keys read, in report order.
    public static let infoKeys = ["Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"]
    /// Revisions described in detail; past it only the first and the last ones are.
    public static let maxDescribed = 64

    /// The summaries, oldest first. Strings of an encrypted file are left out (they are ciphertext).
    public static func summarize(structure s: PDFStructure, store: PDFObjectStore) -> [PDFRevisionSummary] {
        guard !s.revisions.isEmpty else { return [] }
        let roles = PDFObjectRoles(store: store)
        let encrypted = store.trailers.contains { $0?["Encrypt"] != nil }
        // Objects per revision, including those packed in object streams.
        var perRevision = Array(repeating: Set<Int>(), count: s.revisions.count + 2)
        for e in store.entries where e.revision < perRevision.count { perRevision[e.revision].insert(e.number) }
        let all = 1...s.revisions.count
        let wanted = all.count <= maxDescribed ? Set(all) : Set(all.prefix(maxDescribed / 2)).union(all.suffix(maxDescribed / 2))

        var out: [PDFRevisionSummary] = []
        var previous: PDFRevisionSummary?
        var seen = Set<Int>()
        var trailer: [String: PDFValue] = [:]
        for r in all {
            let mine = perRevision[r]
            defer { seen.formUnion(mine) }
            // An update's trailer may omit keys; earlier ones fill in.
            if let d = store.trailers[r - 1] { trailer.merge(d) { _, new in new } }
            guard wanted.contains(r) else { continue }
            let added = mine.subtracting(seen).sorted(), replaced = mine.intersection(seen).sorted()
            let described = roles.describe(replaced + added, revision: r)
            let info = encrypted ? [:] : infoFields(store: store, trailer: trailer, revision: r)
            let catalog = catalogValue(store: store, trailer: trailer, revision: r)
            let pages = store.resolve(catalog?["Pages"], asOf: r)?["Count"]?.int
            let xmp = encrypted ? nil : xmpFields(store: store, catalog: catalog, revision: r)
            var summary = PDFRevisionSummary(
                number: r, byteCount: s.revisions[r - 1].byteCount, added: added, replaced: replaced, roles: described.roles,
                words: describeWords(r: r, added: added, replaced: replaced, roles: roles), info: info, pages: pages, xmp: xmp,
                infoChanges: [], linearizationSection: s.linearized && r == 1 && s.revisions.count >= 2)
            if let p = previous, !p.linearizationSection {
                summary.infoChanges = infoKeys.compactMap { k in
                    p.info[k] == info[k] ? nil : PDFFieldChange(field: k, before: p.info[k], after: info[k])
                }
            }
            out.append(summary)
            previous = summary
        }
        return out
    }

    static func describeWords(r: Int, added: [Int], replaced: [Int], roles: PDFObjectRoles) -> String {
        let rep = roles.describe(replaced, revision: r), add = roles.describe(added, revision: r)
        var parts: [String] = []
        if !replaced.isEmpty { parts.append("replaces \(rep.words)") }
        if !added.isEmpty { parts.append("adds \(add.words)") }
        return parts.isEmpty ? "changes no objects" : parts.joined(separator: "; ")
    }

    static func catalogValue(store: PDFObjectStore, trailer: [String: PDFValue], revision r: Int) -> PDFValue? {
        if let root = trailer["Root"], let v = store.resolve(root, asOf: r) { return v }
        // No trailer found (damaged file): the last catalog defined so far.
        return store.entries.last { $0.revision <= r && $0.value["Type"]?.name == "Catalog" }?.value
    }

    /// The Info dictionary's text fields as of revision `r`.
    static func infoFields(store: PDFObjectStore, trailer: [String: PDFValue], revision r: Int) -> [String: String] {
        guard let d = store.resolve(trailer["Info"], asOf: r)?.dictionary else { return [:] }
        var out: [String: String] = [:]
        for k in infoKeys {
            if let v = store.resolve(d[k], asOf: r), let t = v.text ?? v.name { out[k] = t }
        }
        return out
    }

    /// The XMP fields of the catalog's /Metadata stream as of revision `r`.
    static func xmpFields(store: PDFObjectStore, catalog: PDFValue?, revision r: Int) -> [String: String]? {
        guard let n = catalog?["Metadata"]?.reference, let e = store.entry(n, asOf: r), e.stream != nil,
              let data = try? store.decodedStream(e, limit: 16 << 20) else { return nil }
        return XMPPacket(raw: String(decoding: data, as: UTF8.self)).fieldMap
    }
}
