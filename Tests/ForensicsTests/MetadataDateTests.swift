// MetadataDate and SoftwareCatalog: the parsing and matching the checks rest on, on the strings
// real writers produce (EXIF, XMP with offsets, FFmpeg, IPTC; Software values from real files).
import Foundation
import Testing
@testable import Forensics

@Suite struct MetadataDateTests {
    @Test func parsesTheFormatsWritersUse() throws {
        let exif = try #require(MetadataDate("2005:12:26 14:58:01"))
        #expect(exif.offset == nil && exif.hasTime && exif.display == "2005-12-26 14:58:01")
        let xmp = try #require(MetadataDate("2018-06-06T22:53:06-03:00"))
        #expect(xmp.offset == -3 * 3600 && xmp.display == "2018-06-06 22:53:06")
        let ff = try #require(MetadataDate("2022-01-01T12:00:00.500000Z"))
        #expect(ff.offset == 0 && abs(ff.wallClock.truncatingRemainder(dividingBy: 1) - 0.5) < 1e-9)
        let iptc = try #require(MetadataDate("20051226T145801+0100"))
        #expect(iptc.offset == 3600 && iptc.display == "2005-12-26 14:58:01")
        #expect(MetadataDate("2018-06-06")?.hasTime == false)
        #expect(MetadataDate("0000:00:00 00:00:00") == nil)
        #expect(MetadataDate("") == nil)
        #expect(MetadataDate("yesterday") == nil)
    }

    @Test func comparesInstantsOnlyWhenBothHaveOffsets() throws {
        let a = try #require(MetadataDate("2018-06-06T22:00:00-03:00")), b = try #require(MetadataDate("2018-06-07T01:00:00Z"))
        #expect(a.seconds(since: b) == 0)
        let local = try #require(MetadataDate("2018:06:06 22:00:00"))
        #expect(local.seconds(since: b) == -3 * 3600)   // wall clocks
        #expect(MetadataConsistency.isTimeZoneShift(local, b))
        #expect(!MetadataConsistency.isTimeZoneShift(local, try #require(MetadataDate("2018:06:06 22:07:00"))))
    }

    @Test func catalogClassifiesRealSoftwareStrings() {
        let cases: [(String, ToolCategory?)] = [
            ("GIMP 2.8.18", .editor), ("Adobe Photoshop 25.0 (Windows)", .editor),
            ("Adobe Photoshop Lightroom Classic 12.0 (Macintosh)", .rawDeveloper), ("Bibble 4.4b", .rawDeveloper),
            ("Adobe Photoshop Camera Raw 15.0", .rawDeveloper), ("Lavf59.27.100", .reencoder),
            ("Lavc59.37.100 libx264", .reencoder), ("VideoHandler", .reencoder), ("HandBrake 1.6.1 2023012300", .reencoder),
            ("Adobe Firefly", .generator), ("Canon", nil), ("CanonMVI02", nil), ("pdfTeX-1.40.24", nil),
            ("addison-user 8.0.0 OPN27.76-12-22 24 release-keys", nil), ("skimp 1.0", nil),
        ]
        for (value, category) in cases {
            #expect(SoftwareCatalog.identify(value)?.category == category, "\(value)")
        }
    }
}
