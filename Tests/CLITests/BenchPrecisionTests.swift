// `deepscan bench precision` where bf16 cannot run: the user is told why and what to do, and the
// command fails instead of printing a comparison it did not make. (The full benchmark needs a
// release build and minutes; it is run by hand, see README "Reduced precision".)
import Foundation
import Testing
import TestSupport

@Suite struct BenchPrecisionTests {
    @Test func withoutBF16TheBenchFailsWithTheReason() throws {
        let r = try Tool.run("env", ["DEEPSCAN_NO_BF16=1", CLI.binary, "bench", "precision", "--json"], timeout: 120)
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty, "printed figures: \(r.stdout)")
        #expect(r.stderr.contains("AVX-512 BF16") && r.stderr.contains("float32"), "\(r.stderr)")
    }
}
