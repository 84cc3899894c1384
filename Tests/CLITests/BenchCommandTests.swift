// `deepscan bench` as a script reads it: the decode suite's JSON keeps exactly its fields (the
// optional `figures` that other suites add must not appear there), and the forensic suite reports
// every analysis, the whole branch and its peers as figures. The engine suite gives every model row
// its FLOPs and GFLOP/s, and an ORT time and ratio only when ONNX Runtime really ran (otherwise the
// note says how to install it); a case filter that matches nothing is an error, not an empty table.
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

    @Test func engineReportsMeasuredFiguresOnly() throws {
        let r = try CLI.run(["bench", "engine", "--json", "--runs", "1", "--no-training", "--threads", "2",
                             "--only", "autoencoder"], timeout: 600)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try object(r.stdout)
        let rows = try #require(o["rows"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["autoencoder 128 b1", "autoencoder 128 b16"])
        for row in rows {
            let flops = try #require(row["flops"] as? Int), ms = try #require(row["median_ms"] as? Double)
            #expect(flops > 0 && ms > 0)
            #expect(abs((row["gflop_s"] as? Double ?? 0) - Double(flops) / ms / 1e6) < 1e-6 * Double(flops) / ms)
            if let ort = row["ort_median_ms"] as? Double {
                #expect(abs((row["ratio"] as? Double ?? 0) - ms / ort) < 1e-9 * ms / ort)
            } else {
                #expect(row["ratio"] == nil, "a ratio without an ORT time")
                #expect((o["ort_note"] as? String)?.isEmpty == false, "ORT figures missing without a reason")
            }
        }
        #expect(o["threads"] as? Int == 2)
        #expect((o["sgemm_peak_gflop_s"] as? Double ?? 0) > 0)
        let rss = try #require(o["rss"] as? [String: Any])
        #expect((rss["peak_mb"] as? Double ?? 0) > (rss["start_mb"] as? Double ?? .infinity))
        #expect(rss["weights_mb"] as? Double ?? 0 > 13 && rss["weights_mb"] as? Double ?? 0 < 15, "MobileNetV2's 3.5M weights")

        let bad = try CLI.run(["bench", "engine", "--only", "resnet"])
        #expect(bad.status != 0 && bad.stderr.contains("matches no case"))
    }
}
