// Decoded audio: mono Float samples at a known rate, what the audio and lip-sync branches and the
// spectrogram view consume.

/// Mono audio, samples in -1...1.
public struct AudioClip: Sendable, Equatable {
    public var sampleRate: Int
    public var samples: [Float]

    public init(sampleRate: Int, samples: [Float]) {
        precondition(sampleRate > 0)
        self.sampleRate = sampleRate; self.samples = samples
    }

    public var duration: Double { Double(samples.count) / Double(sampleRate) }

    /// Root mean square level.
    public var rms: Float {
        guard !samples.isEmpty else { return 0 }
        var s: Float = 0
        for x in samples { s += x * x }
        return (s / Float(samples.count)).squareRoot()
    }
}
