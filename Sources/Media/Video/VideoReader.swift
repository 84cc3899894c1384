// Random access to the frames of a video file, exact to the frame, without holding the video in
// memory. Opening demuxes the video stream once to build a `VideoFrameIndex` (timestamps and
// keyframes, no decoding); `frame(at:)` then seeks to the keyframe at or before the wanted frame
// and decodes forward to its exact timestamp. Stepping forward continues decoding without a seek,
// stepping back is answered from a small cache of recent frames or by seeking again. The decoder
// holds at most a GOP; only the frames returned are converted to RGB.
//
// Not thread-safe: one reader per thread (opening is cheap next to decoding).
import CFFmpeg

/// Frame-exact reader of a video file's main video stream (FFmpeg).
public final class VideoReader {
    public let path: String
    /// Coded size of the pictures (before `outputSize` scaling and before `rotation`).
    public let width: Int
    public let height: Int
    /// Average frame rate (`AVStream.avg_frame_rate`), frames per second.
    public let fps: Double
    /// Duration of the video stream in seconds.
    public let duration: Double
    /// Short codec name, as ffprobe's `codec_name` (`h264`, `mjpeg`, `vp9`, `hevc`).
    public let codecName: String
    /// True when the file also has an audio stream.
    public let hasAudio: Bool
    /// Degrees the display matrix rotates the picture counter-clockwise (`av_display_rotation_get`),
    /// as ffprobe's `rotation`; 0 when the file has no display matrix.
    public let rotation: Double
    /// Presentation time of the first frame on the file's clock, seconds.
    public let startTime: Double

    /// Size frames are scaled to (by swscale) before they are returned; nil for the coded size.
    /// Changing it empties the frame cache.
    public var outputSize: (width: Int, height: Int)? {
        didSet {
            if let s = outputSize { precondition(s.width > 0 && s.height > 0, "outputSize must be positive") }
            cache.removeAll()
        }
    }

    /// Exact number of frames (packets of the video stream, as `ffprobe -count_packets`).
    public var frameCount: Int { index.count }

    /// Why indexing stopped before the end of the file (a read error in a damaged or truncated
    /// file); nil when the demuxer reached the end. `frameCount` counts what could be read.
    public var scanError: MediaError? { index.scanError }
    /// Frames the container's header declares (`AVStream.nb_frames`), nil when it does not say.
    /// More than `frameCount` means the data stops early: an MP4 cut after its index, for one.
    public let declaredFrameCount: Int?

    // Decoding state (see VideoReader+Decoding.swift).
    let options: MediaOptions
    var format: FFmpegFormat
    let streamIndex: Int
    let timeBase: AVRational
    let decoder: FFmpegDecoder
    let index: VideoFrameIndex
    let packet = FFmpegPacket()
    let decoded = FFmpegFrame()
    let scaler = FFmpegScaler()
    var cache: VideoFrameCache
    /// Index of the last frame the decoder produced; -1 before the first.
    var position = -1
    /// Seeks made so far (tests check that stepping forward never seeks).
    var seeks = 0

    /// Opens the video at `path` and indexes its frames (`avformat_open_input`,
    /// `avformat_find_stream_info`, `av_read_frame` over the whole stream, `avcodec_open2`).
    ///
    /// Throws `.noVideoStream` for a file without video (cover art does not count),
    /// `.tooManyPixels` when the frame size is over `options.pixelLimit`, and the open errors of
    /// `FFmpeg.check` (`.corrupt`, `.truncated`, ...). `cacheCapacity` frames are kept for stepping back.
    public init(path: String, options: MediaOptions = .default, outputSize: (width: Int, height: Int)? = nil, cacheCapacity: Int = 8) throws {
        try EvidenceFile.preflight(path)
        self.path = path
        self.options = options
        self.outputSize = outputSize
        cache = VideoFrameCache(capacity: cacheCapacity)
        format = try FFmpegFormat(path: path)
        guard let s = format.bestStream(AVMEDIA_TYPE_VIDEO) else { throw MediaError.noVideoStream(path: path) }
        streamIndex = s
        let stream = format.stream(s)
        let par = stream.pointee.codecpar.pointee
        timeBase = stream.pointee.time_base
        width = Int(par.width); height = Int(par.height)
        decoder = try FFmpegDecoder(stream: stream, path: path, options: options)
        codecName = decoder.codecName
        hasAudio = format.bestStream(AVMEDIA_TYPE_AUDIO) != nil
        rotation = Self.rotation(of: stream)
        declaredFrameCount = stream.pointee.nb_frames > 0 ? Int(stream.pointee.nb_frames) : nil

        // Index with a second demuxer, so this one stays at the start for sequential decoding.
        let scan = try FFmpegFormat(path: path)
        index = try VideoFrameIndex(format: scan, stream: s)
        guard index.count > 0 else {
            throw index.scanError ?? MediaError.corrupt(path: path, detail: "the video stream has no frames")
        }
        format.discardAll(except: s)
        startTime = FFmpeg.seconds(index.pts[0], timeBase) ?? 0

        let indexed = FFmpeg.seconds(index.pts[index.count - 1] - index.pts[0], timeBase) ?? 0
        let rate = FFmpeg.double(stream.pointee.avg_frame_rate) ?? FFmpeg.double(stream.pointee.r_frame_rate)
            ?? (indexed > 0 ? Double(index.count - 1) / indexed : 0)
        fps = rate
        duration = FFmpeg.seconds(stream.pointee.duration, timeBase).flatMap { $0 > 0 ? $0 : nil }
            ?? format.duration ?? (rate > 0 ? indexed + 1 / rate : indexed)
    }

    /// Presentation time of frame `i` in seconds from the first frame, without decoding.
    public func time(ofFrame i: Int) throws -> Double {
        guard i >= 0 && i < frameCount else { throw MediaError.frameOutOfRange(index: i, count: frameCount) }
        return FFmpeg.seconds(index.pts[i] - index.pts[0], timeBase) ?? 0
    }

    /// True when frame `i`'s packet is a keyframe, without decoding.
    public func isKeyframe(_ i: Int) throws -> Bool {
        guard i >= 0 && i < frameCount else { throw MediaError.frameOutOfRange(index: i, count: frameCount) }
        return index.isKeyframe(i)
    }

    /// The index of the frame on screen at `seconds` from the first frame (the last frame whose
    /// time is at or before it). Throws `.timeOutOfRange` outside 0...duration.
    public func frameIndex(atTime seconds: Double) throws -> Int {
        guard seconds.isFinite, seconds >= 0, seconds <= max(duration, try time(ofFrame: frameCount - 1)) + 1e-6 else {
            throw MediaError.timeOutOfRange(seconds: seconds, duration: duration)
        }
        let ticks = seconds * Double(timeBase.den) / Double(timeBase.num)
        // A microsecond of slack so a time printed from a frame's pts finds that frame.
        let slack = 1e-6 * Double(timeBase.den) / Double(timeBase.num)
        return index.frame(atOrBefore: index.pts[0] + Int64((ticks + slack).rounded(.down)))
    }

    /// The frame displayed at `seconds` from the first frame. See `frame(at:)`.
    public func frame(atTime seconds: Double) throws -> VideoFrame {
        try frame(at: try frameIndex(atTime: seconds))
    }

    /// The rotation in the stream's display matrix side data (`av_stream_get_side_data`).
    static func rotation(of stream: UnsafeMutablePointer<AVStream>) -> Double {
        var size: Int = 0
        guard let data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size), size >= 36 else { return 0 }
        let degrees = data.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
        guard degrees.isFinite else { return 0 }
        let r = (degrees * 100).rounded() / 100
        return r == 0 ? 0 : r
    }
}
