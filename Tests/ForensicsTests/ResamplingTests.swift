// Resampling traces: a real photo enlarged 1.5x with bilinear interpolation carries a period-3
// pattern in its prediction residue; the photo as the camera saved it does not.
import Evidence
import Forensics
import Media
import Testing

@Suite("Resampling")
struct ResamplingTests {
    static let original = try! ResamplingAnalysis().analyze(ForensicInput(image: Synthetic.photo))

    @Test func anEnlargedPhotoScoresHigherThanTheOriginal() throws {
        let up = Synthetic.resized(Synthetic.photo, by: 1.5)
        let r = try ResamplingAnalysis().analyze(ForensicInput(image: up))
        #expect(r.score! > 0.8)
        #expect(Self.original.score! < 0.3)
        #expect(abs((r.measurements["resampling_period"] ?? 0) - 3) < 0.2)
        #expect(r.findings.contains { $0.code == "resampling-periodic" })
    }

    @Test func theTraceSurvivesAQuality90Save() throws {
        let up = Synthetic.resized(Synthetic.photo, by: 1.5)
        let r = try ResamplingAnalysis().analyze(Synthetic.saved(up, qualities: [90]))
        #expect(r.score! > Self.original.score! + 0.2)
    }
}
