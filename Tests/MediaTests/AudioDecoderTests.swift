// AudioDecoder and AudioReader on the real speech clip, its re-encodings and video soundtracks.
import Foundation
import Testing
import TestSupport
@testable import Media

@Suite struct AudioDecoderTests {
    static let speech = Samples.path("speech-8k.wav")
    static let speechSeconds = 30.27675   // ffprobe's duration of speech-8k.wav

    @Test func wavThroughLibsndfile() throws {
        let reader = try AudioReader(path: Self.speech)
        #expect(reader.backend == "libsndfile")
        #expect(reader.sourceSampleRate == 8000 && reader.channels == 1 && reader.sampleRate == 16000)
        let clip = AudioClip(sampleRate: reader.sampleRate, samples: try reader.readAll())
        #expect(abs(clip.duration - Self.speechSeconds) < 0.01)
        #expect(clip.rms > 0.01)
        #expect(clip.samples.allSatisfy { abs($0) <= 1.01 })
    }

    @Test(arguments: [
        ("speech.flac", ["-c:a", "flac"], "libsndfile"),
        ("speech.ogg", ["-c:a", "libvorbis"], "libsndfile"),
        ("speech.opus", ["-c:a", "libopus", "-b:a", "24k"], "libsndfile"),
        ("speech.mp3", ["-c:a", "libmp3lame", "-ar", "16000"], "libsndfile"),
        ("speech.m4a", ["-c:a", "aac", "-b:a", "48k"], "ffmpeg"),
        ("speech-stereo-44k.wav", ["-ac", "2", "-ar", "44100"], "libsndfile"),
    ])
    func reencodingsDecodeToThirtySeconds(_ name: String, _ codec: [String], _ backend: String) throws {
        let path = try Fixtures.make(name, ["-i", Self.speech] + codec)
        let reader = try AudioReader(path: path)
        #expect(reader.backend == backend)
        let clip = try AudioDecoder.decode(path: path)
        #expect(clip.sampleRate == 16000)
        #expect(abs(clip.duration - Self.speechSeconds) < 0.12, "\(name): \(clip.duration) s")
        #expect(clip.rms > 0.01)
    }

    /// The decoded speech has the same loudness whichever container carries it.
    @Test func flacMatchesWav() throws {
        let wav = try AudioDecoder.decode(path: Self.speech)
        let flac = try AudioDecoder.decode(path: try Fixtures.make("speech.flac", ["-i", Self.speech, "-c:a", "flac"]))
        #expect(wav == flac)
    }

    @Test func soundtrackOfVideos() throws {
        let avi = try AudioReader(path: Samples.path("webcam-face.avi"))
        #expect(avi.backend == "ffmpeg" && avi.sourceSampleRate > 0)
        let aviClip = try AudioDecoder.decode(path: Samples.path("webcam-face.avi"))
        let probe = try Fixtures.probe(Samples.path("webcam-face.avi"))
        let expected = Double((probe["format"] as! [String: Any])["duration"] as! String)!
        #expect(abs(aviClip.duration - expected) < 0.2, "\(aviClip.duration) s, ffprobe says \(expected) s")
        let mp4 = try AudioDecoder.decode(path: Samples.path("cockatoo-720p.mp4"))
        #expect(abs(mp4.duration - 13.9) < 0.1, "\(mp4.duration)")
    }

    @Test func rangeMatchesTheSameStretchOfTheWholeFile() throws {
        let whole = try AudioDecoder.decode(path: Self.speech)
        for path in [Self.speech, try Fixtures.make("speech.m4a", ["-i", Self.speech, "-c:a", "aac", "-b:a", "48k"])] {
            let part = try AudioDecoder.decode(path: path, range: 10...12)
            #expect(part.samples.count == 32000, "\(path)")
            if path == Self.speech {
                // Away from the edges (resampler filter warm-up) the samples are the same.
                let a = Array(whole.samples[160_000 + 200 ..< 192_000 - 200]), b = Array(part.samples[200 ..< 32_000 - 200])
                let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 1
                #expect(worst < 1e-3, "largest difference \(worst)")
            } else {
                // AAC is lossy; the range must still be the same speech (correlated), not silence or elsewhere.
                let a = Array(whole.samples[160_000 ..< 192_000])
                let dot = zip(a, part.samples).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                let na = a.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot(), nb = part.samples.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
                #expect(dot / (na * nb) > 0.8, "correlation \(dot / (na * nb))")
            }
        }
    }

    @Test func streamingReadsBlocks() throws {
        let reader = try AudioReader(path: Self.speech, options: MediaOptions(audioSampleRate: 8000))
        var blocks = 0, total = 0
        while let b = try reader.read() { blocks += 1; total += b.count; #expect(b.count <= 16_384) }
        #expect(blocks > 10)
        #expect(abs(total - 242_214) < 100)
    }

    @Test func errors() throws {
        let silent = try Fixtures.testPattern("mpeg4.avi", ["-c:v", "mpeg4", "-g", "10"])
        #expect(throws: MediaError.noAudioStream(path: silent)) { try AudioDecoder.decode(path: silent) }
        let photo = Samples.path("photo-exif.jpg")
        #expect(throws: MediaError.noAudioStream(path: photo)) { try AudioDecoder.decode(path: photo) }
        #expect(throws: MediaError.self) { try AudioDecoder.decode(path: Self.speech, range: 40...41) }
        #expect(throws: MediaError.notFound(path: "/nonexistent.wav")) { try AudioDecoder.decode(path: "/nonexistent.wav") }
    }
}
