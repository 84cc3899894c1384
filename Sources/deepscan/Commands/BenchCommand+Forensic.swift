// `deepscan bench forensic`: the classical image analyses on a 12-megapixel JPEG. Each analysis is
// timed alone (ForensicBenchmark: median of the runs), then the whole branch as `scan` runs it
// (decode, JPEG headers and thumbnail, every analysis concurrently), against ImageMagick doing
// one ELA pass (`convert F -quality 90 jpg:- | compare -metric MAE F jpg:- null:`: decode, encode,
// decode, difference) as the reference cost; the ratio is ours.fps / peer.fps. Our decode is also
// set beside `djpeg` (libjpeg-turbo) on the same file. The default input is samples/photo-exif.jpg
// enlarged to 4240x2832 with /usr/bin/convert into a temporary folder (/usr/local/bin/convert may
// be a stand-in, so the path is explicit). Goal: the whole branch under 2 s on two cores.
import ArgumentParser
import Forensics
import Foundation
import Media

extension BenchCommand {
    struct Forensic: Suite {
        static let suiteName = "forensic"
        static let configuration = CommandConfiguration(
            commandName: "forensic",
            abstract: "Time each forensic analysis and the whole branch on a 12-megapixel JPEG; compare with an ImageMagick ELA pass.")

        @OptionGroup var options: Options

        func measure() throws -> Report {
            let temp = try TemporaryFolder()
            let file = try options.file ?? Self.makeDefaultInput(in: temp.path)
            guard FileManager.default.fileExists(atPath: file) else {
                throw Failure("\(file) not found: run from the repository root or pass --file.")
            }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            let input = try ForensicInput.jpeg(data: bytes, path: file)

            var figures: [String: Double] = [:]
            figures["load_average_before"] = BenchCommand.loadAverage()
            for f in try ForensicBenchmark.run(input, runs: options.runs) {
                figures[f.id == "total" ? "suite_ms" : "\(f.id)_ms"] = f.medianMs
            }
            // The branch as scan runs it: decode + headers + thumbnail + suite, against ImageMagick's ELA.
            let ela = "/usr/bin/convert \"$1\" -quality 90 jpg:- | /usr/bin/compare -metric MAE \"$1\" jpg:- null: 2>/dev/null; test $? -le 1"
            let (ours, peer) = try BenchCommand.medianSeconds(runs: options.runs, ours: {
                let decoded = try ForensicInput.jpeg(data: bytes, path: file)
                _ = try ForensicSuite.run(on: decoded)
            }, peer: {
                try BenchCommand.runTool("sh", ["-c", ela, "sh", file])
            })
            // Decoding alone, against djpeg writing PPM to /dev/null.
            let (decode, djpeg) = try BenchCommand.medianSeconds(runs: options.runs, ours: {
                _ = try JPEGCodec.decode(data: bytes, path: file)
            }, peer: {
                try BenchCommand.runTool("djpeg", ["-outfile", "/dev/null", file])
            })
            figures["branch_ms"] = ours * 1000
            figures["convert_ela_ms"] = peer * 1000
            figures["decode_ms"] = decode * 1000
            figures["djpeg_ms"] = djpeg * 1000
            figures["decode_vs_djpeg_ratio"] = djpeg / decode
            figures["branch_over_convert_ela_time_ratio"] = ours / peer
            figures["megapixels"] = Double(input.image.width * input.image.height) / 1e6
            figures["goal_branch_ms"] = 2000
            return Report(suite: Self.suiteName, file: options.file ?? "samples/photo-exif.jpg enlarged to \(input.image.width)x\(input.image.height)",
                          runs: options.runs,
                          ours: Side(name: "forensic branch", fps: 1 / ours, medianSeconds: ours),
                          peer: Side(name: "convert ELA", fps: 1 / peer, medianSeconds: peer),
                          ratio: peer / ours, figures: figures)
        }

        /// samples/photo-exif.jpg enlarged to 4240x2832 (12 megapixels), JPEG quality 92, EXIF kept.
        static func makeDefaultInput(in folder: String) throws -> String {
            let sample = "samples/photo-exif.jpg"
            guard FileManager.default.fileExists(atPath: sample) else {
                throw Failure("\(sample) not found: run from the repository root or pass --file.")
            }
            let out = folder + "/photo-12mp.jpg"
            try BenchCommand.runTool("/usr/bin/convert", [sample, "-resize", "4240x2832!", "-quality", "92", out])
            return out
        }
    }
}
