// The raw structure of a PDF file, read from its bytes without poppler, so it also describes
// files poppler refuses (encrypted, truncated, damaged, hostile). It answers what pdfid and
// peepdf users ask first: header version, how many %%EOF / startxref / xref / trailer / obj /
// stream there are, how often the risky names (/JS, /OpenAction, /Launch, ...) occur, whether
// names are hidden with #xx escapes, what follows the last %%EOF, and which objects each
// revision (incremental update) defines. The scan is one linear pass over a memory-mapped file
// (`PDFScanner`); memory is bounded by the number of objects recorded, itself capped.
import Foundation

/// What the bytes of a PDF file say about its structure.
public struct PDFStructure: Sendable, Equatable, Codable {
    /// Names whose occurrences are counted, without the leading slash, in report order.
    public static let watchedNames = ["JS", "JavaScript", "AA", "OpenAction", "Launch", "EmbeddedFile", "AcroForm",
                                      "XFA", "RichMedia", "ObjStm", "Encrypt", "URI", "JBIG2Decode"]
    /// Most object numbers stored across all revisions; beyond it counting goes on, listing stops.
    public static let maxRecordedObjects = 4_000_000

    /// File size in bytes.
    public var byteCount: Int = 0
    /// Version in the `%PDF-x.y` header, nil when there is no header in the first 1024 bytes.
    public var headerVersion: String?
    /// Offset of the `%PDF-` header (non-zero when junk precedes it).
    public var headerOffset: Int?
    /// True when the first object is a linearisation dictionary (its first `%%EOF` then closes
    /// the first-page section, not an edit).
    public var linearized = false
    public var eofMarkers = 0
    /// Values following each `startxref`, in file order.
    public var startxrefOffsets: [Int] = []
    /// How many `startxref` values do not point at an `xref` table or an `N G obj` header.
    public var brokenStartxrefs = 0
    /// Classic `xref` tables and cross-reference streams (`/Type /XRef`).
    public var xrefTables = 0
    public var xrefStreams = 0
    public var trailers = 0
    /// In-use (`n`) entries in classic xref tables, and how many of them do not point at the
    /// header of the object they name.
    public var xrefEntries = 0
    public var brokenXrefEntries = 0
    /// `obj` / `endobj` / `stream` / `endstream` keywords.
    public var objKeywords = 0
    public var endobjKeywords = 0
    public var streamKeywords = 0
    public var endstreamKeywords = 0
    /// Occurrences of each watched name after `#xx` escapes are decoded (every key present).
    public var nameCounts: [String: Int] = Dictionary(uniqueKeysWithValues: watchedNames.map { ($0, 0) })
    /// Of those, how many were written with `#xx` escapes (only non-zero keys).
    public var obfuscatedNameCounts: [String: Int] = [:]
    /// Names of any kind written with at least one `#xx` escape.
    public var obfuscatedNames = 0
    /// Bytes after the last `%%EOF`, from the first to the last non-blank byte (0 when only
    /// whitespace follows, or there is no %%EOF).
    public var trailingBytes = 0
    /// The revisions, one per `%%EOF`, in file order.
    public var revisions: [PDFRevision] = []
    /// Objects defined after the last `%%EOF` (an unfinished update or appended data).
    public var trailingObjects: [Int] = []
    /// Streams whose `endstream` was never found.
    public var unterminatedStreams = 0

    public init() {}

    /// Count of a watched name, e.g. `count("JS")`.
    public func count(_ name: String) -> Int { nameCounts[name] ?? 0 }

    /// Incremental updates: revisions beyond the first, not counting a linearised file's
    /// first-page section.
    public var incrementalUpdates: Int { max(0, revisions.count - 1 - (linearized && revisions.count >= 2 ? 1 : 0)) }

    /// Scans the file at `path`. Throws only when it cannot be read (`EvidenceFile.preflight`
    /// errors); any content, however broken, yields a structure.
    public static func scan(path: String) throws -> PDFStructure {
        try EvidenceFile.preflight(path)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw MediaError.io(path: path, detail: "cannot map the file: \(error.localizedDescription)")
        }
        return scan(data)
    }

    /// Scans bytes already in memory.
    public static func scan(_ data: Data) -> PDFStructure {
        data.withUnsafeBytes { raw in
            var scanner = PDFScanner(raw)
            return scanner.run()
        }
    }

    /// The bytes of the file as it was when revision `revision` (1-based) was saved: the prefix
    /// up to that revision's `%%EOF`. Save it as a .pdf to open the earlier version.
    public static func revisionData(_ path: String, revision: Int) throws -> Data {
        let s = try scan(path: path)
        guard revision >= 1 && revision <= s.revisions.count else {
            throw MediaError.io(path: path, detail: "there is no revision \(revision): the file has \(s.revisions.count)" +
                                (s.revisions.isEmpty ? " (no %%EOF marker)" : " (1...\(s.revisions.count))"))
        }
        guard let h = FileHandle(forReadingAtPath: path) else { throw MediaError.permissionDenied(path: path) }
        defer { try? h.close() }
        do { return try h.read(upToCount: s.revisions[revision - 1].endOffset) ?? Data() } catch {
            throw MediaError.io(path: path, detail: "read failed: \(error.localizedDescription)")
        }
    }
}
