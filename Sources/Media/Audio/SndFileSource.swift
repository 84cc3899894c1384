// Audio through libsndfile: `sf_open`, `sf_seek` to the start of a range, `sf_readf_float` in
// blocks of interleaved frames, `sf_close` in deinit. Samples come normalised to -1...1 whatever
// the file's encoding; `FFmpegResampler` averages the channels and converts the rate.
import CFFmpeg
import CSndFile

final class SndFileSource: AudioSource {
    private let file: OpaquePointer
    private let resampler: FFmpegResampler
    private var buffer: [Float]
    private var finished = false
    let sourceSampleRate: Int
    let channels: Int
    let duration: Double?

    /// Frames read per block.
    private static let block = 8192

    /// Opens `path` with libsndfile (`sf_open`) and positions it at `start` seconds (`sf_seek`).
    /// Throws `MediaError.unrecognised` when libsndfile cannot read the file, so the caller can
    /// try FFmpeg instead.
    init(path: String, outRate: Int, start: Double) throws {
        var info = SF_INFO()
        guard let f = sf_open(path, Int32(SFM_READ), &info) else {
            throw MediaError.unrecognised(path: path, hint: "libsndfile: \(String(cString: sf_strerror(nil)))")
        }
        guard info.channels > 0, info.samplerate > 0 else {
            sf_close(f)
            throw MediaError.corrupt(path: path, detail: "libsndfile: no channels or sample rate in the header")
        }
        file = f
        sourceSampleRate = Int(info.samplerate)
        channels = Int(info.channels)
        duration = info.frames > 0 ? Double(info.frames) / Double(info.samplerate) : nil
        buffer = [Float](repeating: 0, count: Self.block * channels)
        do {
            resampler = try FFmpegResampler(inRate: sourceSampleRate, channels: channels, format: AV_SAMPLE_FMT_FLT, outRate: outRate, path: path)
        } catch { sf_close(f); throw error }
        if start > 0 {
            let frame = sf_count_t((start * Double(sourceSampleRate)).rounded())
            if sf_seek(f, frame, SEEK_SET) < 0 {
                // Past the end (or unseekable): nothing to read.
                finished = true
            }
        }
    }

    deinit { sf_close(file) }

    /// Next block (`sf_readf_float`), resampled to mono; the resampler's tail at the end.
    func next() throws -> [Float]? {
        guard !finished else { return nil }
        let n = buffer.withUnsafeMutableBufferPointer { Int(sf_readf_float(file, $0.baseAddress, sf_count_t(Self.block))) }
        if n <= 0 {
            finished = true
            let tail = try resampler.flush()
            return tail.isEmpty ? nil : tail
        }
        return try buffer.withUnsafeBufferPointer { try resampler.convert(interleaved: $0, count: n) }
    }
}
