// Audio through FFmpeg: the best audio stream of any container FFmpeg opens (AAC/M4A, the audio
// track of MP4, AVI, MKV and WebM video, and whatever libsndfile refused). Decodes with
// `avcodec_send_packet`/`avcodec_receive_frame`; other streams are discarded by the demuxer.
//
// A range start seeks (`av_seek_frame`) to the packet before it and drops the samples before the
// start by frame timestamp, so the start is exact to the sample at the source rate.
import CFFmpeg

final class FFmpegAudioSource: AudioSource {
    private let path: String
    private let format: FFmpegFormat
    private let decoder: FFmpegDecoder
    private let streamIndex: Int
    private let timeBase: AVRational
    private let streamStart: Double
    private let packet = FFmpegPacket(), frame = FFmpegFrame()
    private var resampler: FFmpegResampler?
    private let outRate: Int
    private let start: Double
    private var finished = false
    let sourceSampleRate: Int
    let channels: Int
    let duration: Double?

    /// Opens the best audio stream of `path`. Throws `.noAudioStream` when there is none.
    init(path: String, options: MediaOptions, start: Double) throws {
        self.path = path
        self.outRate = options.audioSampleRate
        self.start = start
        format = try FFmpegFormat(path: path)
        guard let s = format.bestStream(AVMEDIA_TYPE_AUDIO) else { throw MediaError.noAudioStream(path: path) }
        streamIndex = s
        format.discardAll(except: s)
        let stream = format.stream(s)
        timeBase = stream.pointee.time_base
        streamStart = FFmpeg.seconds(stream.pointee.start_time, timeBase) ?? 0
        let par = stream.pointee.codecpar.pointee
        sourceSampleRate = Int(par.sample_rate)
        channels = Int(par.ch_layout.nb_channels)
        duration = FFmpeg.seconds(stream.pointee.duration, timeBase) ?? format.duration
        decoder = try FFmpegDecoder(stream: stream, path: path, options: options)
        if start > 0 {
            let ts = Int64(((streamStart + start) * Double(timeBase.den) / Double(timeBase.num)).rounded(.down))
            try format.seek(stream: s, to: ts)
        }
    }

    func next() throws -> [Float]? {
        while !finished {
            guard try decoder.decodeNext(from: format, stream: streamIndex, packet: packet, into: frame) else {
                finished = true
                if let tail = try resampler?.flush(), !tail.isEmpty { return tail }
                if resampler == nil, let e = decoder.lastError ?? format.readError { throw e }
                return nil
            }
            let rate = Int(frame.ptr.pointee.sample_rate)
            guard rate > 0, frame.sampleCount > 0 else { continue }
            var skip = 0
            if start > 0, let ts = frame.timestamp, let t = FFmpeg.seconds(ts, timeBase) {
                let before = start - (t - streamStart)
                if before > 0 { skip = min(frame.sampleCount, Int((before * Double(rate)).rounded())) }
                if skip == frame.sampleCount { continue }
            }
            var head: [Float] = []
            if resampler == nil || !resampler!.accepts(frame) {
                // First frame, or the stream changed format mid-way: finish the old resampler.
                head = try resampler?.flush() ?? []
                resampler = try FFmpegResampler(inRate: rate, channels: Int(frame.ptr.pointee.ch_layout.nb_channels),
                                                format: AVSampleFormat(frame.format), outRate: outRate, path: path)
            }
            let out = head + (try resampler!.convert(frame, skip: skip))
            if !out.isEmpty { return out }
        }
        return nil
    }
}
