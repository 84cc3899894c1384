// `deepscan bench scan`: the whole engine, every applicable branch on, on this machine, each figure
// beside the time `ffmpeg -threads 0 -i F -f null -` needs just to decode the same file:
//   video       a 10-second 720p H.264 clip with audio (the first 10 s of samples/cockatoo-720p.mp4,
//               or --file, re-encoded 4:2:0 with AAC audio), default sampling. Goal: <= 2 s.
//   image       samples/photo-exif.jpg. Goal: <= 1 s.
//   frames_all  frame-by-frame mode (`--frames all`) on the first 3 s of that clip, in frames/s
//               (one timed run: it is the slow one). Goal: >= 30 frames/s.
//   long_1080p  a 10-minute 1080p25 H.264 video with AAC audio (ffmpeg testsrc2 + sine, 10 s made
//               and looped with stream copy, so it takes seconds), scanned by a child
//               `deepscan scan --json` under /usr/bin/time, whose maximum resident set (ru_maxrss)
//               is the peak memory; ffmpeg's own peak decoding it is measured the same way. Goal: <= 1 GB.
// The in-process timings start from a warm engine; ffmpeg's include its process start (~30-50 ms).
// Every input is made in a temporary folder removed at the end.
import ArgumentParser
import Detection
import Foundation
import Media

extension BenchCommand {
    struct Scan: Suite {
        static let suiteName = "scan"
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Time whole scans (10 s 720p clip, a photo, frame-by-frame) and peak memory on a 10-minute 1080p video; compare with ffmpeg decoding.")

        @OptionGroup var options: Options

        func measure() throws -> Report {
            let temp = try TemporaryFolder()
            let source = options.file ?? "samples/cockatoo-720p.mp4", image = "samples/photo-exif.jpg"
            for f in [source, image] where !FileManager.default.fileExists(atPath: f) {
                throw Failure("\(f) not found: run from the repository root or pass --file.")
            }
            let clip = temp.path + "/clip-10s.mp4", short = temp.path + "/clip-3s.mp4", long = temp.path + "/testsrc2-10min-1080p.mp4"
            try ffmpeg(["-i", source, "-t", "10", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", clip])
            try ffmpeg(["-i", clip, "-t", "3", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", short])
            try Self.makeLongVideo(long, folder: temp.path)
            let engine = try DetectionEngine(fusionFile: URL(fileURLWithPath: "models/fusion.json"))
            var figures: [String: Double] = [:]
            figures["load_average_before"] = BenchCommand.loadAverage()

            // Default sampling on the 10 s clip: the headline pair.
            let clipFrames = try VideoReader(path: clip).frameCount
            let (video, videoPeer) = try BenchCommand.medianSeconds(runs: options.runs, ours: {
                _ = try engine.analyze(clip)
            }, peer: { try decode(clip) })
            record(&figures, "video", video, videoPeer, goal: 2)

            let (photo, photoPeer) = try BenchCommand.medianSeconds(runs: options.runs, ours: {
                _ = try engine.analyze(image)
            }, peer: { try decode(image) })
            record(&figures, "image", photo, photoPeer, goal: 1)

            // Frame by frame: one timed run after the warm-up.
            var all = EngineOptions()
            all.sampling = .all
            let shortFrames = try VideoReader(path: short).frameCount
            var forensicMs = 0.0
            let (frames, framesPeer) = try BenchCommand.medianSeconds(runs: 1, ours: {
                forensicMs = try engine.analyze(short, options: all).report.timing.branchesMs["forensic"] ?? 0
            }, peer: { try decode(short) })
            record(&figures, "frames_all", frames, framesPeer, goal: nil)
            figures["frames_all_fps"] = Double(shortFrames) / frames
            figures["frames_all_ffmpeg_fps"] = Double(shortFrames) / framesPeer
            figures["frames_all_forensic_ms_per_frame"] = forensicMs / Double(max(shortFrames, 1))
            figures["goal_frames_all_fps"] = 30

            // Peak memory of a child scan of the 10-minute 1080p video, and of ffmpeg decoding it.
            let me = Bundle.main.executablePath ?? CommandLine.arguments[0]
            let scan = try Self.peak([me, "scan", "--json", long], folder: temp.path)
            let ff = try Self.peak(["ffmpeg", "-hide_banner", "-loglevel", "error", "-threads", "0", "-i", long, "-f", "null", "-"], folder: temp.path)
            figures["long_1080p_ms"] = scan.seconds * 1000
            figures["long_1080p_peak_rss_mb"] = scan.megabytes
            figures["long_1080p_ffmpeg_ms"] = ff.seconds * 1000
            figures["long_1080p_ffmpeg_peak_rss_mb"] = ff.megabytes
            figures["long_1080p_ratio"] = ff.seconds / scan.seconds
            figures["goal_peak_rss_mb"] = 1024

            let fps = Double(clipFrames) / video, peerFPS = Double(clipFrames) / videoPeer
            return Report(suite: Self.suiteName, file: "\(source) first 10 s (\(clipFrames) frames), default sampling", runs: options.runs,
                          ours: Side(name: "scan", fps: fps, medianSeconds: video),
                          peer: Side(name: "ffmpeg decode", fps: peerFPS, medianSeconds: videoPeer),
                          ratio: fps / peerFPS, figures: figures)
        }

        /// `<name>_ms`, `<name>_ffmpeg_ms`, `<name>_ratio` (ffmpeg time / ours: above 1 is faster than decoding alone), and the goal.
        func record(_ figures: inout [String: Double], _ name: String, _ ours: Double, _ peer: Double, goal: Double?) {
            figures["\(name)_ms"] = ours * 1000
            figures["\(name)_ffmpeg_ms"] = peer * 1000
            figures["\(name)_ratio"] = peer / ours
            if let goal { figures["goal_\(name)_ms"] = goal * 1000 }
        }

        func ffmpeg(_ args: [String]) throws {
            try BenchCommand.runTool("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y"] + args)
        }

        /// The peer: decoding only, every core, output thrown away.
        func decode(_ file: String) throws {
            try BenchCommand.runTool("ffmpeg", ["-hide_banner", "-loglevel", "error", "-threads", "0", "-i", file, "-f", "null", "-"])
        }

        /// 10 minutes of 1920x1080 at 25 frames/s, 300 kbit/s, with a 440 Hz tone: 10 s encoded, then looped 60 times by stream copy.
        static func makeLongVideo(_ out: String, folder: String) throws {
            let seg = folder + "/segment.mp4"
            try BenchCommand.runTool("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25:duration=10",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=10",
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "300k", "-g", "250", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k", "-shortest", seg])
            try BenchCommand.runTool("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-stream_loop", "59", "-i", seg, "-c", "copy", out])
        }

        /// Wall time and maximum resident set of a child process, read from `/usr/bin/time -f "%e %M"`.
        static func peak(_ command: [String], folder: String) throws -> (seconds: Double, megabytes: Double) {
            let out = folder + "/time.txt"
            try BenchCommand.runTool("/usr/bin/time", ["-f", "%e %M", "-o", out] + command)
            let fields = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isWhitespace).suffix(2).compactMap { Double($0) }
            guard fields.count == 2 else { throw Failure("/usr/bin/time wrote no figures for \(command[0])") }
            return (fields[0], fields[1] / 1024)
        }
    }
}
