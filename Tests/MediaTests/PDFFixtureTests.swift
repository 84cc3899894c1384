// Fixtures for the PDF tests, made at run time in a temporary directory: small hand-written PDFs
// (with JavaScript, an OpenAction, an obfuscated /JS), damaged copies of the samples, and the
// command-line peers (`pdfinfo`, `qpdf`) run through Foundation.Process. The tests at the bottom
// check the fixtures themselves, so a broken fixture fails loudly rather than a test passing
// vacuously.
import Foundation
import Testing
import TestSupport

enum PDFFixtures {
    /// A fresh directory under the system temporary directory.
    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deepscan-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `tool` (looked up on PATH) and returns its exit status and standard output.
    @discardableResult
    static func run(_ tool: String, _ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `pdfinfo`'s fields as a dictionary (`Pages`, `PDF version`, `Title`, `Author`, ...).
    static func pdfinfo(_ path: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", [path]).output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// A one-page PDF written by hand with a correct xref table. `catalogExtra` goes into the
    /// catalog dictionary (object 1), `pageExtra` into the page (object 3); `extraObjects` become
    /// objects 4, 5, ...
    static func handmade(catalogExtra: String = "", pageExtra: String = "", extraObjects: [String] = []) -> Data {
        let objects = ["<< /Type /Catalog /Pages 2 0 R \(catalogExtra) >>",
                       "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] \(pageExtra) >>"] + extraObjects
        var out = "%PDF-1.4\n%\u{e2}\u{e3}\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    /// A PDF whose OpenAction and document name tree run JavaScript, with a link on its page
    /// that runs more and one that opens a URI. `nameForJS` spells the OpenAction's /JS key.
    static func javaScriptPDF(nameForJS: String = "/JS") -> Data {
        handmade(catalogExtra: "/OpenAction 4 0 R /Names << /JavaScript << /Names [(init) 4 0 R] >> >>",
                 pageExtra: "/Annots [5 0 R 6 0 R]",
                 extraObjects: ["<< /Type /Action /S /JavaScript \(nameForJS) (app.alert\\('hello'\\);) >>",
                                "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /JavaScript /JS (this.print\\(\\);) >> >>",
                                "<< /Type /Annot /Subtype /Link /Rect [100 100 200 200] /A << /S /URI /URI (https://example.com/x) >> >>"])
    }

    /// Writes `data` to `name` in `dir` and returns the path.
    static func write(_ data: Data, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// A copy of `sample` made by `qpdf` with `args` (e.g. `["--encrypt", "user", "owner", "256", "--"]`).
    static func qpdf(_ sample: String, _ args: [String], to name: String, in dir: URL) throws -> String {
        let out = dir.appendingPathComponent(name).path
        let r = try run("qpdf", ["--warning-exit-0"] + args + [Samples.path(sample), out])
        guard r.status == 0 else { throw MediaTestError.tool("qpdf \(args) exited \(r.status)") }
        return out
    }
}

enum MediaTestError: Error { case tool(String) }

@Suite struct PDFFixtureTests {
    @Test func handmadePDFIsValidForPoppler() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PDFFixtures.write(PDFFixtures.javaScriptPDF(), "js.pdf", in: dir)
        let info = try PDFFixtures.pdfinfo(path)
        #expect(info["Pages"] == "1")
        #expect(info["JavaScript"] == "yes")
        let check = try PDFFixtures.run("qpdf", ["--check", path])
        #expect(check.status == 0, "qpdf --check: \(check.output)")
    }

    @Test func qpdfEncryptsASample() throws {
        let dir = try PDFFixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PDFFixtures.qpdf("ltnews18.pdf", ["--encrypt", "user", "owner", "256", "--"], to: "enc.pdf", in: dir)
        #expect(try PDFFixtures.run("pdfinfo", [path]).status != 0)
        #expect(try PDFFixtures.run("pdfinfo", ["-upw", "user", path]).status == 0)
    }
}
