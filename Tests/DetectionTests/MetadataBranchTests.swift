// The metadata branch through the engine, as the CLI and workbench run it: real samples, a copy
// of the webcam clip re-encoded by ffmpeg, an MP4 whose Apple device tags were copied into
// FFmpeg's brand, and the kinds it leaves alone (PDFs to the pdf branch, tag-free WAV).
import Evidence
import Foundation
import Testing
import TestSupport
@testable import Detection

@Suite struct MetadataBranchTests {
    static let now = Date(timeIntervalSince1970: 1_900_000_000)

    func run(_ path: String) throws -> BranchResult {
        let engine = try DetectionEngine(branches: [MetadataBranch(now: Self.now)])
        let report = try engine.analyze(path).report
        return try #require(report.branch("metadata"))
    }

    /// Runs ffmpeg into a scratch folder; returns the output path.
    func ffmpeg(_ args: [String], output name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deepscan-metabranch-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent(name).path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y"] + args + [out]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "ffmpeg \(args.joined(separator: " "))")
        return out
    }

    @Test func registeredOnce() {
        #expect(BranchRegistry.all.filter { $0.id == "metadata" }.count == 1)
        #expect(Set(MetadataBranch().media) == Set(MediaKind.allCases))
    }

    @Test func gimpSpliceScoresAboveTheRawDevelopedPhoto() throws {
        let splice = try run(Samples.path("ela_modified.jpg")), photo = try run(Samples.path("photo-exif.jpg"))
        #expect(splice.status == .ok && photo.status == .ok)
        #expect(splice.findings.contains { $0.code == "metadata-editor-software" && $0.message.contains("GIMP") })
        #expect(photo.findings.map(\.code) == ["metadata-raw-developer"])
        #expect(try #require(splice.score) > 0.5)
        #expect(try #require(photo.score) < 0.25)
        #expect(splice.measurements["weight_metadata_editor_software"] == 0.45)
    }

    @Test func cameraClipIsCleanAndItsFFmpegCopyIsReencoded() throws {
        let original = try run(Samples.path("webcam-face.avi"))
        #expect(original.status == .ok)
        #expect(original.findings.isEmpty)   // CanonMVI02 and a 2006 creation_time

        let copy = try ffmpeg(["-i", Samples.path("webcam-face.avi"), "-t", "1", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"],
                              output: "reencoded.mp4")
        let r = try run(copy)
        let reencoded = try #require(r.findings.first { $0.code == "metadata-reencoded" })
        #expect(reencoded.message.contains("Lavf"))
        #expect(reencoded.message.contains("VideoHandler"))
        #expect(r.findings.contains { $0.code == "metadata-no-creation-time" })
        #expect(try #require(r.score) > (try #require(original.score)))
    }

    @Test func appleTagsInAnFFmpegBrandDisagree() throws {
        let copy = try ffmpeg(["-i", Samples.path("webcam-face.avi"), "-t", "0.5", "-an", "-c:v", "libx264", "-preset", "ultrafast",
                               "-movflags", "use_metadata_tags", "-metadata", "com.apple.quicktime.make=Apple",
                               "-metadata", "com.apple.quicktime.model=iPhone 12", "-metadata", "creation_time=2021-05-01T10:00:00Z"],
                              output: "iphone.mp4")
        let r = try run(copy)
        let f = try #require(r.findings.first { $0.code == "metadata-brand-mismatch" })
        #expect(f.message.contains("iPhone 12"))
        #expect(!r.findings.contains { $0.code == "metadata-no-creation-time" })
    }

    @Test func pdfIsLeftToThePDFBranch() throws {
        let r = try run(Samples.path("ltnews18-edited.pdf"))
        #expect(r.status == .notApplicable)
        #expect(r.reason == "PDF metadata is judged by the pdf branch")
    }

    @Test func tagFreeAudioIsNotApplicable() throws {
        let r = try run(Samples.path("speech-8k.wav"))
        #expect(r.status == .notApplicable)
        #expect(r.reason?.contains("no container or stream tags") == true)
    }
}
