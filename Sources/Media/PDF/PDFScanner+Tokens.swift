// Keywords and integers for PDFScanner: `N G obj`, `stream` (and jumping over its data), `xref`
// tables (each in-use entry checked against the object it names), `startxref` values (checked
// against what they point at), `trailer`, and the end-of-scan bookkeeping (bytes after the last
// %%EOF, objects after it). Offsets in a file with junk before `%PDF-` count from the header.

extension PDFScanner {
    /// A regular token at `i`: an integer or a keyword. Returns the index after it.
    mutating func token(_ i: Int) -> Int {
        var j = i
        while j < n && Self.isRegular(p[j]) { j += 1 }
        if let v = integer(i, j) {
            if expectStartxref {
                s.startxrefOffsets.append(v); revisionStartxref = v
                if !pointsAtXref(v) { s.brokenStartxrefs += 1 }
                expectStartxref = false
            }
            if afterLength == 1 { directLength = v; afterLength = 2 } else if afterLength == 2 { directLength = nil; afterLength = 0 }
            int1 = int2; int2 = v
            return j
        }
        afterLength = 0
        expectStartxref = false
        let len = j - i
        if len == 3 && matches("obj", at: i) {
            s.objKeywords += 1
            if let num = int1, int2 != nil { record(num) }
            directLength = nil
        } else if len == 6 && matches("endobj", at: i) { s.endobjKeywords += 1
        } else if len == 6 && matches("stream", at: i) { s.streamKeywords += 1; j = streamData(j)
        } else if len == 9 && matches("endstream", at: i) { s.endstreamKeywords += 1
        } else if len == 4 && matches("xref", at: i) { s.xrefTables += 1; checkXrefTable(j)
        } else if len == 7 && matches("trailer", at: i) { s.trailers += 1
        } else if len == 9 && matches("startxref", at: i) { expectStartxref = true }
        resetInts()
        return j
    }

    /// A non-negative decimal integer of at most 15 digits spanning `i..<j`, else nil.
    func integer(_ i: Int, _ j: Int) -> Int? {
        guard j > i, j - i <= 15 else { return nil }
        var v = 0
        for k in i..<j {
            let c = p[k]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    mutating func record(_ object: Int) {
        if recorded < PDFStructure.maxRecordedObjects { revisionObjects.append(object); recorded += 1 } else { revisionTruncated = true }
    }

    /// Jumps over stream data starting after the `stream` keyword at `i`; returns the index after
    /// `endstream`, or `i` when there is none (the bytes are then lexed as ordinary tokens).
    mutating func streamData(_ i: Int) -> Int {
        var start = i
        if start < n && p[start] == 13 { start += 1 }
        if start < n && p[start] == 10 { start += 1 }
        var end = -1
        if let len = directLength, len >= 0, len <= n - start {
            var k = start + len
            while k < n && k < start + len + 4 && Self.isWhite(p[k]) { k += 1 }
            if matches("endstream", at: k) { end = k }
        }
        directLength = nil
        if end < 0 { end = findEndstream(from: start) }
        guard end >= 0 else { s.unterminatedStreams += 1; return i }
        // Names inside stream data still count (uncompressed object streams hold dictionaries).
        var k = start
        while k < end {
            if p[k] == 0x2F { k = min(end, name(k, counting: false)) } else { k += 1 }
        }
        s.endstreamKeywords += 1
        return end + 9
    }

    /// Start of the next `endstream` at or after `i`, -1 if none. The last answer is cached, so
    /// repeated searches never re-read the same bytes.
    mutating func findEndstream(from i: Int) -> Int {
        if nextEndstream == -2 { return -1 }
        if nextEndstream >= i { return nextEndstream }
        var k = i
        while k + 9 <= n {
            if p[k] == 0x65 && matches("endstream", at: k) { nextEndstream = k; return k }
            k += 1
        }
        nextEndstream = -2
        return -1
    }

    /// Reads the subsections of a classic xref table starting at `i` (just after `xref`) and
    /// checks that each in-use entry's offset points at `N G obj` for its object number.
    mutating func checkXrefTable(_ i: Int) {
        var k = i
        func skipWhite() { while k < n && Self.isWhite(p[k]) { k += 1 } }
        func readInt() -> Int? {
            let a = k
            while k < n && p[k] >= 0x30 && p[k] <= 0x39 && k - a < 15 { k += 1 }
            return integer(a, k)
        }
        while true {
            skipWhite()
            guard let first = readInt() else { return }
            skipWhite()
            guard let count = readInt() else { return }
            for e in 0..<count {
                skipWhite()
                guard let offset = readInt() else { return }
                skipWhite()
                guard readInt() != nil else { return }
                skipWhite()
                guard k < n, p[k] == 0x6E || p[k] == 0x66 else { return }   // n or f
                if p[k] == 0x6E {
                    s.xrefEntries += 1
                    if !pointsAtObject(offset, number: first + e) { s.brokenXrefEntries += 1 }
                }
                k += 1
            }
        }
    }

    /// Whether `offset` (from the header) is the start of `number G obj` (any number when nil).
    func pointsAtObject(_ offset: Int, number: Int?) -> Bool {
        var k = offset + (s.headerOffset ?? 0)
        guard k >= 0 && k < n else { return false }
        let a = k
        while k < n && p[k] >= 0x30 && p[k] <= 0x39 && k - a < 15 { k += 1 }
        guard let num = integer(a, k), number == nil || num == number else { return false }
        guard k < n, Self.isWhite(p[k]) else { return false }
        while k < n && Self.isWhite(p[k]) { k += 1 }
        let b = k
        while k < n && p[k] >= 0x30 && p[k] <= 0x39 && k - b < 6 { k += 1 }
        guard integer(b, k) != nil else { return false }
        while k < n && Self.isWhite(p[k]) { k += 1 }
        return matches("obj", at: k)
    }

    /// Whether a `startxref` value points at an `xref` table or an xref stream's object header.
    func pointsAtXref(_ offset: Int) -> Bool {
        let k = offset + (s.headerOffset ?? 0)
        return matches("xref", at: k) || pointsAtObject(offset, number: nil)
    }

    /// Bytes and objects after the last %%EOF.
    mutating func finish() {
        trailingObjectsAndBytes()
    }

    private mutating func trailingObjectsAndBytes() {
        s.trailingObjects = revisionObjects
        guard let last = s.revisions.last else { return }
        // Whitespace on either side of what follows the last marker does not count.
        var a = last.endOffset, t = n
        while a < n && Self.isWhite(p[a]) { a += 1 }
        while t > a && Self.isWhite(p[t - 1]) { t -= 1 }
        s.trailingBytes = t - a
    }
}
