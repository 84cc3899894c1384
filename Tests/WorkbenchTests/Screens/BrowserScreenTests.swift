// The browser on a folder of every sample kind plus a damaged file: the listing with each file's
// kind (sniffed from its content) and size, the kind filter keys, and opening a file that cannot
// be opened (a message box over the browser; the app keeps running and Esc closes it); the
// current folder given as "." (what `deepscan open` opens by default) and the parent of a
// relative folder, which used to trap in Foundation.
import Detection
import Foundation
import Testing
import TestSupport
@testable import Workbench

@Suite struct BrowserScreenTests {
    /// An MP4 header followed by noise: sniffed as video, refused by the demuxer.
    static let broken: [UInt8] = Array("\u{0}\u{0}\u{0}\u{18}ftypisom\u{0}\u{0}\u{2}\u{0}isomiso2".utf8) + seededBytes(count: 3000, seed: 7)

    func harness() throws -> WorkbenchHarness { try WorkbenchHarness(extra: ["broken.mp4": Self.broken]) }

    @Test func listsEveryFileWithItsKindAndSize() throws {
        let h = try harness()
        h.expectSnapshot("browser-all")
        let s = h.screen
        #expect(s.contains("1 image, 2 video, 1 audio, 2 pdf"))
        #expect(s.contains("webcam-face.avi") && s.contains("video  480.3 KB"))
        #expect(s.contains("speech-8k.wav") && s.contains("audio"))
        #expect(s.contains("broken.mp4"))
    }

    @Test func kindKeysFilterTheListing() throws {
        let h = try harness()
        try h.press(.char("3"))
        h.expectSnapshot("browser-video-only")
        #expect(h.screen.contains("video only"))
        #expect(h.screen.contains("webcam-face.avi") && !h.screen.contains("photo-exif.jpg") && !h.screen.contains("l3prefixes.pdf"))
        try h.press(.char("5"))
        #expect(h.screen.contains("l3prefixes.pdf") && h.screen.contains("ltnews18-edited.pdf") && !h.screen.contains("webcam-face.avi"))
        try h.press(.char("2"))
        #expect(h.screen.contains("photo-exif.jpg") && !h.screen.contains("speech-8k.wav"))
        try h.press(.char("1"))
        #expect(h.screen.contains("photo-exif.jpg") && h.screen.contains("speech-8k.wav") && !h.screen.contains(" only"))
    }

    @Test func aDamagedFileShowsAnErrorAndTheAppKeepsRunning() throws {
        let h = try harness()
        try h.press(.char("/")); try h.type("broken"); try h.press(.enter)
        try h.press(.enter)
        h.expectSnapshot("browser-open-damaged")
        #expect(h.app.isRunning)
        #expect(h.app.top is MessageScreen)
        #expect(h.screen.contains("Cannot open broken.mp4") && h.screen.contains("damaged"))
        try h.press(.escape)
        #expect(h.app.isRunning && h.app.top is BrowserScreen)
        #expect(!h.screen.contains("Cannot open"))
        // Still usable: clear the filter (Esc) and open a good file.
        try h.press(.escape, .char("/")); try h.type("photo"); try h.press(.enter, .enter)
        #expect(h.evidence?.title == "photo-exif.jpg")
    }

    /// `deepscan open` with no path: the browser of ".", built as the command builds it.
    func openRelative(_ path: String) throws -> (App, GridTerminal, TempDir) {
        let tmp = TempDir()
        let engine = try DetectionEngine(fusionFile: Samples.root.appendingPathComponent("models/fusion.json"), branches: [])
        let context = WorkbenchContext(engine: engine, annotations: AnnotationStore(url: tmp.url.appendingPathComponent("annotations.json")), exportDirectory: tmp.url.path)
        let term = GridTerminal(width: 200, height: 40)
        let app = Workbench.makeApp(terminal: term, path: path, context: context, theme: .builtIn)
        _ = app.runUntilIdle()
        return (app, term, tmp)
    }

    @Test func theCurrentFolderGivenAsADotIsListed() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let (app, term, _) = try openRelative(".")
        let browser = try #require(app.top as? BrowserScreen)
        #expect(browser.directory == cwd)
        let visible = try FileManager.default.contentsOfDirectory(atPath: cwd).filter { !$0.hasPrefix(".") }.sorted()
        let first = try #require(visible.first)
        #expect(term.text.contains(first))
    }

    @Test func theParentOfARelativeFolderIsTheCurrentFolder() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let fm = FileManager.default
        let sub = try #require(try fm.contentsOfDirectory(atPath: cwd).sorted().first { name in
            var isDir: ObjCBool = false
            return !name.hasPrefix(".") && fm.fileExists(atPath: cwd + "/" + name, isDirectory: &isDir) && isDir.boolValue
        })
        let (app, term, _) = try openRelative(sub)
        #expect((app.top as? BrowserScreen)?.directory == cwd + "/" + sub)
        term.feed([.backspace])
        _ = app.runUntilIdle()
        #expect(app.isRunning)
        #expect((app.top as? BrowserScreen)?.directory == cwd)
    }
}
