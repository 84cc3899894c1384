// Inputs an analysis must survive: grey-scale, tiny, flat and 16-bit images. Every analysis must
// return (no crash, no trap) with finite scores, maps in 0...1 and finite measurements.
import Evidence
import Forensics
import Foundation
import Media
import TestSupport
import Testing

@Suite("Forensic analyses on bad input")
struct BadInputTests {
    static func check(_ input: ForensicInput, _ what: String) throws {
        for entry in ForensicSuite.standard {
            let r = try entry.analysis.analyze(input)
            if let s = r.score { #expect(s.isFinite && (0...1).contains(s), "\(r.id) on \(what): score \(s)") }
            for m in r.maps {
                #expect(m.values.count == m.width * m.height)
                #expect(m.values.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(r.id) on \(what): map \(m.label)")
            }
            #expect(r.measurements.values.allSatisfy { $0.isFinite }, "\(r.id) on \(what)")
        }
    }

    @Test func greyScale() throws {
        var grey = Synthetic.halved(Synthetic.photo)
        for i in 0..<(grey.width * grey.height) {
            let y = grey.pixels[3 * i + 1]
            grey.pixels[3 * i] = y; grey.pixels[3 * i + 2] = y
        }
        try Self.check(Synthetic.saved(grey, qualities: [85]), "grey JPEG")
        try Self.check(ForensicInput(image: grey), "grey pixels")
    }

    @Test(arguments: [(1, 1), (8, 8), (17, 9), (40, 3)])
    func tinyImages(size: (Int, Int)) throws {
        let img = RGBImage(width: size.0, height: size.1, pixels: seededBytes(count: size.0 * size.1 * 3, seed: 7))
        try Self.check(ForensicInput(image: img), "\(size.0)x\(size.1)")
        try Self.check(Synthetic.saved(img, qualities: [90]), "\(size.0)x\(size.1) JPEG")
    }

    @Test func flatImages() throws {
        for v: UInt8 in [0, 128, 255] {
            let img = RGBImage(width: 200, height: 150, pixels: [UInt8](repeating: v, count: 200 * 150 * 3))
            try Self.check(Synthetic.saved(img, qualities: [90]), "flat \(v)")
            try Self.check(ForensicInput(image: img, thumbnail: RGBImage(width: 40, height: 30, pixels: [UInt8](repeating: v, count: 40 * 30 * 3))), "flat \(v) with thumbnail")
        }
    }

    @Test(.enabled(if: Tool.exists("ffmpeg"))) func sixteenBitPNG() throws {
        let tmp = TempDir()
        let png = tmp.path("photo16.png")
        let r = try Tool.run("ffmpeg", ["-v", "error", "-i", Samples.path("photo-exif.jpg"), "-vf", "scale=320:-2", "-pix_fmt", "rgb48be", png])
        #expect(r.status == 0, "\(r.stderr)")
        let img = try ImageDecoder.decode(path: png)
        #expect(img.width == 320)
        try Self.check(ForensicInput(image: img), "16-bit PNG")
    }

    @Test func imagesPastThePixelLimitAreRefusedByMedia() throws {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.path("photo-exif.jpg"))))
        #expect(throws: MediaError.self) { try ForensicInput.jpeg(data: data, options: MediaOptions(pixelLimit: 10_000)) }
    }
}
