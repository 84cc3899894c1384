// The workbench as `deepscan open` builds it (Workbench.makeApp), on an in-memory grid, over a
// copy of the real samples in a fixed-shape temporary folder. Tests replay keys, wait for the
// background analysis to finish, and compare the screen with stored snapshots. What changes from
// run to run is masked: the folder's random part, durations in ms, and the picture's pixels
// (its block glyphs become `·`, so the layout stays visible but decoder rounding does not matter).
import Detection
import Evidence
import Foundation
import Testing
import TestSupport
@testable import Workbench

/// A workbench over copied samples, driven by keys on a `GridTerminal`.
final class WorkbenchHarness {
    /// Every sample the screen tests use, copied into `dir`.
    static let samples = ["webcam-face.avi", "photo-exif.jpg", "speech-8k.wav", "ltnews18-edited.pdf", "l3prefixes.pdf"]
    static let snapshots = Snapshot(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Snapshots"))

    /// `/tmp/ds-tui-XXXXXXXX`: always the same length, so masking it keeps the layout.
    let dir: String
    let term: GridTerminal
    let app: App
    let context: WorkbenchContext
    let annotationsURL: URL

    /// Copies the samples (plus `extra` files: name → bytes) and opens `path` (relative to the
    /// copy; nil opens the folder in the browser), as `deepscan open` would.
    init(open path: String? = nil, width: Int = 160, height: Int = 50, branches: [any Branch] = BranchRegistry.all,
         extra: [String: [UInt8]] = [:]) throws {
        let dir = "/tmp/ds-tui-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8).lowercased()
        self.dir = dir
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for s in Self.samples { try fm.copyItem(atPath: Samples.path(s), toPath: dir + "/" + s) }
        for (name, bytes) in extra { fm.createFile(atPath: dir + "/" + name, contents: Data(bytes)) }
        // The metadata tree shows the modification time: pin it.
        for name in Self.samples + extra.keys {
            try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: dir + "/" + name)
        }
        try fm.createDirectory(atPath: dir + "/.out", withIntermediateDirectories: true)
        let annotationsURL = URL(fileURLWithPath: dir + "/.out/annotations.json")
        self.annotationsURL = annotationsURL
        let engine = try DetectionEngine(fusionFile: Samples.root.appendingPathComponent("models/fusion.json"), branches: branches)
        let context = WorkbenchContext(engine: engine, annotations: AnnotationStore(url: annotationsURL), exportDirectory: dir + "/.out")
        self.context = context
        let term = GridTerminal(width: width, height: height)
        self.term = term
        app = Workbench.makeApp(terminal: term, path: path.map { dir + "/" + $0 } ?? dir, context: context, theme: .builtIn)
        try settle()
    }

    deinit {
        context.runner.cancel()
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// The evidence screen nearest the top, if one is open.
    var evidence: EvidenceScreen? { app.screens.last { $0 is EvidenceScreen } as? EvidenceScreen }

    /// Replays `keys` and waits until every analysis on the stack has finished.
    func press(_ keys: Key...) throws { term.feed(keys); try settle() }

    /// Types `text` as character keys, then settles.
    func type(_ text: String) throws { term.type(text); try settle() }

    /// Runs the loop until input is used up and no analysis is running (messages come from a
    /// background thread, so this polls), failing after `timeout` seconds.
    func settle(timeout: TimeInterval = 60) throws {
        app.runUntilIdle()
        let deadline = Date().addingTimeInterval(timeout)
        while app.screens.contains(where: { ($0 as? EvidenceScreen).map { if case .running = $0.file.state { true } else { false } } ?? false }) {
            guard Date() < deadline else { throw HarnessError(message: "analysis still running after \(timeout) s") }
            usleep(2_000)
            app.step(timeout: 0)
        }
        app.runUntilIdle()
    }

    /// The screen as text with the run-specific parts masked (see the file's top).
    var screen: String {
        // The picture is masked while its evidence screen is the one drawn (overlays go on top).
        let base = app.screens.last { !$0.isOverlay }
        let picture = evidence.flatMap { e in base === e ? e.pictureArea : nil }
        var lines: [String] = []
        for y in 0..<term.size.height {
            var line = ""
            for x in 0..<term.size.width {
                let c = term.cell(x, y)
                guard c.width != 0 else { continue }
                let inPicture = picture.map { x >= $0.x && x < $0.maxX && y >= $0.y && y < $0.maxY } ?? false
                line.unicodeScalars.append(inPicture && Self.blockGlyphs.contains(c.scalar) ? "·" : c.scalar)
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return Self.mask(lines.joined(separator: "\n"), dir: dir)
    }

    static let blockGlyphs = Set("▀▄█▌▐░▒▓▖▗▘▝▚▞▙▛▜▟".unicodeScalars)

    /// Replaces the temporary folder and durations with fixed text. A duration followed by padding
    /// (inside a box) absorbs that padding and is padded back to the same total width, so the
    /// border after it stays put whatever the number of digits; line ends are trimmed.
    static func mask(_ text: String, dir: String) -> String {
        text.replacingOccurrences(of: dir, with: "/tmp/ds-tui-XXXXXXXX")
            .replacing(/\d+(\.\d+)? ms( {2,})/) { m in "# ms" + String(repeating: " ", count: max(1, m.output.0.count - 4)) }
            .replacing(/\d+(\.\d+)? ms/, with: "# ms")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacing(/\ +$/, with: "") }
            .joined(separator: "\n")
    }

    /// Compares the masked screen with the stored snapshot `name`.
    func expectSnapshot(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problem = Self.snapshots.check(screen, named: name) { Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation) }
    }

    /// The colours of every cell of the picture area (top half and bottom half of each block).
    func pictureColors() -> [RGB] {
        guard let r = evidence?.pictureArea else { return [] }
        var out: [RGB] = []
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { let c = term.cell(x, y); out.append(c.fg); out.append(c.bg) } }
        return out
    }
}

struct HarnessError: Error, CustomStringConvertible { var message: String; var description: String { message } }
