// Many transforms of many sizes at once give the right peak every time. (A spectrum of
// uninitialised memory in the Nyquist bin once showed up only when tests ran in parallel.)
import Foundation
import Testing
@testable import Media

@Suite struct RealFFTTests {
    @Test func concurrentTransformsAgree() {
        let rate = 16_000
        let samples = (0..<512).map { Float(sin(2 * Double.pi * 1000 * Double($0) / Double(rate))) }
        let bad = Counter2()
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let fft = RealFFT(n: 512 << (i % 3))
            for _ in 0..<50 {
                let p = fft.powerSpectrum(samples)
                let peak = p.indices.max { p[$0] < p[$1] }!
                let hz = Double(peak) * Double(rate) / Double(fft.n)
                if abs(hz - 1000) > 40 { bad.bump(); }
            }
        }
        #expect(bad.value == 0)
        // The Nyquist bin of a sine far below it is tiny, never garbage.
        let p = RealFFT(n: 512).powerSpectrum(samples)
        #expect(p[256] < 1e-3)
    }
}
final class Counter2: @unchecked Sendable { private let l = NSLock(); private var n = 0; func bump() { l.lock(); n += 1; l.unlock() }; var value: Int { l.lock(); defer { l.unlock() }; return n } }
