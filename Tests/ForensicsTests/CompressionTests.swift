// Double JPEG compression and JPEG ghosts on a real photo, downscaled 2x first so that its own
// camera compression grid is gone and the saves below are the only ones on the grid.
import Evidence
import Forensics
import Media
import Testing

@Suite("Double quantisation and JPEG ghosts")
struct CompressionTests {
    static let base = Synthetic.halved(Synthetic.photo)

    @Test func doubleCompressionIsDetectedWithItsPrimaryQuality() throws {
        let r = try DoubleQuantisationAnalysis().analyze(Synthetic.saved(Self.base, qualities: [60, 90]))
        #expect(r.measurements["dq_detected"] == 1)
        let q = r.measurements["dq_primary_quality"] ?? 0
        #expect((55...65).contains(q), "primary quality estimated at \(q)")
        #expect(r.findings.contains { $0.code == "dq-double" })
        #expect(r.maps.count == 1)
    }

    @Test func anotherPairOfQualitiesToo() throws {
        let r = try DoubleQuantisationAnalysis().analyze(Synthetic.saved(Self.base, qualities: [75, 85]))
        #expect(r.measurements["dq_detected"] == 1)
        #expect((70...80).contains(r.measurements["dq_primary_quality"] ?? 0))
    }

    @Test func singleCompressionIsNotCalledDouble() throws {
        let r = try DoubleQuantisationAnalysis().analyze(Synthetic.saved(Self.base, qualities: [90]))
        #expect(r.measurements["dq_detected"] == 0)
        #expect(r.score == 0)
        #expect(r.findings.contains { $0.code == "dq-none" })
    }

    @Test func withoutAJPEGThereIsNothingToSay() throws {
        let r = try DoubleQuantisationAnalysis().analyze(ForensicInput(image: Self.base))
        #expect(r.score == nil)
    }

    @Test func aGhostMarksTheRegionSavedAtAnotherQuality() throws {
        // A 128x128 region (on the 8x8 grid) was saved at quality 60 and pasted back; the whole
        // image was then saved at 90. Farid's ghost: that region's difference dips near 60.
        let q60 = try JPEGCodec.decode(data: JPEGCodec.encode(Self.base, quality: 60))
        var spliced = Self.base
        for y in 96..<224 { for x in 160..<288 { for c in 0..<3 {
            spliced.pixels[(y * spliced.width + x) * 3 + c] = q60.pixels[(y * q60.width + x) * 3 + c]
        } } }
        let r = try JPEGGhostAnalysis().analyze(Synthetic.saved(spliced, qualities: [90]))
        let q = r.measurements["ghost_quality"] ?? 0
        #expect((55...65).contains(q), "ghost at \(q): \(r.findings.map(\.message))")
        let check = MapCheck(r.maps[0], imageWidth: spliced.width, imageHeight: spliced.height, region: (160, 96, 128, 128))
        #expect(check.hottestInside((160, 96, 128, 128)))
        let pristine = try JPEGGhostAnalysis().analyze(Synthetic.saved(Self.base, qualities: [90]))
        #expect((pristine.score ?? 0) < (r.score ?? 0))
    }
}
