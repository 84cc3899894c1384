// Every object a PDF file defines, in every revision, read from the raw bytes: the plain
// `N G obj` definitions, the objects packed in compressed object streams (/ObjStm, inflated with
// Media's PDFStreams), and each revision's trailer (classic `trailer` or cross-reference stream).
// It does not trust the xref tables (they may be broken or lie); it walks the bytes as a
// recovering reader does, then answers "what was object N as of revision R". This is what lets
// the analyses compare an earlier revision with the current one without a second parser.
import Foundation
import Media

/// The objects of a PDF, revision by revision.
public final class PDFObjectStore: @unchecked Sendable {
    /// One definition of an object.
    public struct Entry: Sendable {
        public var number: Int
        public var generation: Int
        /// Revision (1-based) whose bytes hold the definition; `revisionCount + 1` after the last %%EOF.
        public var revision: Int
        /// Byte offset of the `N G obj` header (of the containing object stream for packed objects).
        public var offset: Int
        public var value: PDFValue
        /// Byte range of the stream data, for stream objects.
        public var stream: Range<Int>?
        /// The object stream it was packed in, if any.
        public var container: Int?
    }

    /// Most definitions kept (a hostile file may declare millions).
    public static let maxEntries = 2_000_000
    /// Most bytes inflated from object streams in all.
    public static let objectStreamBudget = 256 << 20

    public let bytes: [UInt8]
    public let revisionCount: Int
    public private(set) var entries: [Entry] = []
    /// Trailer dictionary of each revision (index 0 is revision 1); nil where none was found.
    public private(set) var trailers: [[String: PDFValue]?]
    /// Object streams that could not be decoded: object number and reason.
    public private(set) var undecodableObjectStreams: [(number: Int, reason: String)] = []
    /// True when `maxEntries` cut the walk short.
    public private(set) var truncated = false
    private var byNumber: [Int: [Int]] = [:]
    private let revisionEnds: [Int]

    /// Reads `bytes`, using `structure`'s revisions to attribute each definition.
    public init(bytes: [UInt8], structure: PDFStructure) {
        self.bytes = bytes
        revisionEnds = structure.revisions.map(\.endOffset)
        revisionCount = structure.revisions.count
        trailers = Array(repeating: nil, count: structure.revisions.count + 1)
        walk()
        expandObjectStreams()
    }

    /// Reads the file at `path` (memory-mapped, then copied once).
    public convenience init(path: String, structure: PDFStructure) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        self.init(bytes: [UInt8](data), structure: structure)
    }

    /// The revision holding byte `offset`.
    func revision(at offset: Int) -> Int {
        var lo = 0, hi = revisionEnds.count
        while lo < hi { let m = (lo + hi) / 2; if revisionEnds[m] <= offset { lo = m + 1 } else { hi = m } }
        return lo + 1
    }

    private func add(_ e: Entry) {
        guard entries.count < Self.maxEntries else { truncated = true; return }
        byNumber[e.number, default: []].append(entries.count)
        entries.append(e)
    }

    /// One pass over the bytes: object definitions, trailers, stream data skipped.
    private func walk() {
        var p = PDFValueParser(bytes)
        var endstreamCache = -1
        while true {
            p.skipWhite()
            guard p.position < bytes.count, !truncated else { return }
            let start = p.position
            let c = bytes[start]
            if c >= 0x30 && c <= 0x39, let (num, gen, after) = objectHeader(at: start) {
                p.position = after
                p.resetBudget()
                let value = p.parseValue() ?? .null
                p.skipWhite()
                var range: Range<Int>?
                if p.matches("stream", at: p.position) {
                    var s = p.position + 6
                    if s < bytes.count && bytes[s] == 13 { s += 1 }
                    if s < bytes.count && bytes[s] == 10 { s += 1 }
                    var end = -1
                    if let len = value["Length"]?.int, len >= 0, len <= bytes.count - s {
                        var k = s + len
                        while k < bytes.count && k < s + len + 4 && PDFValueParser.isWhite(bytes[k]) { k += 1 }
                        if p.matches("endstream", at: k) { end = k; range = s..<(s + len) }
                    }
                    if end < 0 {
                        if endstreamCache != -2 && endstreamCache < s { endstreamCache = find("endstream", from: s) }
                        end = endstreamCache >= s ? endstreamCache : -1
                        if end >= 0 {
                            var t = end
                            if t > s && bytes[t - 1] == 10 { t -= 1 }
                            if t > s && bytes[t - 1] == 13 { t -= 1 }
                            range = s..<t
                        } else { endstreamCache = -2 }
                    }
                    p.position = end >= 0 ? end + 9 : s
                }
                add(Entry(number: num, generation: gen, revision: revision(at: start), offset: start, value: value, stream: range))
                if value["Type"]?.name == "XRef", let d = value.dictionary { setTrailer(d, at: start) }
                p.skipWhite()
                if p.matches("endobj", at: p.position) { p.position += 6 }
                if p.position <= start { p.position = start + 1 }
                continue
            }
            if c == 0x74 && p.matches("trailer", at: start) {
                p.position = start + 7
                p.resetBudget()
                if let d = p.parseValue()?.dictionary { setTrailer(d, at: start) }
                continue
            }
            if c == 0x28 || c == 0x3C || c == 0x5B { p.resetBudget(); _ = p.parseValue() }
            if p.position == start {
                // Any other token: step over it.
                var j = start + 1
                while j < bytes.count && !PDFValueParser.isWhite(bytes[j]) && !PDFValueParser.isDelimiter(bytes[j]) { j += 1 }
                p.position = j
            }
        }
    }

    private func setTrailer(_ d: [String: PDFValue], at offset: Int) {
        let r = revision(at: offset)
        guard r - 1 < trailers.count else { return }
        // A later trailer in the same revision (linearised files have two) adds missing keys.
        trailers[r - 1] = (trailers[r - 1] ?? [:]).merging(d) { _, new in new }
    }

    /// `N G obj` at `i`: the numbers and the position after `obj`.
    private func objectHeader(at i: Int) -> (Int, Int, Int)? {
        var k = i
        func int() -> Int? {
            let a = k
            while k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 && k - a < 10 { k += 1 }
            guard k > a else { return nil }
            return Int(String(decoding: bytes[a..<k], as: UTF8.self))
        }
        guard let n = int(), k < bytes.count, PDFValueParser.isWhite(bytes[k]) else { return nil }
        while k < bytes.count && PDFValueParser.isWhite(bytes[k]) { k += 1 }
        guard let g = int() else { return nil }
        while k < bytes.count && PDFValueParser.isWhite(bytes[k]) { k += 1 }
        guard k + 3 <= bytes.count, bytes[k] == 0x6F, bytes[k + 1] == 0x62, bytes[k + 2] == 0x6A else { return nil }
        if k + 3 < bytes.count, !PDFValueParser.isWhite(bytes[k + 3]) && !PDFValueParser.isDelimiter(bytes[k + 3]) { return nil }
        return (n, g, k + 3)
    }

    private func find(_ literal: String, from i: Int) -> Int {
        let u = Array(literal.utf8)
        var k = i
        while k + u.count <= bytes.count {
            if bytes[k] == u[0] && Array(bytes[k..<(k + u.count)]) == u { return k }
            k += 1
        }
        return -1
    }

    /// Inflates every /ObjStm and adds the objects packed in it, attributed to its revision.
    private func expandObjectStreams() {
        var spent = 0
        let streams = entries.filter { $0.value["Type"]?.name == "ObjStm" && $0.stream != nil }
        for s in streams {
            guard spent < Self.objectStreamBudget, !truncated else { return }
            let data: Data
            do { data = try decodedStream(s, limit: Self.objectStreamBudget - spent) } catch {
                undecodableObjectStreams.append((s.number, "\(error)")); continue
            }
            spent += data.count
            let n = min(s.value["N"]?.int ?? 0, 1_000_000), first = s.value["First"]?.int ?? 0
            guard n > 0, first >= 0, first <= data.count else { continue }
            var p = PDFValueParser([UInt8](data))
            var pairs: [(Int, Int)] = []
            for _ in 0..<n {
                guard case .int(let num)? = p.parseValue(), case .int(let off)? = p.parseValue() else { break }
                pairs.append((num, off))
            }
            for (num, off) in pairs where first + off < data.count && off >= 0 {
                p.position = first + off
                p.resetBudget()
                add(Entry(number: num, generation: 0, revision: s.revision, offset: s.offset, value: p.parseValue() ?? .null,
                          stream: nil, container: s.number))
            }
        }
    }

    /// The definition of object `number` in force at the end of `revision` (the last one at
    /// or before it), nil when there is none.
    public func entry(_ number: Int, asOf revision: Int) -> Entry? {
        guard let list = byNumber[number] else { return nil }
        var best: Entry?
        for i in list where entries[i].revision <= revision {
            if best == nil || entries[i].revision >= best!.revision { best = entries[i] }
        }
        return best
    }

    /// Follows references (at most 32 hops, so a reference cycle ends) to a direct value.
    public func resolve(_ v: PDFValue?, asOf revision: Int) -> PDFValue? {
        var v = v, hops = 0
        while case .reference(let n, _)? = v {
            hops += 1
            guard hops <= 32 else { return nil }
            v = entry(n, asOf: revision)?.value
        }
        return v
    }

    /// The definitions made in `revision`.
    public func entries(inRevision revision: Int) -> [Entry] { entries.filter { $0.revision == revision } }

    /// The decoded data of a stream entry (Media's `PDFStreams.decode`), bounded by `limit`.
    public func decodedStream(_ e: Entry, limit: Int = 64 << 20) throws -> Data {
        guard let r = e.stream else { return Data() }
        let raw = Data(bytes[r])
        let parms: [PDFValue?]
        switch e.value["DecodeParms"] {
        case .array(let a)?: parms = a
        case let v?: parms = [v]
        case nil: parms = []
        }
        let predictors = parms.map { p -> PDFStreams.Predictor? in
            guard let d = resolve(p, asOf: e.revision) else { return nil }
            return PDFStreams.Predictor(predictor: d["Predictor"]?.int ?? 1, colors: d["Colors"]?.int ?? 1,
                                        bitsPerComponent: d["BitsPerComponent"]?.int ?? 8, columns: d["Columns"]?.int ?? 1)
        }
        return try PDFStreams.decode(raw, filters: e.value.filters, predictors: predictors, limit: limit)
    }
}
