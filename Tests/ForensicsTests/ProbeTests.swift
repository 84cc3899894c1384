import Testing
import Forensics
import Evidence
import Media
@Suite struct ForensicProbe {
    @Test func probe() throws {
        let cam = ThumbnailTests.camera
        print("thumb", cam.thumbnail!.width, cam.thumbnail!.height, cam.image.width, cam.image.height)
        let r = try ThumbnailConsistency().analyze(cam)
        print("M", r.measurements, r.findings.map(\.message))
        let base = CompressionTests.base
        let q60 = try JPEGCodec.decode(data: JPEGCodec.encode(base, quality: 60))
        var spliced = base
        for y in 96..<224 { for x in 160..<288 { for c in 0..<3 {
            spliced.pixels[(y * spliced.width + x) * 3 + c] = q60.pixels[(y * q60.width + x) * 3 + c]
        } } }
        let g = try JPEGGhostAnalysis().analyze(Synthetic.saved(spliced, qualities: [90]))
        print(g.measurements); for f in g.findings { print(f.message) }
        let m = g.maps[0]
        for y in 0..<m.height { print(String((0..<m.width).map { x in let v = m[x, y]; return v > 0.6 ? "#" : v > 0.3 ? "+" : v > 0.15 ? "." : " " })) }
    }
}
