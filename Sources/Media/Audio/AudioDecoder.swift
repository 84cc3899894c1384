// One-call audio decode for the audio and lip-sync branches and the spectrogram view: the whole
// file, or a time range of it, as an `AudioClip` (mono Float at `MediaOptions.audioSampleRate`).
// For long files, read blocks with `AudioReader` instead.

/// Decodes audio to an `AudioClip`.
public enum AudioDecoder {
    /// The audio of `path` (all of it, or `range` in seconds from its start), mono, resampled to
    /// `options.audioSampleRate`.
    ///
    /// WAV, FLAC, Ogg/Vorbis, Opus and MP3 are read with libsndfile (`sf_open`, `sf_readf_float`);
    /// AAC/M4A and the audio track of video files with FFmpeg (`avcodec_receive_frame`); both are
    /// resampled with swresample (`swr_convert`). Throws `.noAudioStream` when there is no audio.
    public static func decode(path: String, options: MediaOptions = .default, range: ClosedRange<Double>? = nil) throws -> AudioClip {
        let reader = try AudioReader(path: path, options: options, range: range)
        return AudioClip(sampleRate: reader.sampleRate, samples: try reader.readAll())
    }
}
