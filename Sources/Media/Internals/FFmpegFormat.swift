// Owner of an `AVFormatContext`: an open container (file) and its streams.
//
// Opening runs `avformat_open_input` and, unless told not to, `avformat_find_stream_info`
// (which may decode a few frames to learn pixel formats); `deinit` calls `avformat_close_input`.
// Image readers skip stream info: the image2 pipe demuxers already name the codec, and finding
// stream info would decode the whole picture once more.
import CFFmpeg

final class FFmpegFormat {
    let path: String
    private(set) var ctx: UnsafeMutablePointer<AVFormatContext>

    /// Opens `path` (`avformat_open_input`). `format` forces a demuxer by name (`"png_pipe"`).
    init(path: String, format: String? = nil, findStreamInfo: Bool = true) throws {
        FFmpeg.configure()
        self.path = path
        var fmt: UnsafePointer<AVInputFormat>? = nil
        if let format { fmt = av_find_input_format(format) }
        guard let allocated = avformat_alloc_context() else {
            throw MediaError.library(name: "FFmpeg", code: cff_averror(ENOMEM), message: "out of memory")
        }
        var p: UnsafeMutablePointer<AVFormatContext>? = allocated
        let logKey = UnsafeRawPointer(allocated)
        // On failure avformat_open_input frees the context and sets p to nil.
        let rc = avformat_open_input(&p, path, fmt, nil)
        guard rc >= 0, let opened = p else { throw FFmpeg.error(rc, "open", path: path, context: logKey) }
        ctx = opened
        if findStreamInfo {
            let rc = avformat_find_stream_info(ctx, nil)
            // Fully initialised here, so deinit closes the input when this throws.
            if rc < 0 { throw FFmpeg.error(rc, "read stream info", path: path, context: UnsafeRawPointer(ctx)) }
        }
    }

    deinit {
        FFmpegLog.forget(UnsafeRawPointer(ctx))
        var p: UnsafeMutablePointer<AVFormatContext>? = ctx
        avformat_close_input(&p)
    }

    var streamCount: Int { Int(ctx.pointee.nb_streams) }

    func stream(_ i: Int) -> UnsafeMutablePointer<AVStream> {
        precondition(i >= 0 && i < streamCount, "stream \(i) of \(streamCount)")
        return ctx.pointee.streams[i]!
    }

    func type(of i: Int) -> AVMediaType { stream(i).pointee.codecpar.pointee.codec_type }

    /// True for a video stream that is really a picture (cover art in an MP3 or M4A).
    func isAttachedPicture(_ i: Int) -> Bool {
        stream(i).pointee.disposition & AV_DISPOSITION_ATTACHED_PIC != 0
    }

    /// The stream to decode of a type: the first one marked default, else the first one.
    /// Cover art never counts as video.
    func bestStream(_ type: AVMediaType) -> Int? {
        let candidates = (0..<streamCount).filter { self.type(of: $0) == type && !(type == AVMEDIA_TYPE_VIDEO && isAttachedPicture($0)) }
        return candidates.first { stream($0).pointee.disposition & AV_DISPOSITION_DEFAULT != 0 } ?? candidates.first
    }

    /// Tells the demuxer to drop every stream but `keep` (`AVStream.discard = AVDISCARD_ALL`).
    func discardAll(except keep: Int) {
        for i in 0..<streamCount { stream(i).pointee.discard = i == keep ? AVDISCARD_DEFAULT : AVDISCARD_ALL }
    }

    /// Reads the next packet (`av_read_frame`). Returns false at the end of the file. A read error
    /// after the start is also treated as the end (a truncated file plays up to where it stops);
    /// it is kept in `readError`.
    func read(into packet: FFmpegPacket) throws -> Bool {
        packet.unref()
        let rc = av_read_frame(ctx, packet.ptr)
        if rc >= 0 { return true }
        if rc == FFmpeg.endOfFile { return false }
        if rc == FFmpeg.again { return try read(into: packet) }
        readError = FFmpeg.error(rc, "read", path: path, context: UnsafeRawPointer(ctx))
        return false
    }

    /// The error that ended the last `read`, if it was not a clean end of file.
    private(set) var readError: MediaError?

    /// Seeks `stream` to the keyframe at or before `timestamp` (in the stream's time base)
    /// (`av_seek_frame` with `AVSEEK_FLAG_BACKWARD`).
    func seek(stream: Int, to timestamp: Int64) throws {
        readError = nil
        try FFmpeg.check(av_seek_frame(ctx, Int32(stream), timestamp, cff_seek_flag_backward()), "seek", path: path, context: UnsafeRawPointer(ctx))
    }

    // Container facts, as ffprobe's `format` section names them.

    var formatName: String { ctx.pointee.iformat.map { String(cString: $0.pointee.name) } ?? "" }
    var formatLongName: String? { ctx.pointee.iformat?.pointee.long_name.map { String(cString: $0) } }
    /// Seconds, nil when unknown.
    var duration: Double? { ctx.pointee.duration > 0 ? Double(ctx.pointee.duration) / Double(cff_time_base()) : nil }
    var startTime: Double? { ctx.pointee.start_time == FFmpeg.noPTS ? nil : Double(ctx.pointee.start_time) / Double(cff_time_base()) }
    var bitRate: Int64? { ctx.pointee.bit_rate > 0 ? ctx.pointee.bit_rate : nil }
    var tags: [(key: String, value: String)] { FFmpeg.entries(ctx.pointee.metadata) }
    var chapterCount: Int { Int(ctx.pointee.nb_chapters) }
    func chapter(_ i: Int) -> UnsafeMutablePointer<AVChapter> { ctx.pointee.chapters[i]! }
}
