// Owner of an `AVCodecContext` opened to decode one stream (`avcodec_alloc_context3`,
// `avcodec_parameters_to_context`, `avcodec_open2`; `avcodec_free_context` in deinit).
//
// Threads are automatic (`thread_count = 0`; FFmpeg's default of 1 decodes 720p H.264 at half
// speed on two cores). For pictures, `max_pixels` is set from `MediaOptions.pixelLimit`, and the
// stream's declared size is checked against the limit before anything is decoded.
import CFFmpeg

final class FFmpegDecoder {
    let path: String
    let ctx: UnsafeMutablePointer<AVCodecContext>

    /// What `receive` produced.
    enum Output { case frame, needsInput, endOfStream }

    /// Opens a decoder for `stream`. Throws `.tooManyPixels` when the stream says its pictures are
    /// over `options.pixelLimit`, and `.unrecognised` when this FFmpeg has no decoder for the codec.
    init(stream: UnsafeMutablePointer<AVStream>, path: String, options: MediaOptions, threads: Int32 = 0) throws {
        FFmpeg.configure()
        self.path = path
        let par = stream.pointee.codecpar!
        let w = Int(par.pointee.width), h = Int(par.pointee.height)
        if par.pointee.codec_type == AVMEDIA_TYPE_VIDEO, w * h > options.pixelLimit {
            throw MediaError.tooManyPixels(path: path, width: w, height: h, limit: options.pixelLimit)
        }
        guard let codec = avcodec_find_decoder(par.pointee.codec_id) else {
            let name = String(cString: avcodec_get_name(par.pointee.codec_id))
            throw MediaError.unrecognised(path: path, hint: "a \(name) stream, which this FFmpeg build cannot decode")
        }
        guard let c = avcodec_alloc_context3(codec) else {
            throw MediaError.library(name: "FFmpeg", code: cff_averror(ENOMEM), message: "out of memory")
        }
        ctx = c
        try FFmpeg.check(avcodec_parameters_to_context(c, par), "configure decoder", path: path)
        c.pointee.pkt_timebase = stream.pointee.time_base
        c.pointee.thread_count = threads
        // max_pixels is an int option; larger limits are clamped to what FFmpeg accepts.
        let limit = Int64(min(options.pixelLimit, Int(Int32.max)))
        av_opt_set_int(UnsafeMutableRawPointer(c), "max_pixels", limit, 0)
        try FFmpeg.check(avcodec_open2(c, codec, nil), "open \(String(cString: codec.pointee.name)) decoder", path: path, context: UnsafeRawPointer(c))
    }

    deinit {
        FFmpegLog.forget(UnsafeRawPointer(ctx))
        var p: UnsafeMutablePointer<AVCodecContext>? = ctx
        avcodec_free_context(&p)
    }

    /// Short codec name (`h264`), as ffprobe's `codec_name`.
    var codecName: String { String(cString: avcodec_get_name(ctx.pointee.codec_id)) }

    /// Feeds one packet, or nil to drain at the end (`avcodec_send_packet`). Returns false when the
    /// decoder rejected the packet as damaged; the caller skips it, as ffmpeg does.
    @discardableResult
    func send(_ packet: FFmpegPacket?) throws -> Bool {
        let rc = avcodec_send_packet(ctx, packet?.ptr)
        if rc >= 0 || rc == FFmpeg.endOfFile { return true }
        if rc == FFmpeg.invalidData { lastError = FFmpeg.error(rc, "decode", path: path, context: UnsafeRawPointer(ctx)); return false }
        try FFmpeg.check(rc, "decode", path: path, context: UnsafeRawPointer(ctx))
        return true
    }

    /// Takes the next decoded frame if there is one (`avcodec_receive_frame`).
    func receive(into frame: FFmpegFrame) throws -> Output {
        let rc = avcodec_receive_frame(ctx, frame.ptr)
        if rc >= 0 { return .frame }
        if rc == FFmpeg.again { return .needsInput }
        if rc == FFmpeg.endOfFile { return .endOfStream }
        if rc == FFmpeg.invalidData { lastError = FFmpeg.error(rc, "decode", path: path, context: UnsafeRawPointer(ctx)); return .needsInput }
        try FFmpeg.check(rc, "decode", path: path, context: UnsafeRawPointer(ctx))
        return .needsInput
    }

    /// The last damaged-packet error that was skipped, to report if no frame ever comes out.
    private(set) var lastError: MediaError?

    /// Drops buffered frames after a seek or a drain (`avcodec_flush_buffers`).
    func flush() { avcodec_flush_buffers(ctx) }

    /// Decodes packets of `stream` read from `format` until one frame is ready. Returns false at
    /// the end of the stream (after draining). The common loop of every reader here.
    func decodeNext(from format: FFmpegFormat, stream: Int, packet: FFmpegPacket, into frame: FFmpegFrame) throws -> Bool {
        while true {
            switch try receive(into: frame) {
            case .frame: return true
            case .endOfStream: finished = true; return false
            case .needsInput:
                if draining { finished = true; return false }
                var got = false
                while try format.read(into: packet) {
                    if packet.streamIndex == stream { got = true; break }
                }
                if got { try send(packet) } else { draining = true; try send(nil) }
            }
        }
    }

    /// True once the end of the input was sent (buffered frames may still come out).
    private(set) var draining = false
    /// True once the last frame came out: only a `restart()` makes this decoder useful again.
    private(set) var finished = false

    /// Flushes and forgets the drain state, after a seek.
    func restart() { flush(); draining = false; finished = false }
}
