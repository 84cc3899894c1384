// `deepscan bench memory`: each weight storage measured in its own child process. The figures a
// user reads must say what the storage promises: no gradients for inference, Float16 weights in
// half the bytes, and a lower real peak RSS without gradients than with them. (The recorded
// figures come from a release build, see README "Memory".)
import Foundation
import Testing
import TestSupport

@Suite struct BenchMemoryTests {
    struct Row: Decodable {
        var name: String
        var value_bytes: Int
        var gradient_bytes: Int
        var start_kb: Int
        var loaded_kb: Int
        var inference_peak_kb: Int
        var scratch_bytes: Int
    }
    struct Report: Decodable { var rows: [Row] }

    static let photo = Samples.root.appendingPathComponent("samples/photo-exif.jpg").path

    @Test func eachStorageReportsItsOwnProcessMemory() throws {
        let r = try CLI.run(["bench", "memory", "--json", "--runs", "1", "--file", Self.photo], timeout: 600)
        try #require(r.status == 0, "\(r.stderr)")
        let rows = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8)).rows
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0) })
        let withGrads = try #require(byName["float32+grads"]), plain = try #require(byName["float32"])
        let half = try #require(byName["float16"])
        #expect(withGrads.gradient_bytes == withGrads.value_bytes && plain.gradient_bytes == 0)
        #expect(Double(half.value_bytes) < 0.51 * Double(plain.value_bytes))
        // Real peaks, each of its own process: the 13 MB of gradients show in the resident peak.
        for row in rows { #expect(row.inference_peak_kb >= row.loaded_kb && row.loaded_kb > row.start_kb, "\(row.name)") }
        #expect(withGrads.inference_peak_kb - plain.inference_peak_kb > plain.value_bytes / 1024 / 2)
        #expect(half.scratch_bytes > 0 && half.scratch_bytes < plain.value_bytes / 4)
    }

    @Test func withoutBF16TheOtherStoragesAreStillMeasured() throws {
        let r = try Tool.run("env", ["DEEPSCAN_NO_BF16=1", CLI.binary, "bench", "memory", "--runs", "1", "--file", Self.photo], timeout: 600)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("float16") && !r.stdout.contains("\nbf16 "), "\(r.stdout)")
        #expect(r.stdout.contains("omitted: bf16 rows") && r.stdout.contains("AVX-512 BF16"), "\(r.stdout)")
    }

    @Test func anUnknownConfigurationIsAClearError() throws {
        let r = try CLI.run(["bench", "memory", "--child", "float8", "--file", Self.photo])
        #expect(r.status != 0)
        #expect(r.stderr.contains("float8") && r.stderr.contains("float16"), "\(r.stderr)")
    }
}
