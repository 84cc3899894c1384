// Limits and choices that apply when reading evidence. Safe defaults; every limit can be raised
// by the analyst for a trusted file.

/// Options for opening and decoding media.
public struct MediaOptions: Sendable, Equatable {
    /// Largest image or frame, in pixels, that will be decoded. Checked from the header, before
    /// any pixel buffer is allocated.
    public var pixelLimit: Int = 200_000_000
    /// Password for encrypted PDFs.
    public var password: String? = nil
    /// Sample rate that audio is resampled to (mono Float).
    public var audioSampleRate: Int = 16_000

    public init(pixelLimit: Int = 200_000_000, password: String? = nil, audioSampleRate: Int = 16_000) {
        self.pixelLimit = pixelLimit; self.password = password; self.audioSampleRate = audioSampleRate
    }

    public static let `default` = MediaOptions()
}
