// `info` on images end to end through MediaInspector: the camera photo's groups, the GIMP splice,
// and bad input (truncated, random bytes named .jpg, a SOF claiming 65000x65000, no EXIF).
import Foundation
import Testing
import TestSupport
@testable import Evidence
@testable import Media

@Suite struct ImageInspectorTests {
    @Test func cameraPhoto() throws {
        let s = try MediaInspector.summarize(Samples.path("photo-exif.jpg"))
        #expect(s.media == .image && s.format == "jpeg" && s.width == 800 && s.height == 532)
        let m = s.metadata
        #expect(m[path: "image", "colour_space"] == .string("YCbCr"))
        #expect(m[path: "image", "progressive"] == .bool(false))
        #expect(m[path: "jpeg", "quality"] == .int(80))
        #expect(m[path: "jpeg", "subsampling"] == .string("4:2:0"))
        #expect(m[path: "jpeg", "truncated"] == .bool(false))
        #expect(m[path: "exif", "IFD0", "Model"] == .string("Canon EOS DIGITAL REBEL XT"))
        #expect(m[path: "exif", "IFD0", "Software"] == .string("Bibble 4.4b"))
        #expect(m[path: "exif", "EXIF", "DateTimeOriginal"] == .string("2005:12:26 14:58:01"))
        #expect(m[path: "thumbnail", "present"] == .bool(true))
        #expect(m[path: "thumbnail", "bytes"] == .int(25076))
        #expect(m[path: "iptc", "DateCreated"] == .string("20051226"))
        #expect(m["gps"] == nil && m["xmp"] == nil)
        #expect(s.findings.isEmpty)
        if case .list(let tables)? = m[path: "jpeg", "quant_tables", "0"] { #expect(tables.count == 64) } else { Issue.record("no table 0") }
        // The metadata tree survives the report's JSON.
        let back = try JSONDecoder().decode(MediaSummary.self, from: JSONEncoder().encode(s))
        #expect(back.metadata[path: "exif", "IFD0", "Make"] == .string("Canon"))
    }

    @Test func gimpSplice() throws {
        let s = try MediaInspector.summarize(Samples.path("ela_modified.jpg"))
        let m = s.metadata
        #expect(m[path: "image", "progressive"] == .bool(true))
        #expect(m[path: "jpeg", "quality"] == .int(95))
        #expect(m[path: "exif", "IFD0", "Software"] == .string("GIMP 2.8.18"))
        #expect(m[path: "xmp", "fields", "exif:Software (2)"] == .string("GIMP 2.8.18"))
        if case .double(let lat)? = m[path: "gps", "latitude"] { #expect(lat < -23.5 && lat > -23.6) } else { Issue.record("no GPS") }
    }

    @Test func badInput() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("photo-exif.jpg"))))

        // Truncated: still inspectable, with a warning finding.
        let half = dir.appendingPathComponent("half.jpg")
        try Data(bytes.prefix(bytes.count / 2)).write(to: half)
        let t = try MediaInspector.summarize(half.path)
        #expect(t.width == 800)
        #expect(t.findings.contains { $0.code == "truncated" && $0.severity == .warning && $0.message.contains("file is truncated") })

        // Random bytes that only start like a JPEG: a clear error.
        let noise = dir.appendingPathComponent("noise.jpg")
        var rng = SystemRandomNumberGenerator()
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + (0..<20000).map { _ in UInt8.random(in: 0...255, using: &rng) }).write(to: noise)
        do {
            _ = try MediaInspector.summarize(noise.path)
            Issue.record("random bytes were inspected")
        } catch let e as MediaError {
            #expect(e.description.contains("noise.jpg") && (e.description.contains("damaged") || e.description.contains("truncated")))
        }

        // A SOF claiming 65000 x 65000: refused from the header.
        var big = bytes
        let o = try #require(Fixture.sofSizeOffset(big))
        big[o] = 0xFD; big[o + 1] = 0xE8; big[o + 2] = 0xFD; big[o + 3] = 0xE8
        let bigURL = dir.appendingPathComponent("big.jpg")
        try Data(big).write(to: bigURL)
        #expect(throws: MediaError.tooManyPixels(path: bigURL.path, width: 65000, height: 65000, limit: 200_000_000)) {
            try MediaInspector.summarize(bigURL.path)
        }

        // No EXIF at all.
        let plain = dir.appendingPathComponent("plain.jpg")
        try Fixture.cjpeg(Fixture.picture(width: 40, height: 30), quality: 75, to: plain)
        let p = try MediaInspector.summarize(plain.path)
        #expect(p.metadata["exif"] == nil && p.metadata[path: "thumbnail", "present"] == .bool(false))
        #expect(p.metadata[path: "jpeg", "quality"] == .int(75) && p.metadata[path: "jpeg", "standard_tables"] == .bool(true))
    }

    @Test func pngWithEXIFAndXMP() throws {
        guard Fixture.tool("convert") != nil else { return }
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("x.png").path
        try Fixture.must("convert", [Samples.path("ela_original.jpg"), "-resize", "50x40!", png])
        try Fixture.must("exiftool", ["-q", "-overwrite_original", "-EXIF:Make=PNGCam", "-XMP-xmp:CreatorTool=Tool", png])
        let s = try MediaInspector.summarize(png)
        #expect(s.width == 50 && s.height == 40)
        #expect(s.metadata[path: "exif", "IFD0", "Make"] == .string("PNGCam"))
        #expect(s.metadata[path: "xmp", "creator_tool"] == .string("Tool"))
        #expect(s.metadata["jpeg"] == nil)
    }
}
