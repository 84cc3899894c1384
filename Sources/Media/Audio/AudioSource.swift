// What `AudioReader` reads from: a decoder that yields mono float blocks at the output rate,
// starting at a requested time. Two implementations: `SndFileSource` (libsndfile: WAV, FLAC,
// Ogg/Vorbis, Opus, MP3, AIFF) and `FFmpegAudioSource` (everything else, including the audio
// track of a video). Both resample and downmix with `FFmpegResampler`.

protocol AudioSource: AnyObject {
    /// Sample rate of the file.
    var sourceSampleRate: Int { get }
    /// Channels in the file.
    var channels: Int { get }
    /// Length of the audio in seconds, when the file says.
    var duration: Double? { get }
    /// The next block of mono samples at the output rate; nil once everything (including the
    /// resampler's tail) has been returned.
    func next() throws -> [Float]?
}
