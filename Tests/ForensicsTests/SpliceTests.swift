// The real GIMP splice (opencv-doc's ela_original.jpg / ela_modified.jpg): what an analyst should
// see is that the edited file stands out more than the original, and that the map is hottest where
// the penguin was pasted (found independently by registering and diffing the two files).
import Evidence
import Forensics
import Testing

@Suite("Forensic analyses on a real splice")
struct SpliceTests {
    let f = SpliceFixture.shared

    @Test func theFixtureFindsThePaste() {
        // modified = original shifted by (38, 137), plus a penguin of about 230x240 pixels.
        #expect(f.shift.dx == 38 && f.shift.dy == 137)
        #expect((150...320).contains(f.region.width) && (150...320).contains(f.region.height))
    }

    @Test func errorLevelAnalysisFlagsTheSpliceAndPointsAtIt() throws {
        let original = try ErrorLevelAnalysis().analyze(f.original)
        let modified = try ErrorLevelAnalysis().analyze(f.modified)
        #expect(modified.score! >= 0.5)
        #expect(original.score! < 0.5)
        #expect(modified.score! > original.score! + 0.3)
        #expect(modified.findings.contains { $0.code == "ela-region" })
        let raw = MapCheck(modified.maps[0], imageWidth: f.modified.image.width, imageHeight: f.modified.image.height, region: f.region)
        #expect(raw.hottestInside(f.region), "hottest ELA cell at \(raw.hottest), paste at \(f.region)")
        #expect(raw.contrast > 1.3)
        let relative = MapCheck(modified.maps[1], imageWidth: f.modified.image.width, imageHeight: f.modified.image.height, region: f.region)
        #expect(relative.hottestInside(f.region))
        #expect(relative.contrast > 2)
    }

    @Test func noiseInconsistencyFlagsTheSpliceAndPointsAtIt() throws {
        let original = try NoiseResidualAnalysis().analyze(f.original)
        let modified = try NoiseResidualAnalysis().analyze(f.modified)
        #expect(modified.score! > original.score! + 0.2)
        #expect(original.score! < 0.5)
        let inconsistency = MapCheck(modified.maps[1], imageWidth: f.modified.image.width, imageHeight: f.modified.image.height, region: f.region)
        #expect(inconsistency.hottestInside(f.region), "hottest noise cell at \(inconsistency.hottest), paste at \(f.region)")
        #expect(inconsistency.contrast > 1.5)
    }

    @Test func neitherFileHasACopyMovedRegion() throws {
        // Dark fabric and smooth background match everywhere in their low frequencies; the pixel
        // check must keep them from becoming "duplicated regions".
        #expect(try CopyMoveAnalysis().analyze(f.original).findings.allSatisfy { $0.code != "copy-move" })
        #expect(try CopyMoveAnalysis().analyze(f.modified).findings.allSatisfy { $0.code != "copy-move" })
    }

    @Test func neitherFileIsAlignedDoubleCompressed() throws {
        // The edit cropped the photo off its 8x8 grid before GIMP saved it: no aligned DQ.
        let r = try DoubleQuantisationAnalysis().analyze(f.modified)
        #expect(r.measurements["dq_detected"] == 0)
    }
}
