// Figures in exported case reports, on the real samples: key frames with heatmaps inlined in the
// HTML as PNGs of the size the page declares, a spectrogram for audio (and a video's sound track),
// none for a file whose custody broke (with the reason), and PNG files beside a Markdown report.
@testable import CaseExport
import CaseStore
import Foundation
import Testing
import TestSupport

@Suite struct FigureTests {
    /// The HTML of one file's section.
    func section(_ html: String, _ number: Int) -> String {
        let parts = html.components(separatedBy: "<section class=\"file\" id=\"file-")
        return parts.first { $0.hasPrefix("\(number)\"") } ?? ""
    }

    @Test func htmlInlinesKeyFramesHeatmapsAndSpectrogramsAsPNG() throws {
        let f = try ExportFixture.get()
        let html = String(decoding: try CaseReportExporter().render(try f.report(), format: .html).data, as: UTF8.self)
        let all = InlinedPNG.all(in: html)
        #expect(!all.isEmpty)
        for png in all {
            let size = try #require(png.pngSize, "an inlined figure is not a PNG")
            #expect(size.0 == png.declaredWidth && size.1 == png.declaredHeight)
            #expect(size.0 <= 640 && size.0 >= 240)
        }
        // Photo: the image with its map (1600 px wide, shown at 640 plus its colour bar below).
        let photo = InlinedPNG.all(in: section(html, 1))
        #expect(photo.count == 1)
        #expect(photo.first?.pngSize?.0 == 640)
        #expect(section(html, 1).contains("Overlay: "))
        // Video: three key frames (160×120 frames shown at twice their size) and its sound track.
        let video = section(html, 2)
        let frames = InlinedPNG.all(in: video).filter { $0.pngSize?.0 == 320 && ($0.pngSize?.1 ?? 0) > 240 }
        #expect(frames.count == 3)
        #expect(video.components(separatedBy: "<figcaption>Frame ").count - 1 == 3)
        #expect(video.contains("Audio track. Spectrogram"))
        // Audio: a spectrogram of the 30 s recording.
        let audio = section(html, 3)
        #expect(InlinedPNG.all(in: audio).count == 1)
        #expect(audio.contains("Spectrogram: 30.3 s at 16000 Hz"))
        // PDF: no picture, and the reason.
        #expect(InlinedPNG.all(in: section(html, 4)).isEmpty)
        #expect(section(html, 4).contains("No figures for PDFs"))
        #expect(!html.contains("<script"))
    }

    @Test func keyFramesAreTheHighestScoringFrames() throws {
        let f = try ExportFixture.get()
        let video = try #require(f.reports[f.paths[1]])
        let picked = KeyFrames.select(video, count: 3)
        #expect(picked.count == 3)
        let best = video.frames.map { $0.scores.values.max() ?? 0 }.sorted(by: >)
        #expect(picked.map { $0.scores.values.max() ?? 0 }.sorted(by: >) == Array(best.prefix(3)))
        #expect(picked.map(\.index) == picked.map(\.index).sorted())
    }

    @Test func recomputedFrameScoresMatchTheStoredRun() throws {
        let f = try ExportFixture.get()
        let figs = FigureBuilder().figures(for: try f.report())
        let captions = figs[1].figures.map(\.caption).filter { $0.hasPrefix("Frame") }
        #expect(captions.count == 3)
        for c in captions { #expect(c.contains("(as stored)"), "\(c)") }
    }

    @Test func changedFileGetsNoFigureAndTheReason() throws {
        let f = try ExportFixture.get()
        let tmp = TempDir()
        let store = try CaseStore(path: tmp.path("c.sqlite"))
        try store.createCase(name: "Changed")
        let photo = try tmp.copy(Samples.path("photo-exif.jpg"), as: "photo.jpg")
        let wav = try tmp.copy(Samples.path("speech-8k.wav"), as: "speech.wav")
        for p in [photo, wav] {
            let e = try store.addEvidence(caseName: "Changed", file: p, actor: "ann")
            let stored = try #require(f.reports.first { $0.key.hasSuffix(p.hasSuffix(".jpg") ? "/photo-exif.jpg" : "/speech-8k.wav") }?.value)
            var report = stored
            report.file.path = p
            try store.recordRun(evidence: e, report: report, startedAt: Date(), custody: .unchanged, actor: "ann")
        }
        let h = try #require(FileHandle(forWritingAtPath: photo))
        try h.seekToEnd(); h.write(Data([0x0A])); try h.close()
        try FileManager.default.removeItem(atPath: wav)
        let r = try CaseReport.build(store: store, caseName: "Changed", generator: "test")
        let html = String(decoding: try CaseReportExporter().render(r, format: .html).data, as: UTF8.self)
        #expect(InlinedPNG.all(in: html).isEmpty)
        #expect(html.contains("No figures: the file is changed since intake"))
        #expect(html.contains("No figures: the file is missing since intake"))
        let pdf = tmp.path("changed.pdf")
        try CaseReportExporter().write(r, format: .pdf, to: URL(fileURLWithPath: pdf))
        let text = try PDFTools.text(pdf)
        #expect(text.contains("No figures: the file is changed since intake"))
        #expect(text.contains("Chain of custody broken for 2 file(s)"))
    }

    @Test func markdownLinksFigureFilesWrittenBesideIt() throws {
        let f = try ExportFixture.get()
        let tmp = TempDir()
        let url = URL(fileURLWithPath: tmp.path("case report.md"))
        let written = try CaseReportExporter().write(try f.report(), format: .md, to: url)
        let md = try String(contentsOf: url, encoding: .utf8)
        #expect(written.count == 1 + 1 + 4 + 1)  // the .md, photo, 3 frames + spectrogram, wav spectrogram
        for file in written.dropFirst() {
            let rel = "case_report-figures/\(file.lastPathComponent)"
            #expect(md.contains("](\(rel))"), "\(rel) not linked")
            let bytes = try Data(contentsOf: file)
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }
}
