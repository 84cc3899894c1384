import Foundation
import Testing
@testable import Media

@Suite struct SpectrogramTests {
    @Test func pureToneLandsInItsBin() {
        let rate = 16_000, f = 1_000.0
        let samples = (0..<rate).map { Float(sin(2 * Double.pi * f * Double($0) / Double(rate))) }
        let s = Spectrogram.compute(AudioClip(sampleRate: rate, samples: samples), window: 512, hop: 256)
        #expect(s.frames == 1 + (rate - 512) / 256)
        let col = (0..<s.bins).map { s[10, $0] }
        let peak = col.indices.max { col[$0] < col[$1] }!
        #expect(abs(Double(peak) * Double(rate) / 512 - f) <= Double(rate) / 512)
        // Far from the tone, at least 40 dB down.
        #expect(col[peak] - col[200] > 40)
    }

    @Test func melBandsRiseWithFrequency() {
        let rate = 16_000
        let lo = Spectrogram.compute(AudioClip(sampleRate: rate, samples: (0..<4096).map { Float(sin(2 * Double.pi * 300 * Double($0) / Double(rate))) }), melBands: 40)
        let hi = Spectrogram.compute(AudioClip(sampleRate: rate, samples: (0..<4096).map { Float(sin(2 * Double.pi * 5000 * Double($0) / Double(rate))) }), melBands: 40)
        func peak(_ s: Spectrogram) -> Int { let c = (0..<s.bins).map { s[3, $0] }; return c.indices.max { c[$0] < c[$1] }! }
        #expect(peak(lo) < peak(hi))
    }

    @Test func emptyAndShortClips() {
        #expect(Spectrogram.compute(AudioClip(sampleRate: 8000, samples: [])).frames == 0)
        #expect(Spectrogram.compute(AudioClip(sampleRate: 8000, samples: [0.1, 0.2])).frames == 1)
    }
}
