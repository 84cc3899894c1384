// Still images to RGB: PNG, GIF (first frame), BMP, WebP, TIFF and, until the libjpeg decoder
// takes over, JPEG, all through FFmpeg's image demuxers (`png_pipe`, `gif`, `bmp_pipe`,
// `webp_pipe`, `tiff_pipe`, `jpeg_pipe`) and decoders.
//
// The size declared in the file's header is checked against `MediaOptions.pixelLimit` before
// FFmpeg sees the file (ImageDecoder+Header.swift), so a 100000×100000 PNG is refused without
// allocating anything. Any pixel format comes out as 8-bit RGB: 16-bit and grey are converted,
// palettes expanded, and alpha is composited over white (see FFmpegScaler).
import CFFmpeg
import Foundation

/// Decodes still images to `RGBImage`.
public enum ImageDecoder {
    /// How an image format is decoded. The one place that chooses a decoder per format.
    enum Backend: Equatable {
        /// FFmpeg with this demuxer.
        case ffmpeg(demuxer: String)
    }

    /// The decoder for a sniffed image format, nil when none is available.
    /// A `JPEGDecoder` (libjpeg) will replace FFmpeg's mjpeg decoder for `jpeg` here.
    static func backend(for format: String) -> Backend? {
        switch format {
        case "jpeg": return .ffmpeg(demuxer: "jpeg_pipe")
        case "png": return .ffmpeg(demuxer: "png_pipe")
        case "gif": return .ffmpeg(demuxer: "gif")
        case "bmp": return .ffmpeg(demuxer: "bmp_pipe")
        case "webp": return .ffmpeg(demuxer: "webp_pipe")
        case "tiff": return .ffmpeg(demuxer: "tiff_pipe")
        default:
            // Other formats FFmpeg's prober recognised (Sniffer drops the "_pipe" suffix).
            FFmpeg.configure()
            return av_find_input_format(format + "_pipe") != nil ? .ffmpeg(demuxer: format + "_pipe") : nil
        }
    }

    /// Decodes the image at `path` to RGB (the first frame of an animated GIF).
    ///
    /// Calls `avformat_open_input` with the format's image demuxer, then `avcodec_send_packet` /
    /// `avcodec_receive_frame` and `sws_scale_frame` to RGB24. Throws `MediaError`:
    /// `.tooManyPixels` when the header declares more than `options.pixelLimit` pixels,
    /// `.unrecognised` when the content is not an image, `.corrupt`/`.truncated` when it does not decode.
    public static func decode(path: String, options: MediaOptions = .default) throws -> RGBImage {
        try EvidenceFile.preflight(path)
        let head = try EvidenceFile.head(path)
        guard let sniffed = Sniffer.sniff(head: head) else {
            throw MediaError.unrecognised(path: path, hint: Sniffer.hint(head))
        }
        guard sniffed.kind == .image, let backend = backend(for: sniffed.format) else {
            throw MediaError.unrecognised(path: path, hint: "\(Sniffer.hint(head)), which is \(sniffed.kind.rawValue) (\(sniffed.format)), not an image")
        }
        if let size = try declaredSize(path: path, format: sniffed.format, head: head) {
            try checkLimit(size, path: path, options: options)
        }
        switch backend {
        case .ffmpeg(let demuxer): return try decodeWithFFmpeg(path: path, demuxer: demuxer, options: options)
        }
    }

    /// Throws `.tooManyPixels` when `size` is over the limit.
    static func checkLimit(_ size: (width: Int, height: Int), path: String, options: MediaOptions) throws {
        // Multiply in a way that cannot overflow for 32-bit header fields.
        let (pixels, overflow) = size.width.multipliedReportingOverflow(by: size.height)
        if overflow || pixels > options.pixelLimit {
            throw MediaError.tooManyPixels(path: path, width: size.width, height: size.height, limit: options.pixelLimit)
        }
    }

    /// The FFmpeg path: demux one packet, decode it, convert to RGB.
    static func decodeWithFFmpeg(path: String, demuxer: String, options: MediaOptions) throws -> RGBImage {
        // Stream info is not needed: the image demuxers name the codec, and finding it would decode twice.
        let format = try FFmpegFormat(path: path, format: demuxer, findStreamInfo: false)
        guard let index = format.bestStream(AVMEDIA_TYPE_VIDEO) else {
            throw MediaError.corrupt(path: path, detail: "no picture found by the \(demuxer) reader")
        }
        format.discardAll(except: index)
        let decoder = try FFmpegDecoder(stream: format.stream(index), path: path, options: options, threads: 1)
        let packet = FFmpegPacket(), frame = FFmpegFrame()
        guard try decoder.decodeNext(from: format, stream: index, packet: packet, into: frame) else {
            if let e = decoder.lastError ?? format.readError { throw e }
            throw MediaError.truncated(path: path, detail: "no complete picture in the file")
        }
        try checkLimit((frame.width, frame.height), path: path, options: options)
        return try FFmpegScaler().rgb(frame, path: path)
    }
}
