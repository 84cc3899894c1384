// `deepscan bench decode`: every frame of a video decoded to RGB through `VideoReader`, against
// `ffmpeg -threads 0 -i F -f null -` (decode only, no conversion) on the same file. The default
// clip is samples/cockatoo-720p.mp4 (1280x720 H.264, 280 frames). Goal: ratio >= 0.9.
import ArgumentParser
import Foundation
import Media

extension BenchCommand {
    struct Decode: Suite {
        static let suiteName = "decode"
        static let configuration = CommandConfiguration(
            commandName: "decode",
            abstract: "Decode a video fully to RGB frames; compare with ffmpeg -f null.")

        @OptionGroup var options: Options

        func measure() throws -> Report {
            let file = options.file ?? "samples/cockatoo-720p.mp4"
            guard FileManager.default.fileExists(atPath: file) else {
                throw Failure("\(file) not found: run from the repository root or pass --file.")
            }
            var frames = 0
            let (ours, peer) = try BenchCommand.medianSeconds(runs: options.runs, ours: {
                let reader = try VideoReader(path: file)
                frames = reader.frameCount
                for i in 0..<reader.frameCount { _ = try reader.frame(at: i) }
            }, peer: {
                try BenchCommand.runTool("ffmpeg", ["-hide_banner", "-loglevel", "error", "-threads", "0", "-i", file, "-f", "null", "-"])
            })
            let oursFPS = Double(frames) / ours, peerFPS = Double(frames) / peer
            return Report(suite: Self.suiteName, file: file, runs: options.runs,
                          ours: Side(name: nil, fps: oursFPS, medianSeconds: ours),
                          peer: Side(name: "ffmpeg", fps: peerFPS, medianSeconds: peer),
                          ratio: oursFPS / peerFPS)
        }
    }
}
