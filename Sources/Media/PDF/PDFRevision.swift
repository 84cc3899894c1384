// One revision of a PDF file: the bytes from the end of the previous revision up to and
// including a `%%EOF` marker. A file saved once has one; every incremental update (an edit saved
// by appending, as exiftool, Acrobat and signing tools do) adds one. The earlier revisions stay in
// the file, which is what lets an analyst see what a document said before it was changed.

/// A revision found by `PDFStructure`.
public struct PDFRevision: Sendable, Equatable, Codable {
    /// 1 for the original document, 2 for the first update, ...
    public var number: Int
    /// Byte offset where the revision starts (0 for the first).
    public var startOffset: Int
    /// Byte offset just past its `%%EOF` and the end-of-line after it: the length of the file as
    /// it was when this revision was saved.
    public var endOffset: Int
    /// The last `startxref` value inside the revision (where its cross-reference section starts).
    public var startxref: Int?
    /// Object numbers defined by `N G obj` headers in this revision, in file order. Objects
    /// packed inside compressed object streams (/ObjStm) are not listed: reading them needs
    /// inflating the stream.
    public var objects: [Int]
    /// Whether `objects` was cut short by the scanner's bound on stored object numbers.
    public var objectsTruncated: Bool

    public init(number: Int, startOffset: Int, endOffset: Int, startxref: Int?, objects: [Int], objectsTruncated: Bool = false) {
        self.number = number; self.startOffset = startOffset; self.endOffset = endOffset
        self.startxref = startxref; self.objects = objects; self.objectsTruncated = objectsTruncated
    }

    /// Size of the revision in bytes.
    public var byteCount: Int { endOffset - startOffset }
}

extension PDFStructure {
    /// Object numbers that revision `number` (1-based) defines again after an earlier revision
    /// defined them: the objects the update replaced. Sorted, each once. For all revisions at
    /// once use `revisionChanges()`.
    public func replacedObjects(revision number: Int) -> [Int] {
        guard number >= 2, number <= revisions.count else { return [] }
        var earlier = Set<Int>()
        for r in revisions[0..<(number - 1)] { earlier.formUnion(r.objects) }
        return Array(Set(revisions[number - 1].objects).intersection(earlier)).sorted()
    }

    /// Object numbers that revision `number` defines for the first time. Sorted, each once.
    public func addedObjects(revision number: Int) -> [Int] {
        guard number >= 1, number <= revisions.count else { return [] }
        var earlier = Set<Int>()
        for r in revisions[0..<(number - 1)] { earlier.formUnion(r.objects) }
        return Array(Set(revisions[number - 1].objects).subtracting(earlier)).sorted()
    }
}

extension PDFStructure {
    /// For every revision, in one pass: the objects it adds and the objects it replaces (both
    /// sorted). Use this rather than calling `addedObjects` / `replacedObjects` per revision,
    /// which would be quadratic in a file with many revisions.
    public func revisionChanges() -> [(added: [Int], replaced: [Int])] {
        var seen = Set<Int>()
        var out: [(added: [Int], replaced: [Int])] = []
        out.reserveCapacity(revisions.count)
        for r in revisions {
            let mine = Set(r.objects)
            out.append((mine.subtracting(seen).sorted(), mine.intersection(seen).sorted()))
            seen.formUnion(mine)
        }
        return out
    }
}
