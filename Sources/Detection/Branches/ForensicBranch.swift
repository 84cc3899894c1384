// The `forensic` branch: classical image forensics (Forensics.ForensicSuite) on the decoded image.
// It decodes once through BranchInput.shared ("image" for the pixels other branches also use,
// "jpeg-file" and "exif-thumbnail" for what only JPEG analyses need), runs every analysis,
// and combines their scores with ForensicSuite.combine (a weighted noisy-OR: one specific signal,
// such as a copy-moved region or a thumbnail that shows another picture, is enough; weak signals
// add up slowly). These are heuristics, not a trained model: the score is not calibrated, and the
// branch says so when it lands in the middle. For videos the same analyses run on the sampled
// frames (BranchInput.forEachSampledFrame): each frame gets a score and maps (`forensic/<id>@frameN`),
// and the video's score is the mean of the highest quarter of the frame scores, so a manipulation
// in part of the video is not averaged away by the untouched rest. JPEG-only analyses (double
// quantisation, ghosts, thumbnail) do not apply to decoded video frames.
import Evidence
import Forensics
import Foundation
import Media

/// Classical forensics: ELA, noise, double quantisation, JPEG ghosts, copy-move, resampling, thumbnail.
public struct ForensicBranch: Branch {
    public let id = "forensic"
    public let title = "Classical forensics"
    public let media: Set<MediaKind> = [.image, .video, .pdf]
    public let models: [String] = []
    /// The analyses and weights; the standard suite unless a caller (the workbench) changes them.
    public var suite: [ForensicSuite.Entry]

    public init(suite: [ForensicSuite.Entry] = ForensicSuite.standard) { self.suite = suite }

    public func analyze(_ input: BranchInput) throws -> BranchOutput {
        if input.summary.media == .video { return try analyzeVideo(input) }
        if input.summary.media == .pdf { return try analyzeEmbeddedImages(input) }
        let forensicInput = try Self.load(input)
        let results = try ForensicSuite.run(suite, on: forensicInput, checkCancelled: { try input.checkCancelled() })
        return output(results)
    }

    /// Runs the suite on the raster images embedded in a PDF (photos inside documents). The score
    /// is the highest image's; findings and maps name the page and image.
    func analyzeEmbeddedImages(_ input: BranchInput) throws -> BranchOutput {
        let doc = try PDFDocument(path: input.path, options: input.options.media)
        let (images, skipped) = doc.embeddedImages(limit: 16, minSide: 64)
        guard !images.isEmpty else {
            return .notApplicable(id, skipped > 0 ? "the PDF's \(skipped) embedded images are over the pixel limit" : "the PDF has no embedded raster images of at least 64×64 pixels")
        }
        var best: (score: Double, label: String) = (0, "")
        var findings: [Finding] = [], maps: [String: Heatmap] = [:], refs: [HeatmapRef] = []
        var measurements: [String: Double] = ["embedded_images": Double(images.count), "skipped_images": Double(skipped)]
        for (n, e) in images.enumerated() {
            try input.checkCancelled()
            let label = "page \(e.page), image \(n + 1) (\(e.image.width)×\(e.image.height))"
            let out = output(try ForensicSuite.run(suite, on: ForensicInput(image: e.image), checkCancelled: { try input.checkCancelled() }))
            let score = out.result.score ?? 0
            measurements["image\(n + 1).score"] = score
            if score > best.score { best = (score, label) }
            for f in out.result.findings where f.severity >= .warning {
                var f = f
                f.location = label
                f.message = "In the embedded image on \(label): " + f.message
                findings.append(f)
            }
            for (key, m) in out.maps.sorted(by: { $0.key < $1.key }) {
                let k = "\(key)@page\(e.page)-image\(n + 1)"
                maps[k] = m
                refs.append(HeatmapRef(id: k, label: "\(m.label) — \(label)", width: m.width, height: m.height))
            }
        }
        findings.insert(Finding(code: "forensic-embedded-images", severity: best.score >= 0.65 ? .warning : .info,
                                message: String(format: "Classical image analyses on %d embedded image%@: highest score %.2f (%@).", images.count, images.count == 1 ? "" : "s", best.score, best.label),
                                source: id, location: best.label), at: 0)
        return BranchOutput(result: BranchResult(id: id, status: .ok, score: best.score, findings: findings, maps: refs, measurements: measurements), maps: maps)
    }

    /// Runs the suite on every sampled frame.
    func analyzeVideo(_ input: BranchInput) throws -> BranchOutput {
        var frameScores: [FrameScore] = []
        var maps: [String: Heatmap] = [:], refs: [HeatmapRef] = []
        var perFrame: [(Int, BranchOutput)] = []
        try input.forEachSampledFrame { frame in
            let results = try ForensicSuite.run(suite, on: ForensicInput(image: frame.image), checkCancelled: { try input.checkCancelled() })
            let out = output(results)
            frameScores.append(FrameScore(index: frame.index, time: frame.pts, score: out.result.score ?? 0))
            // Maps of at most 64 frames are kept; beyond that only the scores.
            if perFrame.count < 64 {
                for (key, m) in out.maps.sorted(by: { $0.key < $1.key }) {
                    let k = "\(key)@frame\(frame.index)"
                    maps[k] = m
                    refs.append(HeatmapRef(id: k, label: m.label, width: m.width, height: m.height, frame: frame.index))
                }
            }
            perFrame.append((frame.index, out))
        }
        guard !frameScores.isEmpty else { return .notApplicable(id, "the video has no frames to analyse") }
        let sorted = frameScores.map(\.score).sorted(by: >)
        let top = sorted.prefix(max(1, sorted.count / 4))
        let score = top.reduce(0, +) / Double(top.count)
        let worst = frameScores.max { $0.score < $1.score }!
        var findings: [Finding] = [Finding(code: "forensic-frames", severity: worst.score >= 0.65 ? .warning : .info,
            message: String(format: "Classical analyses on %d sampled frames: highest score %.2f at frame %d (%.2f s), median %.2f. These are photo heuristics: on decoded video frames the codec's own artefacts and depth of field trigger them, so on video they are evidence to look at and do not vote in the verdict (weight 0 in models/fusion.json).",
                            frameScores.count, worst.score, worst.index + 1, worst.time, sorted[sorted.count / 2]),
            source: id, location: "frame \(worst.index + 1)")]
        if let (_, o) = perFrame.first(where: { $0.0 == worst.index }) {
            findings += o.result.findings.filter { $0.severity >= .warning }.map { f in
                var f = f; f.location = "frame \(worst.index + 1)"; return f
            }
        }
        let measurements: [String: Double] = ["frames": Double(frameScores.count), "max_frame_score": worst.score, "median_frame_score": sorted[sorted.count / 2]]
        return BranchOutput(result: BranchResult(id: id, status: .ok, score: score, findings: findings, frameScores: frameScores,
                                                 maps: refs, measurements: measurements), maps: maps)
    }

    /// The decoded image (shared as "image"), and for JPEGs the file and its thumbnail.
    static func load(_ input: BranchInput) throws -> ForensicInput {
        let options = input.options.media
        let isJPEG = input.summary.format == "jpeg"
        let bytes: [UInt8]? = isJPEG ? try input.shared("file-bytes") { [UInt8](try Data(contentsOf: URL(fileURLWithPath: input.path))) } : nil
        let image: RGBImage = try input.shared("image") {
            if let bytes { return try JPEGCodec.decode(data: bytes, path: input.path, options: options) }
            return try ImageDecoder.decode(path: input.path, options: options)
        }
        guard let bytes else { return ForensicInput(image: image) }
        let file: JPEGFile = try input.shared("jpeg-file") { try JPEGFile(data: bytes, path: input.path, options: options) }
        let thumbnail: RGBImage? = try input.shared("exif-thumbnail") { ForensicInput.exifThumbnail(bytes, options: options) }
        return ForensicInput(image: image, jpeg: file, thumbnail: thumbnail)
    }

    /// Branch result from the analyses' results: combined score, maps `forensic/<analysis>[/<n>]`,
    /// findings (the analyses' own, plus one on how far to trust the score), measurements
    /// `<analysis>.<name>` and `<analysis>.score`.
    func output(_ results: [AnalysisResult]) -> BranchOutput {
        let weights = Dictionary(suite.map { ($0.analysis.id, $0.weight) }, uniquingKeysWith: { a, _ in a })
        let scored = results.compactMap { r in r.score.map { (score: $0, weight: weights[r.id] ?? 0) } }.filter { $0.weight > 0 }
        let score = ForensicSuite.combine(scored)
        var maps: [String: Heatmap] = [:], refs: [HeatmapRef] = []
        var findings: [Finding] = [], measurements: [String: Double] = [:]
        for r in results {
            for (i, m) in r.maps.enumerated() {
                let key = i == 0 ? "forensic/\(r.id)" : "forensic/\(r.id)/\(i + 1)"
                maps[key] = m
                refs.append(HeatmapRef(id: key, label: m.label, width: m.width, height: m.height))
            }
            findings += r.findings
            for (k, v) in r.measurements { measurements["\(r.id).\(k)"] = v }
            if let s = r.score { measurements["\(r.id).score"] = s }
        }
        let drivers = results.filter { ($0.score ?? 0) >= 0.5 && (weights[$0.id] ?? 0) > 0 }.map(\.title)
        if (0.35...0.65).contains(score) {
            findings.append(Finding(code: "forensic-inconclusive", severity: .notice,
                                    message: "The classical analyses are undecided (score \(String(format: "%.2f", score))). They are heuristics, not a trained model: legitimate processing (resizing, re-saving, sharpening) can trigger them and a careful forgery can pass them. Look at the maps before concluding.",
                                    source: id))
        } else if !drivers.isEmpty {
            findings.append(Finding(code: "forensic-drivers", severity: .info,
                                    message: "The score is driven by: \(drivers.joined(separator: ", ")). It combines heuristic analyses and is not a calibrated probability.",
                                    source: id))
        }
        return BranchOutput(result: BranchResult(id: id, status: .ok, score: score, findings: findings, maps: refs, measurements: measurements),
                            maps: maps)
    }
}
