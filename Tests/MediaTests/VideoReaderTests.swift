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

    /// A phone-style display matrix is reported as ffprobe reports it, in the reader and the metadata.
    @Test func rotationFromDisplayMatrix() throws {
        let plain = try Fixtures.testPattern("mpeg4.avi")
        let path = try Fixtures.make("rotated.mp4", ["-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90"])
        let probe = try Fixtures.probe(path)
        let v = try #require(Fixtures.stream(probe, "video"))
        let side = try #require((v["side_data_list"] as? [[String: Any]])?.first { $0["rotation"] != nil })
        let expected = try #require(side["rotation"] as? Double)
        #expect(abs(expected) == 90)
        #expect(try VideoReader(path: path).rotation == expected)
        let s = try MediaInspector.summarize(path)
        guard case .list(let streams)? = s.metadata["streams"], case .group(let g) = streams[0] else { Issue.record("no streams"); return }
        #expect(g["rotation"] == .double(expected))
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

    /// Stepping forward through the whole clip decodes each frame once: no seek, not even at the
    /// end where the decoder is draining its last buffered frames.
    @Test func steppingForwardNeverSeeks() throws {
        let reader = try VideoReader(path: Samples.path("webcam-face.avi"), cacheCapacity: 2)
        for i in 0..<reader.frameCount { #expect(try reader.frame(at: i).index == i) }
        #expect(reader.seeks == 0)
        _ = try reader.frame(at: reader.frameCount - 2)   // in the cache
        #expect(reader.seeks == 0)
        _ = try reader.frame(at: 10)                       // not: one seek
        _ = try reader.frame(at: 11)
        #expect(reader.seeks == 1)
        let h264 = try VideoReader(path: Samples.path("cockatoo-720p.mp4"), outputSize: (64, 36))
        for i in 0..<h264.frameCount { _ = try h264.frame(at: i) }
        #expect(h264.seeks == 0)
    }

    /// A BT.709-tagged 4:4:4 clip converts with the BT.709 matrix (ffmpeg's scale filter follows the
    /// frame's colour space too); BT.601, swscale's default, would be visibly off.
    @Test func colourMatrixFollowsTheFrame() throws {
        let path = try Fixtures.make("bt709-444.mp4", ["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "0.4",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709"])
        let f = try VideoReader(path: path).frame(at: 0)
        #expect(f.image.pixels == (try Fixtures.ffmpegRGB(path, swsFlags: "bilinear+full_chroma_int")))
        let bt601 = RGBImage(width: 320, height: 240, pixels: [UInt8](try Fixtures.run("ffmpeg", ["-v", "error", "-i", path, "-frames:v", "1",
            "-sws_flags", "bilinear+full_chroma_int", "-vf", "scale=in_color_matrix=bt601", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])))
        #expect(f.image.meanAbsoluteDifference(bt601) > 2)
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

    @Test(arguments: Fixtures.patternNames)
    func generatedFormatsOpenAndStep(_ name: String) throws {
        let path = try Fixtures.testPattern(name)
        let reader = try VideoReader(path: path, cacheCapacity: 0)
        let probe = try Fixtures.probe(path)
        let v = try #require(Fixtures.stream(probe, "video"))
        #expect(reader.frameCount == 25)
        #expect(reader.frameCount == Int(v["nb_read_packets"] as! String))
        #expect(reader.codecName == v["codec_name"] as? String)
        #expect(reader.width == 320 && reader.height == 240 && abs(reader.fps - 25) < 0.01)
        // Every frame by random access (seeks, backward steps) equals the sequential decode.
        let all = try { () throws -> [VideoFrame] in
            let r = try VideoReader(path: path, cacheCapacity: 0)
            return try (0..<r.frameCount).map { try r.frame(at: $0) }
        }()
        for (a, b) in zip(all, all.dropFirst()) {
            #expect(b.pts > a.pts)
            #expect(a.image.meanAbsoluteDifference(b.image) > 0, "\(name): frames \(a.index) and \(b.index) are identical")
        }
        for i in [20, 5, 6, 17, 8, 7, 24, 0, 16, 9] {
            #expect(try reader.frame(at: i) == all[i], "\(name): frame \(i)")
        }
    }
}
