// XMPPacket on the real GIMP-edited samples (duplicated exif:Software from the edit), on packets
// written by exiftool (CreatorTool, dates, dc:*, photoshop:*, an xmpMM:History), and on hostile
// packets: unterminated, a DTD with entities, deep nesting, garbage.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct XMPTests {
    func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func gimpEditLeavesTwoSoftwareValues() throws {
        let x = try #require(XMPPacket.find(in: try bytes(Samples.path("ela_modified.jpg"))))
        #expect(x.complete && x.problem == nil)
        #expect(x.raw.hasPrefix("<?xpacket begin") && x.raw.hasSuffix("?>"))
        let ref = String(decoding: try Fixture.must("exiftool", ["-b", "-XMP", Samples.path("ela_modified.jpg")]), as: UTF8.self)
        #expect(ref.hasPrefix(x.raw.prefix(200)))
        #expect(x.values("exif:Software") == ["addison-user 8.0.0 OPN27.76-12-22 24 release-keys", "GIMP 2.8.18"])
        #expect(x.value("exif:ISOSpeedRatings") == "1000")
        #expect(x.value("exif:Make") == "motorola")
        let orig = try #require(XMPPacket.find(in: try bytes(Samples.path("ela_original.jpg"))))
        #expect(orig.values("exif:Software").count == 1)
    }

    @Test func fieldsWrittenByExiftool() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("x.jpg").path
        try FileManager.default.copyItem(atPath: Samples.path("photo-exif.jpg"), toPath: copy)
        try Fixture.must("exiftool", ["-q", "-overwrite_original",
            "-XMP-xmp:CreatorTool=Adobe Photoshop CC 2019", "-XMP-xmp:CreateDate=2020:01:02 03:04:05",
            "-XMP-xmp:ModifyDate=2021:06:07 08:09:10", "-XMP-dc:Creator=Ann Smith", "-XMP-dc:Subject=one", "-XMP-dc:Subject=two",
            "-XMP-dc:Title=A title", "-XMP-photoshop:City=Paris", "-XMP-photoshop:Credit=Agency",
            "-XMP-xmpMM:HistoryAction=saved", "-XMP-xmpMM:HistorySoftwareAgent=Adobe Photoshop CC 2019",
            "-XMP-xmpMM:HistoryAction=saved", "-XMP-xmpMM:HistorySoftwareAgent=GIMP 2.10", copy])
        let x = try #require(XMPPacket.find(in: try bytes(copy)))
        #expect(x.complete)
        #expect(x.creatorTool == "Adobe Photoshop CC 2019")
        #expect(x.createDate?.hasPrefix("2020-01-02T03:04:05") == true)
        #expect(x.modifyDate?.hasPrefix("2021-06-07T08:09:10") == true)
        #expect(x.value("dc:creator") == "Ann Smith")
        #expect(x.value("dc:subject") == "one; two")
        #expect(x.value("dc:title") == "A title")
        #expect(x.value("photoshop:City") == "Paris" && x.value("photoshop:Credit") == "Agency")
        #expect(x.historySoftwareAgents == ["Adobe Photoshop CC 2019", "GIMP 2.10"])
        #expect(x.value("xmpMM:History[2]/stEvt:action") == "saved")
    }

    @Test func attributeShorthand() {
        let raw = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Lavf58" xmp:Rating="3">
        <xmpMM:History xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#">
        <rdf:Seq><rdf:li stEvt:action="converted" stEvt:softwareAgent="ffmpeg"/></rdf:Seq></xmpMM:History>
        </rdf:Description></rdf:RDF></x:xmpmeta>
        """
        let x = XMPPacket(raw: raw)
        #expect(x.creatorTool == "Lavf58" && x.value("xmp:Rating") == "3")
        #expect(x.historySoftwareAgents == ["ffmpeg"])
        #expect(XMPPacket.find(in: Array(("junk" + raw + "junk").utf8))?.creatorTool == "Lavf58")
    }

    @Test func hostilePacketsDoNotCrash() {
        // Unterminated: starts, never ends.
        let cut = Array("\u{FF}\u{D8}<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='r'><rdf:Description xmlns:xmp='x' xmp:CreatorTool='Half'><xmp:Label>par".utf8)
        let x = XMPPacket.find(in: cut)
        #expect(x != nil && x?.complete == false && x?.problem != nil)
        #expect(x?.creatorTool == "Half")
        // Billion laughs.
        let bomb = "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]><x:xmpmeta xmlns:x='adobe:ns:meta/'>&b;</x:xmpmeta>"
        let b = XMPPacket.find(in: Array(bomb.utf8))
        #expect(b?.fields.isEmpty == true && b?.complete == false)
        // Very deep nesting.
        let deep = "<x:xmpmeta>" + String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000) + "</x:xmpmeta>"
        #expect(XMPPacket.find(in: Array(deep.utf8))?.complete == false)
        // Garbage between the markers, and nothing at all.
        #expect(XMPPacket.find(in: Array("<x:xmpmeta \u{0}\u{1}<<>>&&</x:xmpmeta>".utf8))?.complete == false)
        #expect(XMPPacket.find(in: Array("no packet here".utf8)) == nil)
        #expect(XMPPacket.find(in: []) == nil)
    }
}
