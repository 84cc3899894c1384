// The real `deepscan open` in a real terminal (tmux, 160x50), as an analyst drives it: stepping
// video frames changes the counter and the picture's colours, the branch details, the metadata
// pane, the spectrogram, a PDF page, resizing the window, a damaged file (an error; the program
// keeps running), exporting a case report in three formats, and `q` leaving the alternate screen
// with exit status 0. Without a terminal, `deepscan open` refuses with a clear message. Every wait
// is bounded.
import Foundation
import Testing
import TestSupport

@Suite(.enabled(if: Tool.exists("tmux"), "needs tmux"))
struct WorkbenchEndToEndTests {
    /// `deepscan open <path>` in a fresh 160x50 session, from the repository root.
    func open(_ path: String) throws -> TmuxSession {
        try TmuxSession([CLI.binary, "open", path, "--fusion", Samples.root.appendingPathComponent("models/fusion.json").path,
                         "--annotations", FileManager.default.temporaryDirectory.appendingPathComponent("ds-e2e-\(UUID().uuidString).json").path])
    }

    /// Waits for `text`, failing the test (with the screen) when it does not appear.
    @discardableResult
    func expectScreen(_ tmux: TmuxSession, _ text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let screen = try tmux.waitFor(text, timeout: timeout)
        #expect(screen.contains(text), "no \"\(text)\" on screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// Sends `q` and checks the program exits 0 and leaves the alternate screen.
    func quit(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try tmux.send("q")
        try expectScreen(tmux, "[exit 0]", sourceLocation: sourceLocation)
        #expect(try !tmux.alternateScreenOn(), sourceLocation: sourceLocation)
    }

    @Test func videoFramesBranchesMetadataResizeAndQuit() throws {
        let t = try open(Samples.path("webcam-face.avi"))
        try expectScreen(t, "analysis finished")
        #expect(try t.alternateScreenOn())
        try expectScreen(t, "frame 1/68")
        let picture1 = try t.captureEscapes(rows: 3...40)
        try t.send("Right")
        try expectScreen(t, "frame 2/68")
        try t.send(":"); try expectScreen(t, "Go to frame or time")
        try t.send("30", literal: true); try t.send("Enter")
        try expectScreen(t, "frame 30/68")
        let picture30 = try t.captureEscapes(rows: 3...40)
        #expect(picture1 != picture30 && picture1.contains("\u{1B}["), "the picture's colour escapes did not change")
        try t.send("Tab"); try t.send("Enter")
        try expectScreen(t, "Branch forensic")
        try t.send("Escape"); try t.send("Tab"); try t.send("Tab")
        try t.waitFor(timeout: 5) { !$0.contains("Branch forensic") }
        try t.send("m")
        try expectScreen(t, "Metadata findings")
        #expect(try t.capture().contains("container"))
        try t.send("Escape")
        try t.resize(width: 100, height: 30)
        let small = try t.waitFor(timeout: 10) { s in s.split(separator: "\n").first.map { $0.count <= 100 && $0.hasSuffix("? help") } ?? false }
        #expect(small.contains("frame 30/68") && small.split(separator: "\n").count <= 30, "not re-laid out for 100x30:\n\(small)")
        try t.resize(width: 160, height: 50)
        try t.waitFor(timeout: 10) { $0.split(separator: "\n").first.map { $0.count > 100 } ?? false }
        try quit(t)
    }

    @Test func spectrogram() throws {
        let t = try open(Samples.path("speech-8k.wav"))
        try expectScreen(t, "16000 Hz · linear")
        let linear = try t.captureEscapes(rows: 3...30)
        try t.send("f")
        try expectScreen(t, "16000 Hz · mel")
        #expect(try t.captureEscapes(rows: 3...30) != linear)
        try quit(t)
    }

    @Test func pdfPages() throws {
        let t = try open(Samples.path("l3prefixes.pdf"))
        try expectScreen(t, "page 1/")
        try t.send("Right")
        try expectScreen(t, "page 2/")
        try quit(t)
    }

    @Test func damagedFileShowsAnErrorAndTheProgramSurvives() throws {
        let tmp = TempDir()
        let bad = tmp.write("broken.mp4", Array("\u{0}\u{0}\u{0}\u{18}ftypisom\u{0}\u{0}\u{2}\u{0}isomiso2".utf8) + seededBytes(count: 3000, seed: 7))
        try tmp.copy(Samples.path("photo-exif.jpg"), as: "photo.jpg")
        let t = try open(bad)
        try expectScreen(t, "Cannot open broken.mp4")
        try expectScreen(t, "damaged")
        try t.send("Escape")
        let browser = try t.waitFor(timeout: 10) { !$0.contains("Cannot open") }
        #expect(!browser.contains("Cannot open") && browser.contains("photo.jpg"), "the browser of its folder should be left:\n\(browser)")
        try quit(t)
    }

    /// `deepscan open FILE --case NAME`: the analysis is stored in the case, and `e` exports the
    /// case report to the path typed, in the format its extension names; a path that cannot be
    /// written gives an error and the program keeps running.
    @Test func caseReportExportsToEachFormat() throws {
        let tmp = TempDir()
        let db = tmp.path("cases.sqlite")
        let photo = try tmp.copy(Samples.path("photo-exif.jpg"), as: "photo-exif.jpg")
        #expect(try CLI.run(["case", "new", "E2E", "--db", db]).status == 0)
        #expect(try CLI.run(["case", "add", "E2E", photo, "--db", db]).status == 0)
        let t = try TmuxSession([CLI.binary, "open", photo, "--case", "E2E", "--db", db,
                                 "--fusion", Samples.root.appendingPathComponent("models/fusion.json").path])
        try expectScreen(t, "stored in case E2E", timeout: 60)
        for format in ["html", "md", "json"] {
            let out = tmp.path("E2E report.\(format)")
            try t.send("e")
            try expectScreen(t, "Export the report of case E2E to")
            try t.send("-N", "200", "BSpace")
            try t.send(out, literal: true)
            try t.send("Enter")
            try expectScreen(t, "exported the \(format) case report to \(out)")
        }
        let html = try String(contentsOfFile: tmp.path("E2E report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("photo-exif.jpg"))
        #expect(html.contains("1 stored run(s)"), "the workbench's analysis is not in the exported report")
        let md = try String(contentsOfFile: tmp.path("E2E report.md"), encoding: .utf8)
        #expect(md.hasPrefix("# Case report: E2E") && md.contains("1 stored run(s)"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: tmp.path("E2E report.json")))) as? [String: Any]
        #expect(json?["schema"] as? String == "deepscan.case-report/1")
        let evidence = json?["evidence"] as? [[String: Any]]
        #expect(evidence?.count == 1 && (evidence?[0]["analysis"] as? [String: Any])?["report"] != nil)

        try t.send("e")
        try expectScreen(t, "Export the report of case E2E to")
        try t.send("-N", "200", "BSpace")
        try t.send(tmp.path("missing-folder/r.html"), literal: true)
        try t.send("Enter")
        try expectScreen(t, "Export failed")
        try t.send("Escape")
        try t.waitFor(timeout: 10) { !$0.contains("Export failed") }
        #expect(!FileManager.default.fileExists(atPath: tmp.path("missing-folder")))
        try quit(t)
    }

    @Test func refusesWithoutATerminal() throws {
        let r = try CLI.run(["open", Samples.path("photo-exif.jpg")], timeout: 30)
        #expect(r.status != 0)
        #expect(r.stderr.contains("needs a terminal"), "stderr: \(r.stderr)")
    }
}
