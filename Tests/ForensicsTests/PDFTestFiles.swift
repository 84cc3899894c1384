// Hand-made PDFs for the Forensics PDF tests: a writer of small files with a correct classic xref
// table, an appender of incremental updates (as an editor saves), a serialiser for parsed values
// (to copy an object into an update with one key changed), and the alterations the peers make
// (`qpdf`, `exiftool`) run in a temporary directory.
import Foundation
import Media
import Testing
import TestSupport
@testable import Forensics

enum PDFTestFiles {
    /// A PDF whose objects are `objects` (number, body without `obj`/`endobj`), with a classic
    /// xref table and a trailer naming `root` and `info`.
    static func make(_ objects: [(Int, String)], root: Int, info: Int? = nil, header: String = "%PDF-1.4\n") -> [UInt8] {
        var out = Array(header.utf8)
        var offsets: [Int: Int] = [:]
        for (n, body) in objects {
            offsets[n] = out.count
            out += Array("\(n) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let size = (objects.map(\.0).max() ?? 0) + 1
        let xref = out.count
        var table = "xref\n0 \(size)\n0000000000 65535 f \n"
        for n in 1..<max(size, 1) {
            table += offsets[n].map { String(format: "%010d 00000 n \n", $0) } ?? "0000000000 65535 f \n"
        }
        out += Array(table.utf8)
        out += Array("trailer\n<< /Size \(size) /Root \(root) 0 R\(info.map { " /Info \($0) 0 R" } ?? "") >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// A one-page document; `extraCatalog` is added to the catalog (e.g. an /OpenAction).
    static func onePage(extraCatalog: String = "", more: [(Int, String)] = []) -> [UInt8] {
        make([(1, "<< /Type /Catalog /Pages 2 0 R \(extraCatalog) >>"),
              (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
              (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"),
              (4, "<< /Length 21 >>\nstream\nBT /F1 12 Tf ET 0 0 m\nendstream"),
              (5, "<< /Producer (hand) /CreationDate (D:20200101000000Z) >>")] + more, root: 1, info: 5)
    }

    /// Appends an incremental update defining `objects`, with a classic xref section whose trailer
    /// points back (/Prev) at the file's last startxref and keeps its /Root and /Info.
    static func appendUpdate(_ original: [UInt8], _ objects: [(Int, String)]) throws -> [UInt8] {
        let s = PDFStructure.scan(Data(original))
        let store = PDFObjectStore(bytes: original, structure: s)
        var trailer: [String: PDFValue] = [:]
        for t in store.trailers.compactMap({ $0 }) { trailer.merge(t) { _, n in n } }
        let prev = try #require(s.startxrefOffsets.last)
        let size = max(trailer["Size"]?.int ?? 0, (objects.map(\.0).max() ?? 0) + 1)
        var out = original
        if out.last != 10 { out.append(10) }
        var offsets: [(Int, Int)] = []
        for (n, body) in objects {
            offsets.append((n, out.count))
            out += Array("\(n) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 1\n0000000000 65535 f \n"
        for (n, off) in offsets.sorted(by: { $0.0 < $1.0 }) { table += "\(n) 1\n" + String(format: "%010d 00000 n \n", off) }
        var keys = "/Size \(size) /Prev \(prev)"
        for k in ["Root", "Info", "ID"] { if let v = trailer[k] { keys += " /\(k) \(serialize(v))" } }
        out += Array(table.utf8) + Array("trailer\n<< \(keys) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// PDF syntax for a parsed value (strings as hex).
    static func serialize(_ v: PDFValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .real(let r): return String(r)
        case .string(let b): return "<" + b.map { String(format: "%02X", $0) }.joined() + ">"
        case .name(let n): return "/" + n
        case .array(let a): return "[" + a.map(serialize).joined(separator: " ") + "]"
        case .dictionary(let d): return "<<" + d.keys.sorted().map { "/\($0) \(serialize(d[$0]!))" }.joined(separator: " ") + ">>"
        case .reference(let n, let g): return "\(n) \(g) R"
        }
    }

    /// The current definition of the catalog of `bytes` (number and value).
    static func catalog(_ bytes: [UInt8]) throws -> (Int, PDFValue) {
        let s = PDFStructure.scan(Data(bytes))
        let store = PDFObjectStore(bytes: bytes, structure: s)
        let roots = store.trailers.compactMap { $0?["Root"]?.reference }
        let root = try #require(roots.last)
        let entry = try #require(store.entry(root, asOf: s.revisions.count))
        return (root, entry.value)
    }

    /// Runs a peer tool; throws when it fails (exit status above 3: qpdf uses 3 for warnings).
    static func tool(_ name: String, _ args: [String]) throws {
        let r = try Tool.run(name, args)
        if r.status != 0 && r.status != 3 { throw ToolFailure(message: "\(name) \(args.joined(separator: " ")): \(r.stderr)") }
    }

    struct ToolFailure: Error { var message: String }
}
