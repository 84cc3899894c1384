// `deepscan bench tui`: the workbench's responsiveness against its targets (there is no peer
// program to race, so the ratio is target / measured and above 1 meets the target):
//  - redraw: a full redraw (every cell re-sent, as after C-l) of a 200x60 screen showing a frame
//    of samples/cockatoo-720p.mp4 with an evidence map over it and the verdict, branch and
//    findings panels, on the in-memory GridTerminal. Target 16 ms (one frame at 60 Hz).
//  - next frame: from the → key to the next frame drawn, the analysis finished (cached), on the
//    same screen. Target 50 ms.
//  - startup: `deepscan open samples/photo-exif.jpg` on a pseudo-terminal with
//    DEEPSCAN_EXIT_AFTER_FIRST_DRAW=1, timed from outside from launch to exit (so it includes
//    leaving curses). Target 300 ms.
// Figures are medians; the machine is shared with other builds, so they move between runs.
import ArgumentParser
import Detection
import Foundation
import Workbench

extension BenchCommand {
    struct TUI: Suite {
        static let suiteName = "tui"
        static let configuration = CommandConfiguration(
            commandName: "tui",
            abstract: "Workbench redraw, next-frame and startup times against their targets (16, 50, 300 ms).")

        @OptionGroup var options: Options

        func measure() throws -> TUIReport {
            let video = options.file ?? "samples/cockatoo-720p.mp4", photo = "samples/photo-exif.jpg"
            for f in [video, photo, "models/fusion.json"] where !FileManager.default.fileExists(atPath: f) {
                throw ValidationError("\(f) not found: run from the repository root (or pass --file for the video).")
            }
            let (app, terminal) = try Self.openSettled(video)
            let perKey = options.runs * 20
            // (a) Full redraws: C-l invalidates the frame buffer, so every cell is drawn and sent.
            let redraw = try BenchCommand.medianSeconds(runs: perKey) {
                terminal.feed([.ctrl("l")]); app.runUntilIdle()
            }
            // (b) → then the next frame on screen (decode, render, send the changed cells).
            let frames = (app.top as? EvidenceScreen).flatMap { s -> Int? in
                if case .video(let r) = s.file.content { return r.frameCount } else { return nil }
            } ?? 0
            let steps = max(1, min(perKey, frames - 2))
            let next = try BenchCommand.medianSeconds(runs: steps) {
                terminal.feed([.right]); app.runUntilIdle()
            }
            guard terminal.text.contains("frame \(steps + 2)/\(frames)") else { throw ValidationError("the frames did not advance") }
            // (c) Startup to the first screen, the real program on a pseudo-terminal.
            let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            let startup = try BenchCommand.medianSeconds(runs: options.runs) { try Self.launchToFirstDraw(exe, photo) }
            #if DEBUG
            let build = "debug"
            #else
            let build = "release"
            #endif
            return TUIReport(suite: Self.suiteName, file: video, build: build, figures: [
                .init(name: "redraw 200x60 (720p frame, heatmap, panels)", medianSeconds: redraw, targetMs: 16, samples: perKey),
                .init(name: "key to next frame (analysis cached)", medianSeconds: next, targetMs: 50, samples: steps),
                .init(name: "startup to first screen (\((photo as NSString).lastPathComponent))", medianSeconds: startup, targetMs: 300, samples: options.runs),
            ], note: "ratio = target / measured (above 1 meets the target). Medians of the samples on a shared machine "
                + "(other builds run beside it), \(build) build; figures move between runs.")
        }

        /// The workbench on a 200x60 grid with `path` open, its analysis finished and the
        /// evidence map shown (the `v` key).
        static func openSettled(_ path: String) throws -> (App, GridTerminal) {
            let engine = try DetectionEngine(fusionFile: URL(fileURLWithPath: "models/fusion.json"), branches: BranchRegistry.all.filter { $0.id != BenchMapBranch().id } + [BenchMapBranch()])
            let context = WorkbenchContext(engine: engine, annotations: AnnotationStore(url: nil))
            let terminal = GridTerminal(width: 200, height: 60)
            let app = Workbench.makeApp(terminal: terminal, path: path, context: context, theme: .builtIn)
            guard let screen = app.top as? EvidenceScreen else { throw ValidationError("\(path) could not be opened") }
            let deadline = Date().addingTimeInterval(120)
            while screen.file.analysis == nil {
                if case .failed(let m) = screen.file.state { throw ValidationError("analysis of \(path) failed: \(m)") }
                guard Date() < deadline else { throw ValidationError("analysis of \(path) did not finish in 120 s") }
                app.step(timeout: 0); usleep(2_000)
            }
            terminal.feed([.char("v")])
            app.runUntilIdle()
            guard terminal.text.contains(BenchMapBranch.mapID) else { throw ValidationError("the evidence map is not on screen") }
            return (app, terminal)
        }

        /// Runs `deepscan open file` on a new 200x60 pseudo-terminal with
        /// DEEPSCAN_EXIT_AFTER_FIRST_DRAW=1 and waits for it; throws unless it exits 0.
        static func launchToFirstDraw(_ executable: String, _ file: String) throws {
            // posix_openpt and friends are hidden from Swift (they need _XOPEN_SOURCE): the same
            // through /dev/ptmx and Linux's ioctls (asm-generic/ioctls.h).
            let TIOCGPTN: UInt = 0x8004_5430, TIOCSPTLCK: UInt = 0x4004_5431, TIOCSWINSZ: UInt = 0x5414
            let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            guard master >= 0 else { throw ValidationError("cannot open /dev/ptmx: \(String(cString: strerror(errno)))") }
            defer { close(master) }
            var unlock: Int32 = 0, number: UInt32 = 0
            var size = winsize(ws_row: 60, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0)
            guard ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0, ioctl(master, TIOCSWINSZ, &size) == 0 else {
                throw ValidationError("cannot set up a pseudo-terminal: \(String(cString: strerror(errno)))")
            }
            let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
            guard slave >= 0 else { throw ValidationError("cannot open /dev/pts/\(number)") }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            let annotations = FileManager.default.temporaryDirectory.appendingPathComponent("deepscan-bench-\(getpid()).json").path
            p.arguments = ["open", file, "--annotations", annotations]
            var env = ProcessInfo.processInfo.environment
            env["TERM"] = "xterm-256color"
            env[Workbench.exitAfterFirstDrawVariable] = "1"
            p.environment = env
            let tty = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
            p.standardInput = tty; p.standardOutput = tty; p.standardError = tty
            // Read what the program draws, or it would block on a full pseudo-terminal buffer.
            let drained = DispatchSemaphore(value: 0)
            let output = OutputBox()
            DispatchQueue.global().async {
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let n = read(master, &buffer, buffer.count)
                    if n <= 0 { break }
                    output.append(buffer[0..<n])
                }
                drained.signal()
            }
            try p.run()
            close(slave)
            p.waitUntilExit()
            drained.wait()
            guard p.terminationStatus == 0 else {
                throw ValidationError("deepscan open exited \(p.terminationStatus): \(output.text.suffix(400))")
            }
            guard output.text.contains("DeepScan") else { throw ValidationError("deepscan open exited before drawing its first screen") }
        }
    }
}

/// Bytes read from the pseudo-terminal by one thread, read after it has finished.
private final class OutputBox: @unchecked Sendable {
    private var data = [UInt8]()
    func append(_ bytes: ArraySlice<UInt8>) { data.append(contentsOf: bytes) }
    var text: String { String(decoding: data, as: UTF8.self) }
}
