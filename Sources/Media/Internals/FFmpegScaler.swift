// Owner of a `SwsContext`: converts decoded pictures of any pixel format (YUV, palette, grey,
// 16-bit, with or without alpha) to packed 8-bit RGB, optionally resized, with `sws_scale_frame`.
//
// The context is rebuilt only when the source size or format changes (`sws_getCachedContext`), and
// the output `AVFrame` is reused, so converting a video costs no allocation per frame beyond the
// returned pixel array. YUV sources use the matrix and range their frame declares (BT.709 for HD,
// full range for JPEG), not swscale's BT.601 default.
//
// Alpha: pictures with an alpha channel are converted to RGBA and composited over white, the way a
// viewer shows a transparent PNG; `RGBImage` has no alpha.
import CFFmpeg

final class FFmpegScaler {
    private var ctx: OpaquePointer?
    private let output = FFmpegFrame()
    /// Source width, height, format, output width, height, format, colour space, range.
    private var key: [Int32] = []

    init() { FFmpeg.configure() }

    deinit { sws_freeContext(ctx) }

    /// Converts `frame` to RGB at `size` (the frame's own size when nil).
    func rgb(_ frame: FFmpegFrame, size: (width: Int, height: Int)? = nil, path: String) throws -> RGBImage {
        let src = frame.ptr
        let ow = Int32(size?.width ?? frame.width), oh = Int32(size?.height ?? frame.height)
        guard frame.width > 0, frame.height > 0, ow > 0, oh > 0 else {
            throw MediaError.corrupt(path: path, detail: "decoded picture has no size")
        }
        let hasAlpha = av_pix_fmt_desc_get(AVPixelFormat(frame.format))
            .map { $0.pointee.flags & UInt64(AV_PIX_FMT_FLAG_ALPHA) != 0 } ?? false
        let ofmt = hasAlpha ? AV_PIX_FMT_RGBA : AV_PIX_FMT_RGB24
        try configure(src, ow: ow, oh: oh, ofmt: ofmt, path: path)
        try FFmpeg.check(sws_scale_frame(ctx, output.ptr, src), "convert to RGB", path: path, context: UnsafeRawPointer(ctx))
        return hasAlpha ? copyCompositingAlpha(ow, oh) : copyRGB(ow, oh)
    }

    private func configure(_ src: UnsafeMutablePointer<AVFrame>, ow: Int32, oh: Int32, ofmt: AVPixelFormat, path: String) throws {
        let k = [src.pointee.width, src.pointee.height, src.pointee.format, ow, oh, ofmt.rawValue,
                 Int32(src.pointee.colorspace.rawValue), Int32(src.pointee.color_range.rawValue)]
        if key == k { return }
        // Full chroma interpolation keeps 4:4:4 chroma whole (swscale otherwise halves it
        // horizontally for packed RGB output). At the same size bilinear is exact (it equals
        // nearest neighbour; fast_bilinear is not, for 4:4:4 and 16-bit sources); shrinking
        // averages areas. For 4:2:0 and 4:2:2 swscale takes its SIMD path whatever the flags;
        // for 4:4:4 it has none, and converting costs more than decoding (see BenchCommand+Decode).
        let shrinking = ow < src.pointee.width || oh < src.pointee.height
        let flags = (shrinking ? cff_sws_area() : cff_sws_bilinear()) | cff_sws_full_chroma()
        ctx = sws_getCachedContext(ctx, src.pointee.width, src.pointee.height, AVPixelFormat(src.pointee.format),
                                   ow, oh, ofmt, flags, nil, nil, nil)
        guard let ctx else {
            key = []
            throw MediaError.corrupt(path: path, detail: "cannot convert pixel format \(Self.pixelFormatName(src.pointee.format)) to RGB")
        }
        // The YUV matrix of the frame (SWS_CS_* values equal AVColorSpace values for the common ones).
        let space = Int32(src.pointee.colorspace.rawValue)
        let coefficients = sws_getCoefficients(space == 0 || space == 2 ? SWS_CS_DEFAULT : space)
        let fullRange: Int32 = src.pointee.color_range == AVCOL_RANGE_JPEG ? 1 : 0
        // Fails harmlessly (returns -1) for RGB and grey sources, which have no matrix.
        _ = sws_setColorspaceDetails(ctx, coefficients, fullRange, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16)
        // A new size or format needs a new output buffer.
        output.unref()
        output.ptr.pointee.width = ow; output.ptr.pointee.height = oh; output.ptr.pointee.format = ofmt.rawValue
        try FFmpeg.check(av_frame_get_buffer(output.ptr, 0), "allocate RGB frame", path: path)
        key = k
    }

    private func copyRGB(_ w: Int32, _ h: Int32) -> RGBImage {
        let width = Int(w), height = Int(h), row = width * 3
        let base = cff_frame_data(output.ptr, 0)!, stride = Int(cff_frame_linesize(output.ptr, 0))
        let pixels = [UInt8](unsafeUninitializedCapacity: row * height) { buf, n in
            for y in 0..<height { (buf.baseAddress! + y * row).update(from: base + y * stride, count: row) }
            n = row * height
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    private func copyCompositingAlpha(_ w: Int32, _ h: Int32) -> RGBImage {
        let width = Int(w), height = Int(h)
        let base = cff_frame_data(output.ptr, 0)!, stride = Int(cff_frame_linesize(output.ptr, 0))
        let pixels = [UInt8](unsafeUninitializedCapacity: width * height * 3) { buf, n in
            for y in 0..<height {
                let s = base + y * stride
                for x in 0..<width {
                    let a = UInt32(s[4 * x + 3]), o = (y * width + x) * 3
                    for c in 0..<3 {   // over white: c*a + 255*(1-a), rounded
                        buf[o + c] = UInt8((UInt32(s[4 * x + c]) * a + 255 * (255 - a) + 127) / 255)
                    }
                }
            }
            n = width * height * 3
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    static func pixelFormatName(_ format: Int32) -> String {
        av_get_pix_fmt_name(AVPixelFormat(format)).map { String(cString: $0) } ?? "unknown"
    }
}
