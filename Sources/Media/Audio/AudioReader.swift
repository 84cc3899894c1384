// Streaming audio decode: mono float blocks at `MediaOptions.audioSampleRate`, optionally only a
// time range, so a long recording is never decoded whole or held in memory. libsndfile reads what
// it can (WAV, FLAC, Ogg/Vorbis, Opus, MP3, AIFF); FFmpeg reads the rest (AAC/M4A, the audio track
// of any video) and anything libsndfile refuses. Both paths resample and downmix with swresample.
import Foundation

/// Reads the audio of a file block by block, as mono Float at the requested rate.
public final class AudioReader {
    public let path: String
    /// Output sample rate (`MediaOptions.audioSampleRate`).
    public let sampleRate: Int
    /// Sample rate of the file.
    public let sourceSampleRate: Int
    /// Channels in the file (the output is their mean).
    public let channels: Int
    /// Length of the file's audio in seconds, when known.
    public let duration: Double?
    /// The part of the audio being read, seconds from its start; nil for all of it.
    public let range: ClosedRange<Double>?
    /// Which library decodes: `"libsndfile"` or `"ffmpeg"`.
    public let backend: String

    private let source: AudioSource
    private var remaining: Int?

    /// Formats (as `Sniffer` names them) that libsndfile is asked first.
    static let sndfileFormats: Set = ["wav", "flac", "ogg", "opus", "mp3", "aiff"]

    /// Opens the audio of `path` (`sf_open`, or `avformat_open_input` and `avcodec_open2`).
    ///
    /// Throws `.noAudioStream` for a file without audio (an image, a silent video),
    /// `.timeOutOfRange` when `range` starts outside the audio, and open errors as `MediaError`.
    public init(path: String, options: MediaOptions = .default, range: ClosedRange<Double>? = nil) throws {
        try EvidenceFile.preflight(path)
        let head = try EvidenceFile.head(path)
        guard let sniffed = Sniffer.sniff(head: head) else { throw MediaError.unrecognised(path: path, hint: Sniffer.hint(head)) }
        if sniffed.kind == .image || sniffed.kind == .pdf { throw MediaError.noAudioStream(path: path) }
        if let range, range.lowerBound < 0 || !range.upperBound.isFinite {
            throw MediaError.timeOutOfRange(seconds: range.lowerBound, duration: 0)
        }
        let start = range?.lowerBound ?? 0
        var opened: AudioSource? = nil
        var backend = "ffmpeg"
        if Self.sndfileFormats.contains(sniffed.format) {
            opened = try? SndFileSource(path: path, outRate: options.audioSampleRate, start: start)
            if opened != nil { backend = "libsndfile" }
        }
        let source = try opened ?? FFmpegAudioSource(path: path, options: options, start: start)
        if let range, let d = source.duration, range.lowerBound > d {
            throw MediaError.timeOutOfRange(seconds: range.lowerBound, duration: d)
        }
        self.path = path
        self.source = source
        self.backend = backend
        sampleRate = options.audioSampleRate
        sourceSampleRate = source.sourceSampleRate
        channels = source.channels
        duration = source.duration
        self.range = range
        if let range { remaining = Int(((range.upperBound - range.lowerBound) * Double(sampleRate)).rounded()) }
    }

    /// The next block of samples (a few thousand), nil at the end of the audio or range.
    public func read() throws -> [Float]? {
        if let r = remaining, r <= 0 { return nil }
        guard var block = try source.next() else { return nil }
        if let r = remaining {
            if block.count > r { block.removeLast(block.count - r) }
            remaining = r - block.count
        }
        return block
    }

    /// Everything left, as one array.
    public func readAll() throws -> [Float] {
        var all: [Float] = []
        if let r = remaining { all.reserveCapacity(r) } else if let d = duration { all.reserveCapacity(Int(d * Double(sampleRate)) + 1024) }
        while let block = try read() { all += block }
        return all
    }
}
