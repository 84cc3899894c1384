// The one-pass lexer behind PDFStructure. It walks the bytes as a PDF reader's tokenizer does
// (comments, literal and hex strings, names with #xx escapes, keywords, integers) and jumps over
// stream data, using a direct /Length when it lands on `endstream` and a search otherwise. Inside
// stream data only names are counted (an uncompressed object stream holds dictionaries). Every
// byte is visited a bounded number of times: the `endstream` search remembers where it stopped,
// and the xref-table and offset checks read only well-formed entries, so the pass is linear
// even on hostile input.

/// Single-use lexer over a byte buffer; `run()` returns the structure.
struct PDFScanner {
    let p: UnsafeRawBufferPointer
    let n: Int
    var s = PDFStructure()
    var recorded = 0
    var revisionStart = 0
    var revisionObjects: [Int] = []
    var revisionTruncated = false
    var revisionStartxref: Int?
    // Tokenizer context: the last two integers (for `N G obj`), names for /Type /XRef and /Length.
    var int1: Int?, int2: Int?
    var lastName = ""
    var afterLength = 0           // 1: /Length just seen; 2: one integer followed it
    var directLength: Int?
    var expectStartxref = false
    var nextEndstream = -1        // cached result of the last endstream search (-2: none left)

    init(_ p: UnsafeRawBufferPointer) { self.p = p; self.n = p.count }

    @inline(__always) static func isWhite(_ c: UInt8) -> Bool { c == 32 || c == 10 || c == 13 || c == 9 || c == 12 || c == 0 }
    @inline(__always) static func isDelim(_ c: UInt8) -> Bool {
        c == 0x28 || c == 0x29 || c == 0x3C || c == 0x3E || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D || c == 0x2F || c == 0x25
    }
    @inline(__always) static func isRegular(_ c: UInt8) -> Bool { !isWhite(c) && !isDelim(c) }

    func matches(_ lit: StaticString, at i: Int) -> Bool {
        let m = lit.utf8Start, len = lit.utf8CodeUnitCount
        guard i >= 0, i + len <= n else { return false }
        for k in 0..<len where p[i + k] != m[k] { return false }
        return true
    }

    mutating func run() -> PDFStructure {
        s.byteCount = n
        findHeader()
        var i = 0
        while i < n {
            let c = p[i]
            if Self.isWhite(c) { i += 1; continue }
            switch c {
            case 0x25: i = comment(i)                                  // %
            case 0x28: i = literalString(i); resetInts()               // (
            case 0x3C:                                                 // <
                if i + 1 < n && p[i + 1] == 0x3C { i += 2 } else { i = skip(from: i + 1, to: 0x3E); resetInts() }
            case 0x2F: i = name(i, counting: true); resetInts()        // /
            case 0x29, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D: i += 1; resetInts()
            default: i = token(i)
            }
        }
        finish()
        return s
    }

    mutating func resetInts() { int1 = nil; int2 = nil }

    /// A header within the first 1024 bytes, and a linearisation dictionary just after it.
    private mutating func findHeader() {
        let limit = min(n, 1024)
        var i = 0
        while i + 5 <= limit {
            if p[i] == 0x25 && matches("%PDF-", at: i) {
                var j = i + 5
                while j < n && j < i + 12 && (p[j] == 0x2E || (p[j] >= 0x30 && p[j] <= 0x39)) { j += 1 }
                s.headerOffset = i
                s.headerVersion = String(decoding: UnsafeRawBufferPointer(rebasing: p[(i + 5)..<j]), as: UTF8.self)
                break
            }
            i += 1
        }
    }

    private mutating func comment(_ i: Int) -> Int {
        if matches("%%EOF", at: i) { endRevision(markerEnd: i + 5); return i + 5 }
        var j = i + 1
        while j < n && p[j] != 10 && p[j] != 13 { j += 1 }
        return j
    }

    mutating func endRevision(markerEnd: Int) {
        s.eofMarkers += 1
        var end = markerEnd
        if end < n && p[end] == 13 { end += 1 }
        if end < n && p[end] == 10 { end += 1 }
        s.revisions.append(PDFRevision(number: s.revisions.count + 1, startOffset: revisionStart, endOffset: end,
                                       startxref: revisionStartxref, objects: revisionObjects, objectsTruncated: revisionTruncated))
        revisionStart = end; revisionObjects = []; revisionTruncated = false; revisionStartxref = nil
        resetInts()
    }

    /// Skips a balanced `( ... )` string with backslash escapes; returns the index after it.
    private func literalString(_ i: Int) -> Int {
        var depth = 0, j = i
        while j < n {
            switch p[j] {
            case 0x5C: j += 2; continue
            case 0x28: depth += 1
            case 0x29: depth -= 1; if depth == 0 { return j + 1 }
            default: break
            }
            j += 1
        }
        return n
    }

    private func skip(from i: Int, to byte: UInt8) -> Int {
        var j = i
        while j < n && p[j] != byte { j += 1 }
        return min(n, j + 1)
    }

    /// Reads a name at `i` (the slash), decodes #xx escapes and counts it.
    mutating func name(_ i: Int, counting: Bool) -> Int {
        var j = i + 1
        var decoded: [UInt8] = []
        var escaped = false
        while j < n && Self.isRegular(p[j]) {
            var c = p[j]
            if c == 0x23, j + 2 < n, let hi = hex(p[j + 1]), let lo = hex(p[j + 2]) {
                c = hi << 4 | lo; escaped = true; j += 2
            }
            if decoded.count < 64 { decoded.append(c) }
            j += 1
        }
        if escaped { s.obfuscatedNames += 1 }
        let text = String(decoding: decoded, as: UTF8.self)
        if s.nameCounts[text] != nil {
            s.nameCounts[text, default: 0] += 1
            if escaped { s.obfuscatedNameCounts[text, default: 0] += 1 }
        }
        guard counting else { return j }
        if lastName == "Type" && text == "XRef" { s.xrefStreams += 1 }
        if text == "Linearized" && s.objKeywords <= 1 && s.eofMarkers == 0 { s.linearized = true }
        afterLength = text == "Length" ? 1 : 0
        lastName = text
        return j
    }

    func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
