// The case commands as a user runs them, end to end through the built `deepscan` binary with a
// database in a temporary folder: create, add with analysis, tag, note, show, verify, analyse,
// report in three formats; and the errors a user meets (unknown case, duplicate name, file not in
// case, changed evidence, a PDF report to standard output).
import Evidence
import Foundation
import Testing
import TestSupport

@Suite struct CaseCLITests {
    let tmp = TempDir()
    var db: String { tmp.path("cases.sqlite") }

    func run(_ args: [String]) throws -> CommandResult { try CLI.run(args + ["--db", db], timeout: 300) }

    @Test func newAddAnalyseShowReport() throws {
        let photo = try tmp.copy(Samples.path("photo-exif.jpg"), as: "photo-exif.jpg")
        let pdf = try tmp.copy(Samples.path("ltnews18-edited.pdf"), as: "ltnews18-edited.pdf")
        let video = try tmp.copy(Samples.path("webcam-face.avi"), as: "webcam-face.avi")

        var r = try run(["case", "new", "Op Lantern", "--description", "three samples", "--examiner", "ann"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try run(["case", "add", "Op Lantern", photo, pdf, "--analyse", "--copy-into-case"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("added photo-exif.jpg"))
        #expect(r.stdout.contains("objects/"))
        r = try run(["case", "add", "Op Lantern", video])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try run(["case", "tag", "Op Lantern", "ltnews18-edited.pdf", "suspicious"]).status == 0)
        #expect(try run(["case", "note", "Op Lantern", "webcam-face.avi", "check the mouth"]).status == 0)
        #expect(try run(["case", "note", "Op Lantern", "case opened on request"]).status == 0)
        #expect(try run(["case", "bookmark", "Op Lantern", "webcam-face.avi", "lips out of step", "--frame", "40", "--branch", "forensic"]).status == 0)
        #expect(try run(["case", "bookmark", "Op Lantern", "webcam-face.avi", "bad", "--frame", "0"]).status != 0)

        r = try run(["case", "analyse", "Op Lantern"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 3)

        r = try run(["case", "show", "Op Lantern"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("webcam-face.avi"))
        #expect(r.stdout.contains("tags: suspicious"))
        #expect(r.stdout.contains("check the mouth"))
        #expect(!r.stdout.contains("not analysed"))

        r = try run(["case", "show", "Op Lantern", "--json"])
        let shown = try JSONDecoder().decode(CaseReportShape.self, from: Data(r.stdout.utf8))
        #expect(shown.evidence.map(\.runs) == [2, 2, 1])

        r = try run(["case", "verify", "Op Lantern"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("ok") })

        for format in ["json", "md", "html"] {
            let out = tmp.path("report.\(format)")
            r = try run(["report", "Op Lantern", "--format", format, "--out", out])
            #expect(r.status == 0, "\(r.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("Op Lantern"))
            #expect(text.contains(try EvidenceFile_sha(video)))
        }
        let json = try Data(contentsOf: URL(fileURLWithPath: tmp.path("report.json")))
        let decoded = try JSONDecoder().decode(CaseReportShape.self, from: json)
        #expect(decoded.evidence.compactMap(\.analysis?.report).count == 3)
        let html = try String(contentsOfFile: tmp.path("report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("frame 40 · branch forensic") && html.contains("lips out of step"))
        #expect(html.contains("FAKE") || html.contains("REAL") || html.contains("INCONCLUSIVE"))

        r = try run(["report", "Op Lantern", "--format", "pdf", "--out", tmp.path("r.pdf")])
        #expect(r.status == 0, "\(r.stderr)")
        let pdfText = try Tool.run("pdftotext", [tmp.path("r.pdf"), "-"])
        let videoHash = try EvidenceFile_sha(video)
        #expect(pdfText.status == 0 && pdfText.stdout.contains("Op Lantern") && pdfText.stdout.contains(videoHash))
        #expect(try run(["report", "Op Lantern", "--format", "pdf", "--out", "-"]).stderr.contains("a PDF report needs a file"))
    }

    @Test func errorsAUserMeets() throws {
        let photo = try tmp.copy(Samples.path("photo-exif.jpg"), as: "photo-exif.jpg")
        var r = try run(["case", "show", "Ghost"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no case named 'Ghost'"))
        #expect(try run(["case", "new", "Dup"]).status == 0)
        r = try run(["case", "new", "dup"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("already exists"))
        r = try run(["case", "tag", "Dup", "nothere.jpg", "ok"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'nothere.jpg' is not evidence in case 'Dup'"))

        #expect(try run(["case", "add", "Dup", photo]).status == 0)
        let h = try #require(FileHandle(forWritingAtPath: photo))
        try h.seekToEnd(); h.write(Data([0x00])); try h.close()
        r = try run(["case", "analyse", "Dup"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("EVIDENCE CHANGED since intake"))
        r = try run(["case", "verify", "Dup"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("BROKEN"))
        r = try run(["report", "Dup", "--format", "md", "--out", tmp.path("r.md")])
        #expect(r.status == 1)
        #expect(try String(contentsOfFile: tmp.path("r.md"), encoding: .utf8).contains("Chain of custody broken for 1 file(s)"))

        r = try run(["case", "remove", "Dup", "photo-exif.jpg"])
        #expect(r.status == 0)
        #expect(try run(["case", "show", "Dup"]).stdout.contains("no evidence yet"))

        let garbage = tmp.write("garbage.sqlite", seededBytes(count: 8192, seed: 3))
        r = try CLI.run(["case", "list", "--db", garbage])
        #expect(r.status == 1)
        #expect(r.stderr.contains("damaged"))
    }
}

extension CaseCLITests {
    /// One file changed after intake, one gone missing, one intact: `case verify`, `case analyse`
    /// and `report` each name the broken files and how they broke, and still handle the intact one.
    @Test func changedAndMissingFilesAreReportedEverywhere() throws {
        let photo = try tmp.copy(Samples.path("photo-exif.jpg"), as: "photo-exif.jpg")
        let pdf = try tmp.copy(Samples.path("ltnews18-edited.pdf"), as: "ltnews18-edited.pdf")
        let wav = try tmp.copy(Samples.path("speech-8k.wav"), as: "speech-8k.wav")
        #expect(try run(["case", "new", "Custody"]).status == 0)
        var r = try run(["case", "add", "Custody", photo, pdf, wav])
        #expect(r.status == 0, "\(r.stderr)")
        let intake = try EvidenceFile_sha(photo)
        let h = try #require(FileHandle(forWritingAtPath: photo))
        try h.seek(toOffset: 200); h.write(Data([0x42])); try h.close()
        let now = try EvidenceFile_sha(photo)
        try FileManager.default.removeItem(atPath: pdf)

        r = try run(["case", "verify", "Custody"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("BROKEN") && $0.contains(photo) && $0.contains("was \(intake), is now \(now)") })
        #expect(lines.contains { $0.hasPrefix("BROKEN") && $0.contains(pdf) && $0.contains("MISSING") })
        #expect(lines.contains { $0.hasPrefix("ok") && $0.contains(wav) })
        #expect(r.stderr.contains("2 of 3 evidence file(s) changed or missing"))

        r = try run(["case", "analyse", "Custody"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(photo): EVIDENCE CHANGED since intake"))
        #expect(r.stderr.contains("\(pdf): EVIDENCE MISSING"))
        #expect(r.stdout.contains("speech-8k.wav"), "the intact file should still be analysed: \(r.stdout)")

        for format in ["html", "md", "json"] {
            let out = tmp.path("custody.\(format)")
            r = try run(["report", "Custody", "--format", format, "--out", out])
            #expect(r.status == 1)
            #expect(r.stderr.contains(pdf) && r.stderr.contains(photo))
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("MISSING: no file at the intake path"))
            #expect(text.contains("is now \(now)"))
            if format != "json" { #expect(text.contains("Chain of custody broken for 2 file(s)")) }
        }
    }
}

/// The parts of `deepscan.case-report/1` the CLI tests read, decoded without the CaseStore module
/// (as an outside consumer would).
struct CaseReportShape: Decodable {
    struct Entry: Decodable {
        struct Run: Decodable { var report: Report }
        var runs: Int
        var analysis: Run?
    }
    var evidence: [Entry]
}

/// SHA-256 through the system tool, independent of the code under test.
func EvidenceFile_sha(_ path: String) throws -> String {
    let r = try Tool.run("sha256sum", [path])
    return String(r.stdout.prefix(64))
}
