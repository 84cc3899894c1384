// The forensic branch through the engine, as a user runs it: the edited file of a real GIMP
// splice scores higher than its original, with maps and findings; a video is not applicable yet.
import Detection
import Evidence
import Foundation
import Media
import TestSupport
import Testing

@Suite("Forensic branch")
struct ForensicBranchTests {
    static func run(_ sample: String) throws -> Analysis {
        var options = EngineOptions()
        options.branches = ["forensic"]
        return try DetectionEngine(branches: [ForensicBranch()]).analyze(Samples.path(sample), options: options)
    }

    @Test func theSpliceScoresHigherThanItsOriginalWithEvidence() throws {
        let edited = try Self.run("ela_modified.jpg"), original = try Self.run("ela_original.jpg")
        let e = try #require(edited.report.branch("forensic")), o = try #require(original.report.branch("forensic"))
        #expect(e.status == .ok && o.status == .ok)
        #expect(e.score! > o.score! + 0.2, "edited \(e.score!), original \(o.score!)")
        #expect(e.score! >= 0.5)
        #expect(o.score! < 0.5)
        #expect(e.maps.contains { $0.id == "forensic/ela" } && e.maps.contains { $0.id == "forensic/noise/2" })
        for ref in e.maps {
            let map = try #require(edited.maps[ref.id], "map \(ref.id) is referenced but missing")
            #expect(map.width == ref.width && map.height == ref.height)
        }
        #expect(e.findings.contains { $0.code == "ela-region" })
        #expect(e.measurements["ela.score"] != nil && e.measurements["dq.dq_detected"] == 0)
    }

    @Test func aCameraPhotoWithItsThumbnailIsNotFlagged() throws {
        let r = try #require(try Self.run("photo-exif.jpg").report.branch("forensic"))
        #expect(r.status == .ok)
        #expect(r.score! < 0.5)
        #expect(r.measurements["thumbnail.thumbnail_correlation"]! > 0.9)
    }

    /// Videos: the sampled frames (8 by default) each get a score and maps, and the branch does
    /// not vote in the verdict (weight 0 for video).
    @Test func videoFramesAreAnalysedButDoNotVote() throws {
        let report = try Self.run("webcam-face.avi").report
        let r = try #require(report.branch("forensic"))
        #expect(r.status == .ok)
        #expect(r.frameScores?.count == 8)
        #expect(r.frameScores?.first?.index == 0 && r.frameScores?.last?.index == 67)
        #expect(r.maps.contains { $0.id == "forensic/ela@frame0" && $0.frame == 0 })
        #expect(r.weight == 0)
        #expect(report.frames.count == 8)
        #expect(report.frames.allSatisfy { $0.scores["forensic"] != nil })
    }

    @Test func theBranchIsRegistered() {
        #expect(BranchRegistry.branch("forensic") is ForensicBranch)
    }
}

@Suite struct ForensicEmbeddedImageTests {
    func pdf(with sample: String, size: (Int, Int), in tmp: TempDir) throws -> String {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path(sample))))
        return tmp.write(sample + ".pdf", PDFWriter.pdf(jpegs: [(data, size.0, size.1)]))
    }

    /// A spliced photo inside a PDF is flagged, and the finding says where it is.
    @Test func splicedPhotoInsideAPDF() throws {
        let tmp = TempDir()
        var o = EngineOptions(); o.branches = ["forensic"]
        let engine = try DetectionEngine(branches: [ForensicBranch()])
        let edited = try engine.analyze(try pdf(with: "ela_modified.jpg", size: (897, 708), in: tmp), options: o).report.branch("forensic")!
        let original = try engine.analyze(try pdf(with: "ela_original.jpg", size: (902, 770), in: tmp), options: o).report.branch("forensic")!
        #expect(edited.status == .ok && original.status == .ok)
        #expect(edited.score! > original.score! + 0.3)
        #expect(edited.findings.contains { $0.location == "page 1, image 1 (897×708)" && $0.severity >= .warning })
        #expect(edited.maps.contains { $0.id == "forensic/ela@page1-image1" })
    }

    @Test func aPDFWithoutImagesIsNotApplicable() throws {
        let r = try DetectionEngine(branches: [ForensicBranch()]).analyze(Samples.path("ltnews18.pdf")).report.branch("forensic")!
        #expect(r.status == .notApplicable)
        #expect(r.reason?.contains("no embedded raster images") == true)
    }
}

/// The forensic branch on the JPEG variants the issue names: each is analysed (or refused with a
/// reason), never a crash or a NaN.
@Suite struct ForensicJPEGVariantTests {
    /// Runs `tool` with `args`, where "OUT" stands for the output path.
    static func make(_ name: String, _ tool: String, _ args: [String], tmp: TempDir) throws -> String {
        let out = tmp.path(name)
        let r = try Tool.run(tool, args.map { $0 == "OUT" ? out : $0 })
        #expect(r.status == 0, "\(tool) failed: \(r.stderr)")
        return out
    }

    @Test(arguments: ["progressive", "arithmetic", "grey", "cmyk", "tiny"])
    func variantIsAnalysed(_ variant: String) throws {
        let tmp = TempDir()
        let src = Samples.path("photo-exif.jpg")
        let path: String
        switch variant {
        case "progressive": path = try Self.make("p.jpg", "jpegtran", ["-progressive", "-copy", "all", "-outfile", "OUT", src], tmp: tmp)
        case "arithmetic": path = try Self.make("a.jpg", "jpegtran", ["-arithmetic", "-copy", "all", "-outfile", "OUT", src], tmp: tmp)
        case "grey": path = try Self.make("g.jpg", "/usr/bin/convert", [src, "-colorspace", "Gray", "OUT"], tmp: tmp)
        case "cmyk": path = try Self.make("c.jpg", "/usr/bin/convert", [src, "-colorspace", "CMYK", "OUT"], tmp: tmp)
        default: path = try Self.make("t.jpg", "/usr/bin/convert", [src, "-resize", "8x8!", "OUT"], tmp: tmp)
        }
        let r = try DetectionEngine(branches: [ForensicBranch()]).analyze(path).report.branch("forensic")!
        #expect(r.status == .ok, "\(variant): \(r.reason ?? "")")
        #expect(r.score.map { $0.isFinite && (0...1).contains($0) } ?? false)
        let finite = r.measurements.values.allSatisfy { $0.isFinite }
        #expect(finite)
    }
}
