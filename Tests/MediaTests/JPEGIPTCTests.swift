// IPTC-IIM from JPEG APP13: the camera photo's real block (checked against exiftool), datasets
// written by exiftool, and damaged blocks.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct JPEGIPTCTests {
    @Test func realBlockMatchesExiftool() throws {
        let path = Samples.path("photo-exif.jpg")
        let iptc = try #require(IPTCData.find(inJPEG: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
        let ref = try Fixture.exiftool(path, ["IPTC:all"])
        #expect(iptc.value("DateCreated") == "20051226")
        #expect(iptc.value("TimeCreated") == "145801")
        #expect(iptc.value("ApplicationRecordVersion") == String(describing: ref["ApplicationRecordVersion"]!))
        #expect(iptc.value("Urgency") == String(describing: ref["Urgency"]!))
    }

    @Test func datasetsWrittenByExiftool() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("i.jpg")
        try Fixture.cjpeg(Fixture.picture(width: 16, height: 16), quality: 80, to: url)
        try Fixture.must("exiftool", ["-q", "-overwrite_original", "-IPTC:CodedCharacterSet=UTF8", "-IPTC:ObjectName=Object",
            "-IPTC:Keywords=alpha", "-IPTC:Keywords=bëta", "-IPTC:By-line=Jane Doe", "-IPTC:City=Zürich",
            "-IPTC:Country-PrimaryLocationName=Switzerland", "-IPTC:Headline=Head", "-IPTC:Credit=Cred",
            "-IPTC:Source=Src", "-IPTC:Caption-Abstract=A caption", url.path])
        let iptc = try #require(IPTCData.find(inJPEG: [UInt8](try Data(contentsOf: url))))
        #expect(iptc.keywords == ["alpha", "bëta"])
        #expect(iptc.byline == "Jane Doe" && iptc.value("City") == "Zürich" && iptc.value("ObjectName") == "Object")
        #expect(iptc.value("Country-PrimaryLocationName") == "Switzerland" && iptc.value("Headline") == "Head")
        #expect(iptc.value("Credit") == "Cred" && iptc.value("Source") == "Src" && iptc.caption == "A caption")
        #expect(iptc.value("CodedCharacterSet") == "UTF-8")
    }

    @Test func damagedBlocks() {
        #expect(IPTCData(iim: []).dataSets.isEmpty)
        #expect(IPTCData(iim: [0x1C, 2, 25, 0xFF, 0xFF, 65]).dataSets.isEmpty)           // length past the end
        #expect(IPTCData(iim: [0x1C, 2, 25, 0x80, 0x09, 1]).dataSets.isEmpty)            // absurd extended length
        #expect(IPTCData(iim: [0x1C, 2, 25, 0, 2, 65, 66, 0x1C, 2]).dataSets.map(\.value) == ["AB"])
        #expect(ImageMetadataBlocks.photoshopResource(Array("8BIM".utf8) + [4, 4, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF], id: 0x0404) == nil)
    }
}
