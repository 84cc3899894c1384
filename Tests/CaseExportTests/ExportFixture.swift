// One case analysed once for the export tests: a photo, a video with sound, a speech recording and
// a PDF, each run through the real detection engine and stored; plus a case of hostile evidence (a
// file named like a script tag, an EXIF Software field with an ANSI escape, a note with markup and
// an OSC sequence). Built on first use and shared (the engine takes a few seconds on the video).
import CaseExport
import CaseStore
import Detection
import Evidence
import Foundation
import TestSupport

final class ExportFixture: @unchecked Sendable {
    static let shared: Result<ExportFixture, Error> = Result { try ExportFixture() }
    static func get() throws -> ExportFixture { try shared.get() }

    let tmp = TempDir()
    let store: CaseStore
    let name = "Samples"
    let hostile = "Hostile"
    /// Evidence paths, in intake order: photo, video, audio, pdf.
    var paths: [String] = []
    var reports: [String: Report] = [:]

    private init() throws {
        store = try CaseStore(path: tmp.path("cases.sqlite"))
        try store.createCase(name: name, description: "Export test <b>case</b>", examiner: "ann")
        let engine = try DetectionEngine()
        for s in ["photo-exif.jpg", "webcam-face.avi", "speech-8k.wav", "ltnews18-edited.pdf"] {
            let p = try tmp.copy(Samples.path(s), as: s)
            try analyse(p, into: name, engine: engine)
            paths.append(p)
        }
        try store.addBookmark(caseName: name, file: "webcam-face.avi", frame: 12, time: 0.8, branch: "forensic", note: "mouth edge", actor: "ann")

        try store.createCase(name: hostile)
        try FileManager.default.createDirectory(at: tmp.url.appendingPathComponent("<script>alert(1)<"), withIntermediateDirectories: true)
        let scriptName = try tmp.copy(Samples.path("photo-exif.jpg"), as: "<script>alert(1)</script>.jpg")
        try analyse(scriptName, into: hostile, engine: engine)
        try analyse(try Self.ansiPhoto(in: tmp), into: hostile, engine: engine)
        try store.addNote(caseName: hostile, file: scriptName, text: "note with \u{1B}]0;owned\u{07}title and <img src=x onerror=alert(2)>", actor: "ann")
    }

    private func analyse(_ path: String, into caseName: String, engine: DetectionEngine) throws {
        let e = try store.addEvidence(caseName: caseName, file: path, actor: "ann")
        let started = Date()
        let report = try engine.analyze(path).report
        try store.recordRun(evidence: e, report: report, startedAt: started, custody: store.verify(e).status, actor: "ann")
        reports[e.path] = report
    }

    func report(_ caseName: String? = nil) throws -> CaseReport {
        try CaseReport.build(store: store, caseName: caseName ?? name, generator: "deepscan test")
    }

    /// photo-exif.jpg with its EXIF Software `Bibble 4.4b` replaced (same length) by an ANSI colour
    /// sequence around `<GIMP>`.
    static func ansiPhoto(in dir: TempDir) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("photo-exif.jpg"))))
        let needle = Array("Bibble 4.4b".utf8), patch = Array("\u{1B}[31m<GIMP>".utf8)
        guard let at = (0...(bytes.count - needle.count)).first(where: { Array(bytes[$0..<$0 + needle.count]) == needle }) else {
            throw ExportError("photo-exif.jpg no longer has the Software field the test patches")
        }
        bytes.replaceSubrange(at..<at + needle.count, with: patch)
        return dir.write("ansi-software.jpg", bytes)
    }
}

/// The PNG figures inlined in an HTML report.
struct InlinedPNG {
    var data: Data
    var declaredWidth: Int, declaredHeight: Int
    /// Width and height from the PNG's IHDR chunk.
    var pngSize: (Int, Int)? {
        let b = [UInt8](data)
        guard b.count > 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
        func be(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        return (be(16), be(20))
    }

    /// Every `<img src="data:image/png;base64,..." width=".." height="..">` in `html`.
    static func all(in html: String) -> [InlinedPNG] {
        let pattern = #"<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" width="(\d+)" height="(\d+)""#
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = html as NSString
        return re.matches(in: html, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            guard let data = Data(base64Encoded: ns.substring(with: m.range(at: 1))) else { return nil }
            return InlinedPNG(data: data, declaredWidth: Int(ns.substring(with: m.range(at: 2)))!, declaredHeight: Int(ns.substring(with: m.range(at: 3)))!)
        }
    }
}
