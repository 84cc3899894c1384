// StreamInspector through MediaInspector.summarize, checked against ffprobe; and the damaged and
// misleading files an analyst meets (audio-only "video", truncated and random files).
import Evidence
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct StreamInspectorTests {
    func string(_ v: MetadataValue?) -> String? { if case .string(let s)? = v { return s }; return nil }
    func int(_ v: MetadataValue?) -> Int64? { if case .int(let i)? = v { return i }; return nil }
    func streams(_ s: MediaSummary) -> [MetadataGroup] {
        guard case .list(let l)? = s.metadata["streams"] else { return [] }
        return l.compactMap { if case .group(let g) = $0 { return g }; return nil }
    }

    @Test func cockatooMatchesFFprobe() throws {
        let path = Samples.path("cockatoo-720p.mp4")
        let s = try MediaInspector.summarize(path)
        let probe = try Fixtures.probe(path)
        let fmt = probe["format"] as! [String: Any], tags = fmt["tags"] as! [String: String]
        #expect(s.media == .video && s.format == "mp4")
        #expect(s.width == 1280 && s.height == 720 && s.fps == 20 && s.frames == 280 && s.hasAudio == true)
        #expect(abs(s.duration! - 14) < 0.01)
        #expect(string(s.metadata[path: "container", "format_name"]) == fmt["format_name"] as? String)
        #expect(string(s.metadata[path: "container", "encoder"]) == tags["encoder"])
        #expect(string(s.metadata[path: "container", "major_brand"]) == "isom")
        #expect(string(s.metadata[path: "container", "compatible_brands"]) == tags["compatible_brands"])
        let st = streams(s), ref = probe["streams"] as! [[String: Any]]
        #expect(st.count == ref.count)
        for (g, r) in zip(st, ref) {
            #expect(string(g["codec"]) == r["codec_name"] as? String)
            #expect(string(g["codec_long_name"]) == r["codec_long_name"] as? String)
            #expect(string(g["profile"]) == r["profile"] as? String)
            #expect(int(g["frames"]) == Int64(r["nb_read_packets"] as! String))
            #expect(string(g["handler_name"]) == (r["tags"] as? [String: String])?["handler_name"])
            #expect(string(g["time_base"]) == r["time_base"] as? String)
        }
        #expect(string(st[0]["pix_fmt"]) == "yuv444p")
        #expect(int(st[1]["sample_rate"]) == Int64(ref[1]["sample_rate"] as! String))
        #expect(s.metadata["file"] != nil)
        #expect(s.findings.isEmpty, "\(s.findings)")
    }

    @Test func webcamAVI() throws {
        let s = try MediaInspector.summarize(Samples.path("webcam-face.avi"))
        #expect(s.media == .video && s.format == "avi")
        #expect(s.width == 160 && s.height == 120 && s.frames == 68 && abs(s.fps! - 15) < 0.001 && s.hasAudio == true)
        #expect(string(s.metadata[path: "container", "software"]) == "CanonMVI02")
        #expect(string(s.metadata[path: "container", "creation_time"]) == "2006-10-29 14:33:55")
        #expect(string(streams(s)[1]["codec"]) == "pcm_u8")
        #expect(s.findings.isEmpty, "\(s.findings)")
    }

    @Test func speechWAV() throws {
        let s = try MediaInspector.summarize(Samples.path("speech-8k.wav"))
        #expect(s.media == .audio && s.format == "wav")
        #expect(s.sampleRate == 8000 && s.channels == 1 && abs(s.duration! - 30.27675) < 0.001)
        #expect(s.frames == nil && s.width == nil)
        // A plain WAVE header declares no layout (ffprobe shows none either).
        #expect(string(streams(s)[0]["channel_layout"]) == nil)
        #expect(int(streams(s)[0]["channels"]) == 1)
    }

    @Test(arguments: Fixtures.patternNames)
    func generatedFormatsMatchFFprobe(_ name: String) throws {
        let path = try Fixtures.testPattern(name)
        let s = try MediaInspector.summarize(path)
        let probe = try Fixtures.probe(path)
        let v = try #require(Fixtures.stream(probe, "video"))
        #expect(s.media == .video)
        #expect(s.format == ["vp9.webm": "webm", "hevc.mkv": "matroska", "mpeg4.avi": "avi", "h264.mov": "mov"][name])
        #expect(s.frames == Int(v["nb_read_packets"] as! String))
        #expect(s.hasAudio == false)
        let d = Double((probe["format"] as! [String: Any])["duration"] as! String)!
        #expect(abs(s.duration! - d) < 0.05)
    }

    @Test func audioOnlyMP4IsAudio() throws {
        let path = try Fixtures.make("audio-only.mp4", ["-i", Samples.path("speech-8k.wav"), "-c:a", "aac", "-f", "mp4"])
        let s = try MediaInspector.summarize(path)
        #expect(s.media == .audio && s.format == "mp4")
        #expect(s.sampleRate == 8000 && s.channels == 1)
        #expect(s.findings.contains { $0.code == "container-no-video" && $0.severity == .notice })
        #expect(throws: MediaError.noVideoStream(path: path)) { try VideoReader(path: path) }
    }

    @Test func chapters() throws {
        let meta = try Fixtures.write("chapters.txt", Array("""
            ;FFMETADATA1
            title=Evidence
            [CHAPTER]
            TIMEBASE=1/1000
            START=0
            END=500
            title=First
            [CHAPTER]
            TIMEBASE=1/1000
            START=500
            END=1000
            title=Second

            """.utf8))
        let path = try Fixtures.make("chapters.mkv", ["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-i", meta,
                                                      "-map_metadata", "1", "-t", "1", "-c:v", "mpeg4"])
        let s = try MediaInspector.summarize(path)
        guard case .list(let ch)? = s.metadata["chapters"], case .group(let second) = ch[1] else {
            Issue.record("no chapters"); return
        }
        #expect(ch.count == 2)
        #expect(string(second["title"]) == "Second")
        #expect(second["start"] == .double(0.5))
        #expect(string(s.metadata[path: "container", "title"]) == "Evidence")
    }

    @Test func truncatedMP4IsAnErrorOrAShorterIndex() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Samples.path("cockatoo-720p.mp4")))
        // moov at the end: 30% of the file has no index at all.
        let cut = try Fixtures.write("cockatoo-30pc.mp4", [UInt8](data.prefix(data.count * 3 / 10)))
        #expect(throws: MediaError.self) { try VideoReader(path: cut) }
        #expect(throws: MediaError.self) { try MediaInspector.summarize(cut) }
        do { _ = try VideoReader(path: cut) } catch let e as MediaError {
            guard case .corrupt(_, let detail) = e else { Issue.record("expected .corrupt, got \(e)"); return }
            #expect(detail.contains("moov atom not found"))
        }
        // moov first (faststart): the index stops where the data does, and reading stays safe.
        let fast = try Fixtures.make("cockatoo-faststart.mp4", ["-i", Samples.path("cockatoo-720p.mp4"), "-c", "copy", "-movflags", "+faststart"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fast))
        let cutFast = try Fixtures.write("cockatoo-faststart-30pc.mp4", [UInt8](bytes.prefix(bytes.count * 3 / 10)))
        let reader = try VideoReader(path: cutFast)
        #expect(reader.frameCount > 20 && reader.frameCount < 280)
        #expect(reader.declaredFrameCount == 280)
        for i in [0, reader.frameCount / 2, reader.frameCount - 1] {
            do { #expect(try reader.frame(at: i).index == i) } catch { #expect(error is MediaError) }
        }
        let s = try MediaInspector.summarize(cutFast)
        #expect(s.frames == reader.frameCount)
        #expect(s.findings.contains { $0.code == "stream-truncated" && $0.location == "streams[0]" })
        #expect(!(try MediaInspector.summarize(fast)).findings.contains { $0.code == "stream-truncated" })
    }

    @Test func randomBytesNamedMP4() throws {
        var rng = SystemRandomNumberGenerator()
        let path = try Fixtures.write("random.mp4", (0..<65536).map { _ in UInt8.random(in: 0...255, using: &rng) })
        #expect(throws: MediaError.self) { try VideoReader(path: path) }
        #expect(throws: MediaError.self) { try MediaInspector.summarize(path) }
        #expect(throws: MediaError.self) { try AudioDecoder.decode(path: path) }
    }
}
