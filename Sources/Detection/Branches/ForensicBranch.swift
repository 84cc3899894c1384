// The `forensic` branch: classical image forensics (Forensics.ForensicSuite) on the decoded image.
// It decodes once through BranchInput.shared ("image" for the pixels other branches also use,
// "jpeg-file" and "exif-thumbnail" for what only JPEG analyses need), runs every analysis,
// and combines their scores with ForensicSuite.combine (a weighted noisy-OR: one specific signal,
// such as a copy-moved region or a thumbnail that shows another picture, is enough; weak signals
// add up slowly). These are heuristics, not a trained model: the score is not calibrated, and the
// branch says so when it lands in the middle. Videos are not analysed frame by frame yet.
import Evidence
import Forensics
import Foundation
import Media

/// Classical forensics: ELA, noise, double quantisation, JPEG ghosts, copy-move, resampling, thumbnail.
public struct ForensicBranch: Branch {
    public let id = "forensic"
    public let title = "Classical forensics"
    public let media: Set<MediaKind> = [.image, .video]
    public let models: [String] = []
    /// The analyses and weights; the standard suite unless a caller (the workbench) changes them.
    public var suite: [ForensicSuite.Entry]

    public init(suite: [ForensicSuite.Entry] = ForensicSuite.standard) { self.suite = suite }

    public func analyze(_ input: BranchInput) throws -> BranchOutput {
        guard input.summary.media == .image else {
            return .notApplicable(id, "frame-level forensic analysis arrives with the video frame pipeline")
        }
        let forensicInput = try Self.load(input)
        let results = try ForensicSuite.run(suite, on: forensicInput, checkCancelled: { try input.checkCancelled() })
        return output(results)
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
