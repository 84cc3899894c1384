// VideoReader on the real samples, checked against ffprobe, and on generated variants.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct VideoReaderTests {
    @Test(arguments: ["cockatoo-720p.mp4", "webcam-face.avi"])
    func propertiesMatchFFprobe(_ name: String) throws {
        let path = Samples.path(name)
        let reader = try VideoReader(path: path)
        let probe = try Fixtures.probe(path)
        let v = try #require(Fixtures.stream(probe, "video"))
        #expect(reader.codecName == v["codec_name"] as? String)
        #expect(reader.width == v["width"] as? Int)
        #expect(reader.height == v["height"] as? Int)
        #expect(reader.frameCount == Int(v["nb_read_packets"] as! String))
        #expect(abs(reader.fps - Fixtures.rate(v["avg_frame_rate"] as! String)) < 1e-6)
        #expect(abs(reader.duration - Double(v["duration"] as! String)!) < 0.01)
        #expect(reader.hasAudio == (Fixtures.stream(probe, "audio") != nil))
        #expect(reader.rotation == 0)
    }

    @Test func knownFacts() throws {
        let c = try VideoReader(path: Samples.path("cockatoo-720p.mp4"))
        #expect(c.frameCount == 280 && c.width == 1280 && c.height == 720 && c.fps == 20 && c.codecName == "h264")
        let w = try VideoReader(path: Samples.path("webcam-face.avi"))
        #expect(w.frameCount == 68 && w.width == 160 && w.height == 120 && abs(w.fps - 15) < 0.001 && w.codecName == "mjpeg")
    }

    @Test func steppingBackIsExact() throws {
        let path = Samples.path("cockatoo-720p.mp4")
        let fresh = try VideoReader(path: path, cacheCapacity: 0).frame(at: 10)
        let reader = try VideoReader(path: path, cacheCapacity: 0)
        _ = try reader.frame(at: 50)
        let again = try reader.frame(at: 10)
        #expect(again == fresh)
        #expect(again.index == 10 && abs(again.pts - 0.5) < 1e-9)
        #expect(again.image.width == 1280 && again.image.height == 720)
    }

    /// Seeking must give the frames a decode from the start gives. cockatoo's second and third
    /// IDRs decode differently unless the decoder saw the x264 SEI of the first packet.
    @Test func randomAccessEqualsSequentialDecode() throws {
        let path = Samples.path("cockatoo-720p.mp4")
        let checks: Set = [0, 75, 76, 77, 102, 150, 279]
        let sequential = try VideoReader(path: path, cacheCapacity: 0)
        var expected: [Int: VideoFrame] = [:]
        for i in 0..<sequential.frameCount {
            let f = try sequential.frame(at: i)
            if checks.contains(i) { expected[i] = f }
        }
        for i in checks.sorted(by: >) {
            let f = try VideoReader(path: path, cacheCapacity: 0).frame(at: i)
            #expect(f == expected[i], "frame \(i)")
        }
    }

    /// The first frame is the picture ffmpeg gives (same colour matrix and range).
    @Test(arguments: ["cockatoo-720p.mp4", "webcam-face.avi"])
    func firstFrameMatchesFFmpeg(_ name: String) throws {
        let path = Samples.path(name)
        let f = try VideoReader(path: path).frame(at: 0)
        let peer = RGBImage(width: f.image.width, height: f.image.height, pixels: try Fixtures.ffmpegRGB(path))
        #expect(f.image.meanAbsoluteDifference(peer) < 1.5, "\(f.image.meanAbsoluteDifference(peer))")
        // With the same swscale method the pixels are identical.
        let same = try Fixtures.ffmpegRGB(path, swsFlags: "bilinear+full_chroma_int")
        #expect(f.image.pixels == same)
    }

    @Test func sequentialFramesDifferAndAdvance() throws {
        let reader = try VideoReader(path: Samples.path("cockatoo-720p.mp4"))
        var previous = try reader.frame(at: 100)
        for i in 101..<106 {
            let f = try reader.frame(at: i)
            #expect(f.index == i)
            #expect(f.pts > previous.pts)
            #expect(f.image.meanAbsoluteDifference(previous.image) > 0)
            previous = f
        }
        // Stepping back a few frames is served from the cache and equals a fresh decode.
        let back = try reader.frame(at: 102)
        #expect(back == (try VideoReader(path: Samples.path("cockatoo-720p.mp4")).frame(at: 102)))
    }

    @Test func frameAtTimeAndRanges() throws {
        let reader = try VideoReader(path: Samples.path("webcam-face.avi"))
        let f = try reader.frame(atTime: 1.0)
        #expect(f.index == 15)
        #expect(try reader.frameIndex(atTime: 0) == 0)
        #expect(try reader.frameIndex(atTime: reader.duration) == reader.frameCount - 1)
        #expect(throws: MediaError.frameOutOfRange(index: 68, count: 68)) { try reader.frame(at: 68) }
        #expect(throws: MediaError.frameOutOfRange(index: -1, count: 68)) { try reader.frame(at: -1) }
        #expect(throws: MediaError.self) { try reader.frame(atTime: 99) }
        let last = try reader.frame(at: 67)
        #expect(last.index == 67)
    }

    @Test func outputSizeScales() throws {
        let reader = try VideoReader(path: Samples.path("cockatoo-720p.mp4"), outputSize: (320, 180))
        let f = try reader.frame(at: 3)
        #expect(f.image.width == 320 && f.image.height == 180)
        reader.outputSize = nil
        #expect(try reader.frame(at: 3).image.width == 1280)
    }

    @Test(arguments: [
        ("vp9.webm", ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"]),
        ("hevc.mkv", ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error"]),
        ("mpeg4.avi", ["-c:v", "mpeg4", "-g", "10"]),
        ("h264.mov", ["-c:v", "libx264", "-preset", "ultrafast", "-g", "8", "-bf", "2"]),
    ])
    func generatedFormatsOpenAndStep(_ name: String, _ codec: [String]) throws {
        let path = try Fixtures.testPattern(name, codec)
        let reader = try VideoReader(path: path)
        let probe = try Fixtures.probe(path)
        let v = try #require(Fixtures.stream(probe, "video"))
        #expect(reader.frameCount == 25)
        #expect(reader.frameCount == Int(v["nb_read_packets"] as! String))
        #expect(reader.codecName == v["codec_name"] as? String)
        #expect(reader.width == 320 && reader.height == 240 && abs(reader.fps - 25) < 0.01)
        let f20 = try reader.frame(at: 20)
        let f5 = try reader.frame(at: 5)
        let f6 = try reader.frame(at: 6)
        #expect(f20.index == 20 && f5.index == 5 && f6.index == 6)
        #expect(f5.image.meanAbsoluteDifference(f6.image) > 0)
        #expect(f5 == (try VideoReader(path: path).frame(at: 5)))
    }
}
