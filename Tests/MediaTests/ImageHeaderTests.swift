// ImageHeader against files made by ImageMagick and ffmpeg in every supported format, the JPEG
// sample whose SOF sits behind a 25 KB EXIF segment, and headers that lie or are cut short.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct ImageHeaderTests {
    @Test func jpegSizeBehindLargeEXIF() throws {
        let h = try #require(try ImageHeader.read(path: Samples.path("photo-exif.jpg")))
        #expect(h == ImageHeader(format: "jpeg", width: 800, height: 532, bitDepth: 8))
        // The first 4 KiB end inside the EXIF segment: no size yet.
        #expect(ImageHeader.read(head: try EvidenceFile.head(Samples.path("photo-exif.jpg"), count: 4096)) == nil)
    }

    @Test func everyFormat() throws {
        guard Fixture.tool("convert") != nil else { return }
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = Samples.path("ela_original.jpg")
        let cases: [(String, [String], String)] = [
            ("a.png", [], "png"), ("a.gif", [], "gif"), ("a.bmp", [], "bmp"), ("a3.bmp", ["-define", "bmp:format=bmp3"], "bmp"),
            ("a.tif", [], "tiff"), ("be.tif", ["-endian", "MSB"], "tiff"),
            ("lossy.webp", ["-quality", "80"], "webp"), ("lossless.webp", ["-define", "webp:lossless=true"], "webp"),
        ]
        for (name, extra, format) in cases {
            let url = dir.appendingPathComponent(name).path
            try Fixture.must("convert", [src, "-resize", "123x77!"] + extra + [url])
            let h = try ImageHeader.read(path: url)
            #expect(h?.format == format && h?.width == 123 && h?.height == 77, "\(name): \(String(describing: h))")
        }
        // VP8X (extended WebP: here because of an alpha channel).
        let alpha = dir.appendingPathComponent("alpha.webp").path
        try Fixture.must("convert", [src, "-resize", "99x51!", "-alpha", "set", "-channel", "A", "-evaluate", "set", "50%", alpha])
        let a = try ImageHeader.read(path: alpha)
        #expect(a?.width == 99 && a?.height == 51)
        // ffmpeg-written PNG, for a second writer.
        let png = dir.appendingPathComponent("ff.png").path
        try Fixture.must("ffmpeg", ["-v", "error", "-i", src, "-vf", "scale=64:40", png])
        #expect(try ImageHeader.read(path: png) == ImageHeader(format: "png", width: 64, height: 40, bitDepth: 8))
    }

    @Test func shortAndLyingHeaders() {
        #expect(ImageHeader.read(head: []) == nil)
        #expect(ImageHeader.read(head: [0xFF, 0xD8, 0xFF]) == nil)
        #expect(ImageHeader.read(head: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) == nil)
        #expect(ImageHeader.read(head: Array("GIF89a".utf8) + [1]) == nil)
        #expect(ImageHeader.read(head: [0x49, 0x49, 0x2A, 0x00, 0xFF, 0xFF, 0xFF, 0x7F]) == nil)
        // A PNG claiming 100000 x 100000.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0, 8, 2, 0, 0, 0]
        #expect(ImageHeader.read(head: png)?.pixels == 10_000_000_000)
    }
}
