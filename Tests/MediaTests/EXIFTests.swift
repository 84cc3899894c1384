// EXIF through libexif, cross-checked with `exiftool -json -n` on the real camera photo, on a copy
// with GPS written by exiftool, on the GIMP-edited sample (southern/western GPS), and on EXIF
// carried by TIFF, PNG (eXIf) and WebP (EXIF chunk) files made with ImageMagick and exiftool.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct EXIFTests {
    func load(_ path: String, format: String = "jpeg") throws -> EXIFData {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require(EXIFData(file: bytes, format: format))
    }

    @Test func cameraPhotoMatchesExiftool() throws {
        let path = Samples.path("photo-exif.jpg")
        let f = try load(path).fields
        let ref = try Fixture.exiftool(path, ["Make", "Model", "DateTimeOriginal", "Software", "Orientation", "ExifImageWidth", "ExifImageHeight", "ModifyDate", "CreateDate"])
        #expect(f.make == ref["Make"] as? String)
        #expect(f.model == ref["Model"] as? String)
        #expect(f.model == "Canon EOS DIGITAL REBEL XT")
        #expect(f.software == "Bibble 4.4b" && f.software == ref["Software"] as? String)
        #expect(f.dateTimeOriginal == ref["DateTimeOriginal"] as? String)
        #expect(f.dateTime == ref["ModifyDate"] as? String)
        #expect(f.dateTimeDigitized == ref["CreateDate"] as? String)
        #expect(f.orientation == ref["Orientation"] as? Int)
        #expect(f.pixelXDimension == ref["ExifImageWidth"] as? Int && f.pixelYDimension == ref["ExifImageHeight"] as? Int)
        #expect(f.latitude == nil && f.longitude == nil)
    }

    @Test func everyIFDAsText() throws {
        let exif = try load(Samples.path("photo-exif.jpg"))
        let ifd0 = exif.entries(.ifd0)
        #expect(ifd0.contains { $0.name == "Make" && $0.value == "Canon" })
        #expect(ifd0.contains { $0.name == "Orientation" && $0.value == "Top-left" })
        #expect(exif.entries(.exif).contains { $0.name == "DateTimeOriginal" && $0.value == "2005:12:26 14:58:01" })
        #expect(exif.entries(.ifd1).contains { $0.name == "Compression" })
    }

    /// Tag counts per directory agree with exiftool's groups: nothing is invented (libexif's
    /// "follow specification" fixing is off) and nothing dropped. exiftool lists the MakerNote's
    /// contents in their own group rather than as an EXIF tag, and shows the thumbnail's offset and
    /// length tags (plus a ThumbnailImage) in IFD1, which libexif turns into the thumbnail bytes.
    @Test(arguments: ["photo-exif.jpg", "ela_original.jpg", "ela_modified.jpg"])
    func tagCountsPerIFDMatchExiftool(_ name: String) throws {
        let path = Samples.path(name)
        let exif = try load(path)
        let out = try Fixture.must("exiftool", ["-json", "-G1", "-n", "-EXIF:all", path])
        let ref = try #require((try JSONSerialization.jsonObject(with: out) as? [[String: Any]])?.first)
        func count(_ group: String) -> Int { ref.keys.filter { $0.hasPrefix(group + ":") }.count }
        #expect(exif.entries(.ifd0).count == count("IFD0"))
        #expect(exif.entries(.gps).count == count("GPS"))
        #expect(exif.entries(.interoperability).count == count("InteropIFD"))
        let makerNote = exif.entries(.exif).contains { $0.tag == 0x927C } ? 1 : 0
        #expect(exif.entries(.exif).count == count("ExifIFD") + makerNote)
        #expect(exif.entries(.ifd1).count == count("IFD1") - 3)
    }

    @Test func thumbnailBytesAndImage() throws {
        let exif = try load(Samples.path("photo-exif.jpg"))
        let t = try #require(exif.thumbnail)
        #expect(t.count == 25076)
        let ref = try Fixture.must("exiftool", ["-b", "-ThumbnailImage", Samples.path("photo-exif.jpg")])
        #expect(t == [UInt8](ref))
        let img = try #require(try exif.thumbnailImage())
        let header = try JPEGFile(data: t)
        #expect(img.width == header.width && img.height == header.height)
    }

    @Test func gpsWrittenByExiftool() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("gps.jpg").path
        try FileManager.default.copyItem(atPath: Samples.path("photo-exif.jpg"), toPath: copy)
        try Fixture.must("exiftool", ["-q", "-overwrite_original", "-GPSLatitude=48.8584", "-GPSLatitudeRef=N",
                                      "-GPSLongitude=2.2945", "-GPSLongitudeRef=E", "-GPSAltitude=35", "-GPSAltitudeRef=0", copy])
        let f = try load(copy).fields
        let ref = try Fixture.exiftool(copy, ["GPSLatitude", "GPSLongitude", "GPSAltitude"])
        let lat = try #require(f.latitude), lon = try #require(f.longitude)
        #expect(abs(lat - (ref["GPSLatitude"] as! Double)) < 1e-6 && abs(lat - 48.8584) < 1e-4)
        #expect(abs(lon - (ref["GPSLongitude"] as! Double)) < 1e-6 && abs(lon - 2.2945) < 1e-4)
        #expect(f.altitude == 35)
    }

    @Test func southWestIsNegative() throws {
        let path = Samples.path("ela_original.jpg")
        let f = try load(path).fields
        let ref = try Fixture.exiftool(path, ["GPSLatitude", "GPSLongitude", "GPSAltitude"])
        #expect(abs(f.latitude! - (ref["GPSLatitude"] as! Double)) < 1e-6 && f.latitude! < 0)
        #expect(abs(f.longitude! - (ref["GPSLongitude"] as! Double)) < 1e-6 && f.longitude! < 0)
        #expect(abs(f.altitude! - (ref["GPSAltitude"] as! Double)) < 1e-6)
        #expect(f.software == "GIMP 2.8.18")
    }

    @Test func noEXIF() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("plain.jpg")
        try Fixture.cjpeg(Fixture.picture(width: 16, height: 16), quality: 80, to: url)
        #expect(EXIFData(file: [UInt8](try Data(contentsOf: url)), format: "jpeg") == nil)
        #expect(EXIFData(tiff: [0x49, 0x49, 0x2A, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3]) == nil)
    }

    @Test func exifInTIFFPNGAndWebP() throws {
        guard Fixture.tool("convert") != nil else { return }
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for ext in ["tif", "png", "webp"] {
            let url = dir.appendingPathComponent("x.\(ext)").path
            try Fixture.must("convert", [Samples.path("ela_original.jpg"), "-resize", "64x64", url])
            try Fixture.must("exiftool", ["-q", "-overwrite_original", "-Make=DeepScanTest", "-Model=M\(ext)", url])
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: url)))
            let format = ImageHeader.read(head: bytes)?.format ?? "?"
            let exif = EXIFData(file: bytes, format: format)
            #expect(exif?.fields.make == "DeepScanTest", "\(ext): no EXIF read")
            #expect(exif?.fields.model == "M\(ext)")
        }
    }
}
