// Makes the figures of a case report from the evidence files themselves. A stored run keeps the
// report JSON, not the analysis maps (they are large), so the maps of the key frames are computed
// again here with the forensic branch's analyses (ForensicSuite.standard, the suite the branch
// runs) on exactly the frames the run scored highest; the recomputed frame score is checked against
// the stored one and any difference is said in the caption. Figures are drawn only from a file
// whose SHA-256 still matches intake: a changed or missing file gets no figure and a sentence why.
import CaseStore
import Evidence
import Forensics
import Foundation
import Media

/// Builds `EvidenceFigures` for every evidence file of a case report.
public struct FigureBuilder: Sendable {
    /// Widest figure in pixels (the HTML shows them at this size; the PDF scales them to the page).
    public var maxWidth: Int
    /// Key frames per video.
    public var keyFrames: Int
    public var options: MediaOptions

    public init(maxWidth: Int = 640, keyFrames: Int = 3, options: MediaOptions = .default) {
        self.maxWidth = maxWidth; self.keyFrames = keyFrames; self.options = options
    }

    /// One entry per evidence file, in order. Never throws: a figure that cannot be made becomes a note.
    public func figures(for report: CaseReport) -> [EvidenceFigures] {
        report.evidence.enumerated().map { i, ev in figures(for: ev, number: i + 1) }
    }

    func figures(for ev: CaseReport.EvidenceEntry, number: Int) -> EvidenceFigures {
        guard let run = ev.analysis else { return EvidenceFigures() }
        guard ev.custody == "unchanged" else {
            return EvidenceFigures(notes: ["No figures: the file is \(ev.custody) since intake, so frames drawn from it now would not show what was analysed (chain of custody)."])
        }
        guard run.report.file.sha256 == ev.sha256 else {
            return EvidenceFigures(notes: ["No figures: the stored analysis read different bytes (SHA-256 \(run.report.file.sha256)) from the file taken in."])
        }
        var out = EvidenceFigures()
        func attempt(_ what: String, _ body: () throws -> Void) {
            do { try body() } catch { out.notes.append("No \(what): \(error)") }
        }
        switch ev.media {
        case .image:
            attempt("heatmap figure") {
                let input = try loadImage(ev.path)
                let (fig, caption) = try heatmapFigure(input, name: "file\(number)-image",
                                                       storedScore: run.report.branch("forensic")?.score, what: "The image")
                out.figures.append(fig.with(caption: caption))
            }
        case .video:
            attempt("key frames") { out.figures += try keyFrameFigures(ev.path, report: run.report, number: number) }
            attempt("spectrogram") {
                if let s = try SpectrogramFigure.make(path: ev.path, maxWidth: maxWidth, options: options) {
                    out.figures.append(ReportFigure(kind: .spectrogram, png: s.figure.png, width: s.figure.width, height: s.figure.height,
                                                    caption: "Audio track. " + s.caption, name: "file\(number)-spectrogram"))
                }
            }
        case .audio:
            attempt("spectrogram") {
                guard let s = try SpectrogramFigure.make(path: ev.path, maxWidth: maxWidth, options: options) else {
                    out.notes.append("No spectrogram: the file has too little audio to analyse."); return
                }
                out.figures.append(ReportFigure(kind: .spectrogram, png: s.figure.png, width: s.figure.width, height: s.figure.height,
                                                caption: s.caption, name: "file\(number)-spectrogram"))
            }
        case .pdf:
            out.notes.append("No figures for PDFs: the structure findings and revision table below are the evidence.")
        }
        return out
    }

    /// The decoded image, with the JPEG structure and thumbnail the JPEG-only analyses need (as the
    /// forensic branch loads it).
    func loadImage(_ path: String) throws -> ForensicInput {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        if data.starts(with: [0xFF, 0xD8]) { return try ForensicInput.jpeg(data: data, path: path, options: options) }
        return ForensicInput(image: try ImageDecoder.decode(path: path, options: options))
    }

    /// The highest-scoring frames of the run (by their highest branch score), as figures.
    func keyFrameFigures(_ path: String, report: Report, number: Int) throws -> [ReportFigure] {
        let ranked = KeyFrames.select(report, count: keyFrames)
        guard !ranked.isEmpty else { return [] }
        let reader = try VideoReader(path: path, options: options, cacheCapacity: 1)
        let stored = Dictionary((report.branch("forensic")?.frameScores ?? []).map { ($0.index, $0.score) }, uniquingKeysWith: { a, _ in a })
        return try ranked.map { rec in
            let frame = try reader.frame(at: rec.index)
            let scores = rec.scores.sorted { $0.key < $1.key }.map { String(format: "%@ %.3f", $0.key, $0.value) }.joined(separator: ", ")
            let what = String(format: "Frame %d at %.2f s%@ (scores on this frame: %@)", rec.index + 1, rec.time, rec.keyframe ? ", a keyframe" : "", scores.isEmpty ? "none" : scores)
            let (fig, caption) = try heatmapFigure(ForensicInput(image: frame.image), name: "file\(number)-frame\(rec.index + 1)",
                                                   storedScore: stored[rec.index], what: what)
            return fig.with(caption: caption)
        }
    }

    /// The forensic analyses on `input`, and the map of the analysis that scored highest (the one
    /// that most drove the branch) over the picture.
    func heatmapFigure(_ input: ForensicInput, name: String, storedScore: Double?, what: String) throws -> (ReportFigure, String) {
        let results = try ForensicSuite.run(ForensicSuite.standard, on: input)
        let weights = Dictionary(ForensicSuite.standard.map { ($0.analysis.id, $0.weight) }, uniquingKeysWith: { a, _ in a })
        let recomputed = ForensicSuite.combine(results.compactMap { r in r.score.map { (score: $0, weight: weights[r.id] ?? 0) } }.filter { $0.weight > 0 })
        let mapped = results.filter { !$0.maps.isEmpty }
        guard let chosen = mapped.max(by: { ($0.score ?? -1) < ($1.score ?? -1) }) else {
            throw ExportError("no forensic analysis produced a map for this picture")
        }
        let map = chosen.maps[0]
        let picture = FigureImage.fit(input.image, maxWidth: maxWidth)
        let scale = picture.width < 320 ? max(1, 320 / max(1, picture.width)) : 1
        let blended = FigureImage.overlay(map, on: picture)
        let legend = FigurePainter.Legend(title: "\(chosen.title): \(map.label)", low: "0", high: "1")
        let p = try FigurePainter.paint(blended, scale: scale, legend: legend)
        var caption = "\(what). Overlay: \(chosen.title) map (\(map.width)×\(map.height)), inferno at 50%"
        if let s = chosen.score { caption += String(format: ", analysis score %.3f", s) }
        caption += String(format: "; forensic score recomputed for this figure %.3f", recomputed)
        if let storedScore {
            caption += abs(storedScore - recomputed) < 0.0005 ? " (as stored)" : String(format: ", stored %.3f: the analyses differ from the stored run", storedScore)
        }
        return (ReportFigure(kind: .heatmap, png: p.png, width: p.width, height: p.height, caption: "", name: name), caption + ".")
    }
}

extension ReportFigure {
    func with(caption: String) -> ReportFigure { var f = self; f.caption = caption; return f }
}
