// ImageDecoder on the sample photo and on PNG, GIF, BMP, WebP and TIFF copies of it made with
// ffmpeg, on unusual pixel formats (16-bit, grey, alpha), and on headers that ask for too much.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct ImageDecoderTests {
    static let photo = Samples.path("photo-exif.jpg")

    @Test func jpegThroughFFmpeg() throws {
        #expect(ImageDecoder.backend(for: "jpeg") == .ffmpeg(demuxer: "jpeg_pipe"))
        let img = try ImageDecoder.decode(path: Self.photo)
        #expect(img.width == 800 && img.height == 532)
        #expect(img.luma().reduce(0, +) / Float(800 * 532) > 20)
        // Against ffmpeg's RGB: YUV to RGB differs only by chroma interpolation.
        let peer = RGBImage(width: 800, height: 532, pixels: try Fixtures.ffmpegRGB(Self.photo))
        #expect(img.meanAbsoluteDifference(peer) < 1.5, "\(img.meanAbsoluteDifference(peer))")
    }

    @Test(arguments: [
        ("photo.png", [String](), 2.0),
        ("photo.bmp", [], 2.0),
        ("photo.tiff", [], 2.0),
        ("photo.webp", ["-quality", "90"], 6.0),
        ("photo.gif", [], 20.0),   // 256 colours: far from the JPEG, exact against ffmpeg below
    ])
    func otherFormatsDecodeToTheSamePicture(_ name: String, _ args: [String], _ tolerance: Double) throws {
        let path = try Fixtures.make(name, ["-i", Self.photo] + args)
        let img = try ImageDecoder.decode(path: path)
        #expect(img.width == 800 && img.height == 532)
        let reference = try ImageDecoder.decode(path: Self.photo)
        #expect(img.meanAbsoluteDifference(reference) < tolerance, "\(name): \(img.meanAbsoluteDifference(reference))")
        // Against ffmpeg's own RGB of the same file: exact for the RGB formats, close for lossy WebP (YUV).
        let peer = RGBImage(width: 800, height: 532, pixels: try Fixtures.ffmpegRGB(path))
        #expect(img.meanAbsoluteDifference(peer) < (name == "photo.webp" ? 1.5 : 0.001), "\(name) vs ffmpeg")
    }

    @Test(arguments: ["rgb48be", "gray", "gray16be", "pal8", "ya8"])
    func pixelFormatsOfPNG(_ pixFmt: String) throws {
        let path = try Fixtures.make("photo-\(pixFmt).png", ["-i", Self.photo, "-pix_fmt", pixFmt])
        let img = try ImageDecoder.decode(path: path)
        #expect(img.width == 800 && img.height == 532)
        let reference = try ImageDecoder.decode(path: Self.photo)
        if pixFmt.hasPrefix("gray") || pixFmt == "ya8" {
            let (r, g, b) = img.rgb(400, 266)
            #expect(r == g && g == b)
            #expect(abs(Double(img.luma().reduce(0, +) - reference.luma().reduce(0, +))) / (800 * 532) < 3)
        } else {
            #expect(img.meanAbsoluteDifference(reference) < (pixFmt == "pal8" ? 20 : 2))
            let peer = RGBImage(width: 800, height: 532, pixels: try Fixtures.ffmpegRGB(path))
            #expect(img.meanAbsoluteDifference(peer) < 0.001)
        }
    }

    /// Alpha is composited over white.
    @Test func alphaOverWhite() throws {
        let clear = try Fixtures.make("clear.png", ["-f", "lavfi", "-i", "color=c=red@0.0:s=16x16,format=rgba", "-frames:v", "1"])
        #expect(try ImageDecoder.decode(path: clear).rgb(5, 5) == (255, 255, 255))
        let half = try Fixtures.make("half.png", ["-f", "lavfi", "-i", "color=c=red@0.5:s=16x16,format=rgba", "-frames:v", "1"])
        let (r, g, b) = try ImageDecoder.decode(path: half).rgb(5, 5)
        #expect(r == 255 && abs(Int(g) - 127) <= 2 && g == b)
        let opaque = try Fixtures.make("opaque.png", ["-f", "lavfi", "-i", "color=c=blue:s=16x16,format=rgba", "-frames:v", "1"])
        #expect(try ImageDecoder.decode(path: opaque).rgb(0, 0) == (0, 0, 255))
    }

    /// A PNG whose IHDR says 100000×100000, with a valid CRC and no pixel data.
    @Test func hugePNGHeaderIsRefusedBeforeDecoding() throws {
        func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let ihdr = Array("IHDR".utf8) + be32(100_000) + be32(100_000) + [8, 2, 0, 0, 0]
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + ihdr + be32(crc32(ihdr))
            + be32(0) + Array("IEND".utf8) + be32(crc32(Array("IEND".utf8)))
        let path = try Fixtures.write("huge.png", png)
        #expect(throws: MediaError.tooManyPixels(path: path, width: 100_000, height: 100_000, limit: MediaOptions.default.pixelLimit)) {
            try ImageDecoder.decode(path: path)
        }
    }

    @Test func hugeBMPHeaderIsRefused() throws {
        func le32(_ v: Int32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        let bmp: [UInt8] = Array("BM".utf8) + le32(54) + le32(0) + le32(54) + le32(40) + le32(100_000) + le32(-100_000)
            + [1, 0, 24, 0] + [UInt8](repeating: 0, count: 24)
        let path = try Fixtures.write("huge.bmp", bmp)
        #expect(throws: MediaError.tooManyPixels(path: path, width: 100_000, height: 100_000, limit: MediaOptions.default.pixelLimit)) {
            try ImageDecoder.decode(path: path)
        }
    }

    @Test func pixelLimitFromOptions() throws {
        let small = MediaOptions(pixelLimit: 1000)
        #expect(throws: MediaError.tooManyPixels(path: Self.photo, width: 800, height: 532, limit: 1000)) {
            try ImageDecoder.decode(path: Self.photo, options: small)
        }
        let gif = try Fixtures.make("photo.gif", ["-i", Self.photo])
        #expect(throws: MediaError.tooManyPixels(path: gif, width: 800, height: 532, limit: 1000)) {
            try ImageDecoder.decode(path: gif, options: small)
        }
        let tiff = try Fixtures.make("photo.tiff", ["-i", Self.photo])
        #expect(throws: MediaError.tooManyPixels(path: tiff, width: 800, height: 532, limit: 1000)) {
            try ImageDecoder.decode(path: tiff, options: small)
        }
    }

    @Test func damagedAndWrongFiles() throws {
        let png = try Data(contentsOf: URL(fileURLWithPath: try Fixtures.make("photo.png", ["-i", Self.photo])))
        let cut = try Fixtures.write("cut.png", [UInt8](png.prefix(2000)))
        #expect(throws: MediaError.self) { try ImageDecoder.decode(path: cut) }
        let wav = Samples.path("speech-8k.wav")
        #expect(throws: MediaError.self) { try ImageDecoder.decode(path: wav) }
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: Self.photo))
        let cutJPEG = try Fixtures.write("cut.jpg", [UInt8](jpeg.prefix(jpeg.count / 2)))
        // FFmpeg conceals a missing JPEG tail (grey rows); either way no crash.
        if let img = try? ImageDecoder.decode(path: cutJPEG) { #expect(img.width == 800) }
    }

    /// CRC-32 (IEEE), as PNG chunks use.
    func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }
}
