// `deepscan info` as a user runs it: bad inputs give a clear message and a non-zero exit, a batch
// with one bad file still reports the others, and paths with spaces and non-ASCII work.
import Foundation
import Testing
import TestSupport

@Suite struct InfoCommandTests {
    let tmp = TempDir()

    func jsonLines(_ s: String) throws -> [[String: Any]] {
        try s.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func zeroByteFile() throws {
        let p = tmp.write("empty.jpg", [])
        let r = try CLI.run(["info", p])
        #expect(r.status != 0)
        #expect(r.stderr.contains("empty (0 bytes)"))
    }

    @Test func directory() throws {
        let r = try CLI.run(["info", tmp.url.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("is a directory"))
    }

    @Test func missingFile() throws {
        let r = try CLI.run(["info", tmp.path("nope.mp4")])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no such file"))
    }

    @Test func randomBytesWithMediaExtension() throws {
        let p = tmp.write("random.mp4", [0x13, 0x37] + seededBytes(count: 4096, seed: 7))
        let r = try CLI.run(["info", p])
        #expect(r.status != 0)
        #expect(r.stderr.contains("not a supported image, video, audio or PDF file"))
    }

    /// Root reads any file, so the check runs the CLI as `nobody` where it can.
    @Test(.enabled(if: getuid() != 0 || Tool.exists("setpriv")))
    func unreadableFile() throws {
        let p = try tmp.copy(Samples.path("photo-exif.jpg"), as: "secret.jpg")
        chmod(p, 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tmp.url.path)
        let r = getuid() == 0
            ? try Tool.run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary, "info", p])
            : try CLI.run(["info", p])
        #expect(r.status != 0)
        #expect(r.stderr.contains("permission denied"))
    }

    @Test func pathWithSpacesAndNonASCII() throws {
        try FileManager.default.createDirectory(atPath: tmp.path("my evidence"), withIntermediateDirectories: true)
        let p = try tmp.copy(Samples.path("photo-exif.jpg"), as: "my evidence/fotografía ñ 照片.jpg")
        let r = try CLI.run(["info", "--json", p])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try jsonLines(r.stdout).first
        #expect(obj?["path"] as? String == p)
        #expect(obj?["media"] as? String == "image")
    }

    @Test func batchWithOneBadFileReportsTheOthers() throws {
        let bad = tmp.write("bad.jpg", [0x13, 0x37] + seededBytes(count: 64, seed: 3))
        let r = try CLI.run(["info", "--json", Samples.path("photo-exif.jpg"), bad, Samples.path("speech-8k.wav")])
        #expect(r.status != 0)
        let lines = try jsonLines(r.stdout)
        #expect(lines.count == 3)
        #expect(lines[0]["sha256"] != nil)
        #expect(lines[1]["error"] != nil)
        #expect(lines[2]["media"] as? String == "audio")
        #expect(r.stderr.contains("bad.jpg"))
    }

    @Test func wrongExtensionIsAFinding() throws {
        let p = try tmp.copy(Samples.path("photo-exif.jpg"), as: "holiday.png")
        let r = try CLI.run(["info", "--json", p])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try jsonLines(r.stdout)[0]
        #expect(obj["format"] as? String == "jpeg")
        let codes = (obj["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("extension-mismatch"))
    }

    /// A damaged file is described as far as it can be read, and the command fails.
    @Test(arguments: ["photo-exif.jpg", "ltnews18.pdf"])
    func truncatedFileIsDescribedAndFails(sample: String) throws {
        let full = try Data(contentsOf: URL(fileURLWithPath: Samples.path(sample)))
        let p = try tmp.copy(Samples.path(sample), as: "cut-" + sample, prefix: full.count / 2)
        let r = try CLI.run(["info", "--json", p])
        #expect(r.status != 0)
        #expect(r.stderr.contains("cut-" + sample))
        let obj = try jsonLines(r.stdout).first
        let severities = (obj?["findings"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String }
        #expect(obj?["error"] != nil || severities.contains("critical"))
    }

    @Test func sha256MatchesSha256sum() throws {
        let p = Samples.path("webcam-face.avi")
        let r = try CLI.run(["info", "--json", p])
        let ours = try jsonLines(r.stdout).first?["sha256"] as? String
        let peer = try Tool.run("sha256sum", [p]).stdout.split(separator: " ").first.map(String.init)
        #expect(ours != nil && ours == peer)
    }
}
