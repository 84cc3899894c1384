// Owner of a `SwrContext`: turns blocks of samples in any format, channel layout and rate into
// mono 32-bit float at the rate the analysis wants (`swr_alloc_set_opts2`, `swr_convert`;
// `swr_free` in deinit). Both audio paths use it: FFmpeg frames (planar or packed, any sample
// format) and libsndfile's interleaved floats.
//
// Downmix is the plain mean of the channels, set as a custom matrix (`swr_set_matrix`): swresample's
// own stereo-to-mono matrix adds the channels at -3 dB each, which can exceed 1.0 on loud stereo.
import CFFmpeg

final class FFmpegResampler {
    private var ctx: OpaquePointer?
    let inRate: Int, outRate: Int, channels: Int
    let format: AVSampleFormat
    private let path: String

    /// `channels` of `format` at `inRate` in, mono float at `outRate` out.
    init(inRate: Int, channels: Int, format: AVSampleFormat, outRate: Int, path: String) throws {
        FFmpeg.configure()
        precondition(inRate > 0 && outRate > 0 && channels > 0)
        self.inRate = inRate; self.outRate = outRate; self.channels = channels; self.format = format; self.path = path
        // The input layout only has to have the right channel count: the matrix ignores positions.
        var inLayout = AVChannelLayout(), outLayout = AVChannelLayout()
        av_channel_layout_default(&inLayout, Int32(channels))
        av_channel_layout_default(&outLayout, 1)
        defer { av_channel_layout_uninit(&inLayout); av_channel_layout_uninit(&outLayout) }
        try FFmpeg.check(swr_alloc_set_opts2(&ctx, &outLayout, AV_SAMPLE_FMT_FLT, Int32(outRate),
                                             &inLayout, format, Int32(inRate), 0, nil), "set up resampler", path: path)
        let mean = [Double](repeating: 1 / Double(channels), count: channels)
        try FFmpeg.check(swr_set_matrix(ctx, mean, Int32(channels)), "set downmix", path: path)
        try FFmpeg.check(swr_init(ctx), "start resampler", path: path, context: UnsafeRawPointer(ctx))
    }

    deinit { swr_free(&ctx) }

    /// True when a frame can be fed to this resampler as it is.
    func accepts(_ frame: FFmpegFrame) -> Bool {
        Int(frame.ptr.pointee.sample_rate) == inRate && Int(frame.ptr.pointee.ch_layout.nb_channels) == channels && frame.format == format.rawValue
    }

    /// Converts a decoded frame, dropping its first `skip` samples (used to start a time range
    /// mid-frame).
    func convert(_ frame: FFmpegFrame, skip: Int = 0) throws -> [Float] {
        let n = frame.sampleCount - skip
        guard n > 0, let data = frame.ptr.pointee.extended_data else { return [] }
        let bytes = Int(av_get_bytes_per_sample(format))
        let planar = av_sample_fmt_is_planar(format) != 0
        let planes = planar ? channels : 1
        let step = planar ? skip * bytes : skip * bytes * channels
        var input: [UnsafePointer<UInt8>?] = (0..<planes).map { p in data[p].map { UnsafePointer($0 + step) } }
        return try run(&input, count: n)
    }

    /// Converts `count` interleaved float frames (libsndfile's layout; `format` must be `AV_SAMPLE_FMT_FLT`).
    func convert(interleaved: UnsafeBufferPointer<Float>, count: Int) throws -> [Float] {
        precondition(format == AV_SAMPLE_FMT_FLT && interleaved.count >= count * channels)
        guard count > 0 else { return [] }
        let raw = UnsafeRawPointer(interleaved.baseAddress!).assumingMemoryBound(to: UInt8.self)
        var input: [UnsafePointer<UInt8>?] = [raw]
        return try run(&input, count: count)
    }

    /// The samples still held for filtering, at the end of the input.
    func flush() throws -> [Float] {
        var none: [UnsafePointer<UInt8>?] = []
        return try run(&none, count: 0)
    }

    private func run(_ input: inout [UnsafePointer<UInt8>?], count: Int) throws -> [Float] {
        let capacity = Int(swr_get_out_samples(ctx, Int32(count))) + 32
        guard capacity > 0 else { return [] }
        var out = [Float](repeating: 0, count: capacity)
        let produced = try out.withUnsafeMutableBytes { raw -> Int32 in
            var planes: [UnsafeMutablePointer<UInt8>?] = [raw.baseAddress!.assumingMemoryBound(to: UInt8.self)]
            return try input.withUnsafeMutableBufferPointer { inp in
                try FFmpeg.check(swr_convert(ctx, &planes, Int32(capacity), count == 0 ? nil : inp.baseAddress, Int32(count)),
                                 "resample", path: path, context: UnsafeRawPointer(ctx))
            }
        }
        out.removeLast(capacity - Int(produced))
        return out
    }
}
