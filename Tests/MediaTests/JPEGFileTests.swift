// JPEGFile: headers, quantisation tables and the quality they imply (against cjpeg at known
// qualities and ImageMagick's %Q), DCT coefficients, markers and the integrity scan.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct JPEGFileTests {
    @Test func headersOfTheCameraPhoto() throws {
        let f = try JPEGFile(path: Samples.path("photo-exif.jpg"))
        #expect(f.width == 800 && f.height == 532)
        #expect(f.colorSpace == .ycbcr && f.bitsPerSample == 8 && !f.isArithmetic && !f.isProgressive)
        #expect(f.samplingFactors == "2x2,1x1,1x1" && f.subsampling == "4:2:0")
        #expect(f.components.map(\.quantTable) == [0, 1, 1])
        #expect(f.markers.first?.identifier == "JFIF" || f.markers.first?.identifier == "Exif")
        #expect(f.markers.contains { $0.code == 0xE1 && $0.identifier == "Exif" && $0.length > 25076 })
        #expect(f.markers.contains { $0.code == 0xED && $0.identifier == "Photoshop 3.0" })
        #expect(f.integrity == nil)
        let scanned = try JPEGFile(path: Samples.path("photo-exif.jpg"), scan: true)
        // The file ends with a newline after EOI (as distributed by KPhotoAlbum).
        #expect(scanned.integrity == .init(truncated: false, warningCount: 0, lastWarning: nil, trailingBytes: 1))
    }

    @Test func qualityMatchesImageMagick() throws {
        guard Fixture.tool("convert") != nil else { return }
        for name in ["photo-exif.jpg", "ela_original.jpg", "ela_modified.jpg"] {
            let path = Samples.path(name)
            let q = try #require(Int(String(decoding: try Fixture.must("convert", [path, "-format", "%Q", "info:"]), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)))
            let est = try JPEGFile(path: path).estimatedQuality
            #expect(est.first?.quality == q, "\(name): \(est) vs ImageMagick \(q)")
        }
    }

    @Test func qualityMatchesCjpegAtKnownSettings() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let img = Fixture.picture(width: 96, height: 64)
        for q in [10, 50, 75, 90, 100] {
            let url = dir.appendingPathComponent("q\(q).jpg")
            try Fixture.cjpeg(img, quality: q, to: url)
            let est = try JPEGFile(path: url.path).estimatedQuality
            #expect(est.count == 2)
            #expect(est.map(\.quality) == [q, q] && est.allSatisfy(\.isStandard), "q\(q): \(est)")
            #expect(est.map(\.chrominance) == [false, true])
        }
        // cjpeg's own table scaling at quality 75 is exactly the reference.
        let f = try JPEGFile(path: dir.appendingPathComponent("q75.jpg").path)
        #expect(f.quantTables[0]!.map(Int.init) == JPEGQualityEstimate.scaledTable(chrominance: false, quality: 75))
        #expect(f.quantTables[0]![1] == 6)   // natural order: row 0, column 1 is 11 * 0.5
        #expect(f.quantTables[0]![8] == 6)   // row 1, column 0 is 12 * 0.5
    }

    @Test func nonStandardTablesShowAnError() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("flat.jpg")
        // cjpeg -qtables with a flat table of 7s: no IJG quality makes that.
        let tables = dir.appendingPathComponent("q.txt")
        try Array(repeating: "7 7 7 7 7 7 7 7", count: 8).joined(separator: "\n").write(to: tables, atomically: true, encoding: .utf8)
        try Fixture.cjpeg(Fixture.picture(width: 32, height: 32), quality: 75, extra: ["-qtables", tables.path], to: url)
        let est = try #require(try JPEGFile(path: url.path).estimatedQuality.first)
        #expect(!est.isStandard && est.error > 1)
    }

    @Test func dcOfFlatGrey() throws {
        let dir = try Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let grey = RGBImage(width: 32, height: 16, pixels: [UInt8](repeating: 200, count: 32 * 16 * 3))
        for (q, step) in [(100, 1), (50, 16)] {
            let url = dir.appendingPathComponent("g\(q).jpg")
            try Fixture.cjpeg(grey, quality: q, extra: ["-sample", "1x1"], to: url)
            let f = try JPEGFile(path: url.path)
            let y = try f.coefficients(component: 0)
            #expect(y.blocksWide == 4 && y.blocksHigh == 2)
            // DC of a constant block is 8 * (value - 128), divided by the table's DC step.
            #expect(y.dc(3, 1) == Int16((8 * (200 - 128)) / step))
            #expect(y.block(0, 0).dropFirst().allSatisfy { $0 == 0 })
            let cb = try f.coefficients(component: 1)
            #expect(cb.values.allSatisfy { $0 == 0 })
        }
    }

    @Test func coefficientsOfARealPhoto() throws {
        let f = try JPEGFile(path: Samples.path("photo-exif.jpg"))
        let y = try f.coefficients(component: 0)
        let cb = try f.coefficients(component: 1)
        #expect(y.blocksWide == 100 && y.blocksHigh == 67)       // ceil(800/8), ceil(532/8)
        #expect(cb.blocksWide == 50 && cb.blocksHigh == 34)      // 4:2:0 chroma
        #expect(y.frequency(0, 0).count == 100 * 67)
        #expect(Set(y.frequency(0, 0)).count > 50)
    }

    @Test func integrityScanFindsTruncationAndAppendedData() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("ela_original.jpg"))))
        let half = try JPEGFile(data: Array(bytes.prefix(bytes.count / 2)), scan: true)
        #expect(half.integrity?.truncated == true)
        let appended = try JPEGFile(data: bytes + Array("hidden payload".utf8), scan: true)
        #expect(appended.integrity?.truncated == false && appended.integrity?.trailingBytes == 14)
    }
}
