// Copy-move on a real camera photo: a 64x64 patch copied elsewhere and the result saved as JPEG
// at quality 90 must be found with its shift; the untouched photo must give no pair.
import Evidence
import Forensics
import Media
import Testing

@Suite("Copy-move")
struct CopyMoveTests {
    @Test func aCopiedPatchIsFoundWithItsShift() throws {
        let moved = Synthetic.copyMove(Synthetic.photo, from: (120, 200), to: (520, 90), size: 64)
        let (matches, factor, _) = CopyMoveAnalysis().matches(Plane(luma: try Synthetic.saved(moved, qualities: [90]).image))
        #expect(factor == 1)
        #expect(matches.count == 1)
        let m = try #require(matches.first)
        #expect(abs(m.shift.dx - 400) <= 2 && abs(m.shift.dy + 110) <= 2, "shift \(m.shift)")
        #expect(abs(m.source.x - 120) <= 8 && abs(m.source.y - 200) <= 8)
        #expect(abs(m.target.x - 520) <= 8 && abs(m.target.y - 90) <= 8)
        #expect(m.blocks >= 200)
    }

    @Test func theResultSaysSoAndMapsBothCopies() throws {
        let moved = Synthetic.copyMove(Synthetic.photo, from: (120, 200), to: (520, 90), size: 64)
        let r = try CopyMoveAnalysis().analyze(Synthetic.saved(moved, qualities: [90]))
        #expect(r.score! > 0.9)
        #expect(r.findings.contains { $0.code == "copy-move" })
        let map = r.maps[0]  // 8px cells
        #expect(map[(120 + 32) / 8, (200 + 32) / 8] == 1 && map[(520 + 32) / 8, (90 + 32) / 8] == 1)
    }

    @Test func thePristinePhotoHasNoPair() throws {
        let r = try CopyMoveAnalysis().analyze(ForensicInput(image: Synthetic.photo))
        #expect(r.score! < 0.1)
        #expect(r.measurements["copymove_pairs"] == 0)
    }
}
