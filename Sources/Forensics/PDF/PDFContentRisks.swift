// Active and hidden content, as pdfid and peepdf report it and a little further: the risky names
// (after #xx decoding), what the /OpenAction does, readable excerpts of the JavaScript, streams
// that do not decode (and why: damaged, or a filter we do not decode), and streams whose decoded
// bytes look random (Shannon entropy near 8 bits per byte) although they are not images, fonts,
// colour profiles or attachments, which is how packed payloads and encrypted blobs look.
import Foundation
import Media

/// Risky content of one PDF.
public struct PDFContentRisks: Sendable, Equatable {
    /// Counts of the watched names (`JS`, `JavaScript`, `OpenAction`, `AA`, `Launch`, ...).
    public var names: [String: Int] = [:]
    public var obfuscatedNames = 0
    public var trailingBytes = 0
    public var brokenXref = 0
    /// What the catalog's /OpenAction does (`JavaScript`, `GoTo`, `Launch`, ...), if it has one.
    public var openAction: String?
    /// Up to five readable JavaScript excerpts (at most 200 characters each).
    public var javascript: [String] = []
    /// Streams whose data is damaged for its filter: object number and reason.
    public var undecodable: [PDFStreamIssue] = []
    /// Streams with a filter not decoded here (their content is unknown, not bad).
    public var unknownFilter: [PDFStreamIssue] = []
    /// Non-image, non-font streams with near-random decoded bytes.
    public var highEntropy: [PDFStreamIssue] = []
    /// Streams examined.
    public var streams = 0
    /// True when the document is encrypted (stream checks are then skipped).
    public var encrypted = false

    public func count(_ name: String) -> Int { names[name] ?? 0 }

    /// Entropy (bits per byte) above which a stream counts as random-looking.
    public static let entropyThreshold = 7.5
    /// Streams shorter than this are not judged by entropy (too few bytes to tell).
    public static let entropyMinBytes = 2048
    /// Most streams examined and most bytes decoded in all.
    public static let maxStreams = 20_000
    public static let decodeBudget = 256 << 20

    public init(structure s: PDFStructure, store: PDFObjectStore) {
        names = s.nameCounts
        // The raw scan cannot see inside compressed object streams; count the names there too.
        for e in store.entries where e.container != nil { Self.countNames(e.value, into: &names, depth: 0) }
        obfuscatedNames = s.obfuscatedNames
        trailingBytes = s.trailingBytes
        brokenXref = s.brokenXrefEntries + s.brokenStartxrefs
        encrypted = s.count("Encrypt") > 0 || store.trailers.contains { $0?["Encrypt"] != nil }
        let last = store.revisionCount + 1
        if let root = store.trailers.compactMap({ $0?["Root"] }).last, let cat = store.resolve(root, asOf: last),
           let oa = store.resolve(cat["OpenAction"], asOf: last) {
            openAction = oa["S"]?.name ?? (oa.array != nil ? "GoTo (destination)" : "unknown")
        }
        collectJavaScript(store: store)
        guard !encrypted else { return }
        examineStreams(store: store)
    }

    private mutating func collectJavaScript(store: PDFObjectStore) {
        for e in store.entries where javascript.count < 5 {
            guard let js = e.value["JS"] else { continue }
            var text: String?
            switch js {
            case .string(let b): text = PDFValue.decodeText(b)
            case .reference(let n, _):
                if let s = store.entry(n, asOf: store.revisionCount + 1), let d = try? store.decodedStream(s, limit: 1 << 20) {
                    text = PDFValue.decodeText([UInt8](d))
                }
            default: break
            }
            if let t = text.map(Self.excerpt), !t.isEmpty, !javascript.contains(t) { javascript.append(t) }
        }
    }

    /// Adds the watched names used as keys or values in `v`.
    static func countNames(_ v: PDFValue, into names: inout [String: Int], depth: Int) {
        guard depth < 32 else { return }
        switch v {
        case .name(let n): if names[n] != nil { names[n, default: 0] += 1 }
        case .array(let a): for x in a { countNames(x, into: &names, depth: depth + 1) }
        case .dictionary(let d):
            for (k, x) in d {
                if names[k] != nil { names[k, default: 0] += 1 }
                countNames(x, into: &names, depth: depth + 1)
            }
        default: break
        }
    }

    /// Printable, single-line, at most 200 characters.
    static func excerpt(_ s: String) -> String {
        let flat = s.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? " " : String($0) }.joined()
        let squeezed = flat.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return squeezed.count > 200 ? String(squeezed.prefix(200)) + "…" : squeezed
    }

    private mutating func examineStreams(store: PDFObjectStore) {
        var spent = 0
        // Streams that are fonts or colour profiles by reference.
        var exempt = Set<Int>()
        for e in store.entries {
            for k in ["FontFile", "FontFile2", "FontFile3", "EF", "Metadata"] { if let n = e.value[k]?.reference { exempt.insert(n) } }
            if let a = e.value.array, a.first?.name == "ICCBased", a.count > 1, let n = a[1].reference { exempt.insert(n) }
        }
        for e in store.entries where e.stream != nil {
            guard streams < Self.maxStreams, spent < Self.decodeBudget else { return }
            streams += 1
            let v = e.value, filters = v.filters
            if filters.contains(where: { PDFStreams.imageFilters.contains($0) }) { continue }
            let decoded: Data
            do { decoded = try store.decodedStream(e, limit: min(64 << 20, Self.decodeBudget - spent)) } catch let err as PDFStreamError {
                switch err {
                case .unsupported: unknownFilter.append(PDFStreamIssue(object: e.number, detail: err.description))
                case .corrupt, .tooLarge: undecodable.append(PDFStreamIssue(object: e.number, detail: err.description))
                }
                continue
            } catch { continue }
            spent += decoded.count
            guard decoded.count >= Self.entropyMinBytes, !exempt.contains(e.number), !Self.isExemptKind(v) else { continue }
            let h = Self.entropy(decoded)
            if h > Self.entropyThreshold {
                highEntropy.append(PDFStreamIssue(object: e.number, detail: String(format: "%.2f bits/byte over %d bytes", h, decoded.count)))
            }
        }
    }

    /// Images, fonts, embedded files, ICC profiles, metadata: high entropy is normal there.
    static func isExemptKind(_ v: PDFValue) -> Bool {
        let type = v["Type"]?.name, subtype = v["Subtype"]?.name
        if subtype == "Image" || type == "EmbeddedFile" || type == "Metadata" { return true }
        if v["Length1"] != nil || v["Length2"] != nil { return true }                       // Type 1 / TrueType programs
        if ["Type1C", "CIDFontType0C", "OpenType"].contains(subtype ?? "") { return true }  // FontFile3
        if v["N"]?.int != nil && type == nil { return true }                                // ICC profile
        if type == "XObject" && subtype == "Image" { return true }
        return false
    }

    /// Shannon entropy of `d` in bits per byte (0...8).
    public static func entropy(_ d: Data) -> Double {
        guard !d.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for b in d { counts[Int(b)] += 1 }
        let n = Double(d.count)
        return counts.reduce(0.0) { acc, c in c == 0 ? acc : acc - Double(c) / n * log2(Double(c) / n) }
    }
}

