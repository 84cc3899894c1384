// EXIF thumbnail against the image, on a real camera photo with its camera thumbnail.
import Evidence
import Forensics
import Foundation
import Media
import TestSupport
import Testing

@Suite("EXIF thumbnail")
struct ThumbnailTests {
    static let camera = try! SpliceFixture.load("photo-exif.jpg")

    @Test func theCameraThumbnailMatchesItsPhoto() throws {
        let thumb = try #require(Self.camera.thumbnail)
        #expect(thumb.width >= 64)
        let r = try ThumbnailConsistency().analyze(Self.camera)
        #expect(r.score! < 0.5)
        #expect(r.measurements["thumbnail_correlation"]! > 0.9)
        #expect(r.findings.contains { $0.code == "thumbnail-consistent" })
    }

    @Test func anEditAfterTheThumbnailShows() throws {
        // Paint over a 200x160 area of the photo, keep the camera's thumbnail.
        var edited = Self.camera.image
        for y in 200..<360 { for x in 300..<500 { for c in 0..<3 { edited.pixels[(y * edited.width + x) * 3 + c] = c == 1 ? 200 : 40 } } }
        let r = try ThumbnailConsistency().analyze(ForensicInput(image: edited, thumbnail: Self.camera.thumbnail))
        #expect(r.score! > 0.5)
        #expect(r.findings.contains { $0.code == "thumbnail-region-differs" || $0.code == "thumbnail-mismatch" })
    }

    @Test func aThumbnailOfAnotherPictureIsAMismatch() throws {
        let other = SpliceFixture.shared.original.image
        let r = try ThumbnailConsistency().analyze(ForensicInput(image: other, thumbnail: Self.camera.thumbnail))
        #expect(r.score! > 0.8)
        #expect(r.findings.contains { $0.code == "thumbnail-mismatch" })
    }

    @Test func noThumbnailNoScore() throws {
        #expect(try ThumbnailConsistency().analyze(ForensicInput(image: Self.camera.image)).score == nil)
    }
}
