// JPEGCodec on real files and on bad input made at run time: decode against libjpeg's djpeg,
// re-encode round trips, pixel limit before allocation, truncated and random files, CMYK,
// greyscale, progressive and tiny images.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct JPEGCodecTests {
    @Test func decodesRealPhotoLikeDjpeg() throws {
        let path = Samples.path("photo-exif.jpg")
        let img = try JPEGCodec.decode(path: path)
        #expect(img.width == 800 && img.height == 532)
        // djpeg uses the same library and defaults, so the pixels agree exactly.
        let ppm = try Fixture.must("djpeg", ["-pnm", path])
        let header = "P6\n800 532\n255\n".utf8.count
        #expect(Array(ppm.dropFirst(header)) == img.pixels)
    }

    @Test func reencodeAtQuality90IsClose() throws {
        let img = try JPEGCodec.decode(path: Samples.path("ela_original.jpg"))
        let bytes = try JPEGCodec.encode(img, quality: 90)
        let back = try JPEGCodec.decode(data: bytes)
        #expect(back.width == img.width && back.height == img.height)
        let mad = back.meanAbsoluteDifference(img)
        #expect(mad < 3, "mean abs diff \(mad)")
        let file = try JPEGFile(data: bytes)
        #expect(file.estimatedQuality.allSatisfy { $0.quality == 90 && $0.isStandard })
        #expect(file.subsampling == "4:2:0")
    }

    @Test func tooManyPixelsBeforeAllocation() throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("photo-exif.jpg"))))
        let o = try #require(Fixture.sofSizeOffset(bytes))
        // SOF sizes are 16 bits: 65000 x 65000 (4.2 gigapixels) is the largest libjpeg accepts.
        bytes[o] = 0xFD; bytes[o + 1] = 0xE8; bytes[o + 2] = 0xFD; bytes[o + 3] = 0xE8
        #expect(throws: MediaError.tooManyPixels(path: "big.jpg", width: 65000, height: 65000, limit: 200_000_000)) {
            try JPEGCodec.decode(data: bytes, path: "big.jpg")
        }
        #expect(throws: MediaError.self) { try JPEGFile(data: bytes).coefficients(component: 0) }
    }

    @Test func truncatedFileIsReportedUnlessPartialIsAsked() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("photo-exif.jpg"))))
        let half = Array(bytes.prefix(bytes.count / 2))
        do {
            _ = try JPEGCodec.decode(data: half, path: "half.jpg")
            Issue.record("a truncated file decoded without error")
        } catch let e as MediaError {
            guard case .truncated(let p, let detail) = e else { Issue.record("got \(e)"); return }
            #expect(p == "half.jpg" && detail.contains("Premature end of JPEG file"))
        }
        let partial = try JPEGCodec.decodePartial(data: half)
        #expect(partial.truncated && partial.warningCount >= 1 && !partial.isClean)
        #expect(partial.image.width == 800 && partial.image.height == 532)
        #expect(partial.lastWarning != nil)
        // The top of the picture is intact.
        let full = try JPEGCodec.decode(data: bytes)
        #expect(Array(partial.image.pixels.prefix(800 * 3 * 16)) == Array(full.pixels.prefix(800 * 3 * 16)))
    }

    @Test func randomBytesThatStartLikeAJPEGGiveAClearError() throws {
        var rng = SystemRandomNumberGenerator()
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + (0..<5000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        do {
            _ = try JPEGCodec.decode(data: bytes, path: "noise.jpg")
            Issue.record("random bytes decoded")
        } catch let e as MediaError {
            switch e {
            case .corrupt(_, let d), .truncated(_, let d): #expect(d.contains("libjpeg"))
            default: Issue.record("unexpected error \(e)")
            }
            #expect(e.description.contains("noise.jpg"))
        }
    }

    @Test func tinyGreyscaleCMYKAndProgressive() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 8x8
        let tiny = dir.appendingPathComponent("tiny.jpg")
        try Fixture.cjpeg(Fixture.picture(width: 8, height: 8), quality: 95, to: tiny)
        #expect(try JPEGCodec.decode(path: tiny.path).width == 8)
        // greyscale
        let grey = dir.appendingPathComponent("grey.jpg")
        try Fixture.cjpeg(Fixture.picture(width: 64, height: 48), quality: 90, extra: ["-grayscale"], to: grey)
        let g = try JPEGFile(path: grey.path)
        #expect(g.colorSpace == .grayscale && g.components.count == 1 && g.subsampling == nil)
        let gi = try JPEGCodec.decode(path: grey.path)
        #expect(gi.rgb(10, 10).0 == gi.rgb(10, 10).1 && gi.rgb(10, 10).1 == gi.rgb(10, 10).2)
        // progressive, with jpegtran (lossless: same pixels)
        let prog = dir.appendingPathComponent("prog.jpg")
        try Fixture.must("jpegtran", ["-progressive", "-outfile", prog.path, Samples.path("photo-exif.jpg")])
        #expect(try JPEGFile(path: prog.path).isProgressive)
        #expect(try !JPEGFile(path: Samples.path("photo-exif.jpg")).isProgressive)
        #expect(try JPEGCodec.decode(path: prog.path) == JPEGCodec.decode(path: Samples.path("photo-exif.jpg")))
        // CMYK with ImageMagick (Adobe-inverted): converted back to RGB close to the original
        if Fixture.tool("convert") != nil {
            let cmyk = dir.appendingPathComponent("cmyk.jpg")
            try Fixture.must("convert", [Samples.path("photo-exif.jpg"), "-colorspace", "CMYK", "-quality", "95", cmyk.path])
            let c = try JPEGFile(path: cmyk.path)
            // ImageMagick writes Adobe YCCK (transform 2); libjpeg reads it back as CMYK.
            #expect(c.colorSpace == .ycck && c.adobeTransform == 2 && c.components.count == 4)
            let ci = try JPEGCodec.decode(path: cmyk.path)
            let mad = ci.meanAbsoluteDifference(try JPEGCodec.decode(path: Samples.path("photo-exif.jpg")))
            #expect(mad < 3, "CMYK mean abs diff \(mad)")
        }
    }
}
