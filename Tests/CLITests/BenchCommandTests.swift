// `deepscan bench` as a script reads it: the decode suite's JSON keeps exactly its fields (the
// optional `figures` that other suites add must not appear there), and the forensic suite reports
// every analysis, the whole branch and its peers as figures.
import Foundation
import Testing
import TestSupport

@Suite struct BenchCommandTests {
    func object(_ s: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
    }

    @Test(.enabled(if: Tool.exists("ffmpeg")))
    func decodeJSONIsUnchanged() throws {
        let r = try CLI.run(["bench", "decode", "--json", "--runs", "1", "--file", Samples.path("webcam-face.avi")], timeout: 300)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try object(r.stdout)
        #expect(Set(o.keys) == ["suite", "file", "runs", "ours", "peer", "ratio"])
    }

    @Test(.enabled(if: Tool.exists("djpeg") && FileManager.default.isExecutableFile(atPath: "/usr/bin/convert")))
    func forensicReportsEveryAnalysis() throws {
        let r = try CLI.run(["bench", "forensic", "--json", "--runs", "1", "--file", Samples.path("photo-exif.jpg")], timeout: 600)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try object(r.stdout)
        let figures = try #require(o["figures"] as? [String: Double])
        for key in ["ela_ms", "noise_ms", "dq_ms", "ghost_ms", "copy-move_ms", "resampling_ms", "thumbnail_ms",
                    "suite_ms", "branch_ms", "convert_ela_ms", "decode_ms", "djpeg_ms"] {
            #expect((figures[key] ?? 0) > 0, "\(key) missing")
        }
        #expect(o["suite"] as? String == "forensic")
    }
}
