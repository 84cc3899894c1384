// Converts decoded pictures of any pixel format (YUV, palette, grey, 16-bit, with or without
// alpha) to packed 8-bit RGB, optionally resized, with `sws_scale_frame`.
//
// Each `Stage` owns a `SwsContext` (`sws_alloc_context`, `sws_init_context`, `sws_freeContext`) and its output
// `AVFrame`; both are rebuilt only when the source size or format changes, so converting a video
// allocates nothing per frame beyond the returned pixel array. YUV sources use the matrix and range
// their frame declares (BT.709 for HD, full range for JPEG), not swscale's BT.601 default.
//
// Full chroma interpolation is always on: swscale otherwise halves 4:4:4 chroma horizontally for
// packed RGB. At the same size bilinear equals nearest neighbour (exact; fast_bilinear is not);
// shrinking averages areas. 4:2:0 and 4:2:2 take swscale's SIMD path. 4:4:4 has none, and its
// direct conversion to RGB24 costs more than decoding H.264; going through planar GBR and then
// packing is bit-identical and a quarter cheaper, so 8-bit 4:4:4 at the same size goes that way.
//
// Alpha: pictures with an alpha channel are converted to RGBA and composited over white, the way a
// viewer shows a transparent PNG; `RGBImage` has no alpha.
import CFFmpeg

final class FFmpegScaler {
    /// One `sws_scale_frame` step into a reusable frame.
    private final class Stage {
        private var ctx: OpaquePointer?
        let output = FFmpegFrame()
        /// Source width, height, format, colour space, range; output width, height, format.
        private var key: [Int32] = []

        deinit { sws_freeContext(ctx) }

        func run(_ src: UnsafeMutablePointer<AVFrame>, _ ow: Int32, _ oh: Int32, _ ofmt: AVPixelFormat, path: String) throws {
            let s = src.pointee
            let k = [s.width, s.height, s.format, Int32(s.colorspace.rawValue), Int32(s.color_range.rawValue), ow, oh, ofmt.rawValue]
            if key != k {
                let shrinking = ow < s.width || oh < s.height
                let flags = (shrinking ? cff_sws_area() : cff_sws_bilinear()) | cff_sws_full_chroma()
                // sws_alloc_context and options rather than sws_getCachedContext, which cannot set threads.
                sws_freeContext(ctx)
                ctx = sws_alloc_context()
                if let c = ctx {
                    let o = UnsafeMutableRawPointer(c)
                    av_opt_set_int(o, "srcw", Int64(s.width), 0); av_opt_set_int(o, "srch", Int64(s.height), 0)
                    av_opt_set_int(o, "src_format", Int64(s.format), 0)
                    av_opt_set_int(o, "dstw", Int64(ow), 0); av_opt_set_int(o, "dsth", Int64(oh), 0)
                    av_opt_set_int(o, "dst_format", Int64(ofmt.rawValue), 0)
                    av_opt_set_int(o, "sws_flags", Int64(flags), 0)
                    // Slice threads (0 = one per core): the decoder's frame threads leave a core
                    // partly idle, and converting a 4:4:4 frame is the slowest step of the loop.
                    av_opt_set_int(o, "threads", 0, 0)
                    if sws_init_context(c, nil, nil) < 0 { sws_freeContext(c); ctx = nil }
                }
                guard let ctx else {
                    key = []
                    throw MediaError.corrupt(path: path, detail: "cannot convert pixel format \(FFmpegScaler.pixelFormatName(s.format)) to RGB")
                }
                // SWS_CS_* values equal AVColorSpace values for the common matrices.
                let space = Int32(s.colorspace.rawValue)
                let coefficients = sws_getCoefficients(space == 0 || space == 2 ? SWS_CS_DEFAULT : space)
                let fullRange: Int32 = s.color_range == AVCOL_RANGE_JPEG ? 1 : 0
                // Fails harmlessly (returns -1) for RGB and grey sources, which have no matrix.
                _ = sws_setColorspaceDetails(ctx, coefficients, fullRange, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16)
                output.unref()
                output.ptr.pointee.width = ow; output.ptr.pointee.height = oh; output.ptr.pointee.format = ofmt.rawValue
                try FFmpeg.check(av_frame_get_buffer(output.ptr, 0), "allocate RGB frame", path: path)
                key = k
            }
            try FFmpeg.check(sws_scale_frame(ctx, output.ptr, src), "convert to RGB", path: path, context: UnsafeRawPointer(ctx))
        }
    }

    private let direct = Stage(), toPlanar = Stage(), pack = Stage()

    init() { FFmpeg.configure() }

    /// Converts `frame` to RGB at `size` (the frame's own size when nil).
    func rgb(_ frame: FFmpegFrame, size: (width: Int, height: Int)? = nil, path: String) throws -> RGBImage {
        let ow = Int32(size?.width ?? frame.width), oh = Int32(size?.height ?? frame.height)
        guard frame.width > 0, frame.height > 0, ow > 0, oh > 0 else {
            throw MediaError.corrupt(path: path, detail: "decoded picture has no size")
        }
        let desc = av_pix_fmt_desc_get(AVPixelFormat(frame.format))?.pointee
        let hasAlpha = desc.map { $0.flags & UInt64(AV_PIX_FMT_FLAG_ALPHA) != 0 } ?? false
        if hasAlpha {
            try direct.run(frame.ptr, ow, oh, AV_PIX_FMT_RGBA, path: path)
            return copyCompositingAlpha(direct.output)
        }
        if let d = desc, Int(ow) == frame.width, Int(oh) == frame.height, Self.isYUV444x8(d) {
            try toPlanar.run(frame.ptr, ow, oh, AV_PIX_FMT_GBRP, path: path)
            try pack.run(toPlanar.output.ptr, ow, oh, AV_PIX_FMT_RGB24, path: path)
            return copyRGB(pack.output)
        }
        try direct.run(frame.ptr, ow, oh, AV_PIX_FMT_RGB24, path: path)
        return copyRGB(direct.output)
    }

    /// 8-bit YUV without chroma subsampling (yuv444p, yuvj444p).
    private static func isYUV444x8(_ d: AVPixFmtDescriptor) -> Bool {
        d.flags & UInt64(AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL) == 0 && d.nb_components == 3
            && d.log2_chroma_w == 0 && d.log2_chroma_h == 0 && d.comp.0.depth == 8
    }

    private func copyRGB(_ frame: FFmpegFrame) -> RGBImage {
        let width = frame.width, height = frame.height, row = width * 3
        let base = cff_frame_data(frame.ptr, 0)!, stride = Int(cff_frame_linesize(frame.ptr, 0))
        let pixels = [UInt8](unsafeUninitializedCapacity: row * height) { buf, n in
            for y in 0..<height { (buf.baseAddress! + y * row).update(from: base + y * stride, count: row) }
            n = row * height
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    private func copyCompositingAlpha(_ frame: FFmpegFrame) -> RGBImage {
        let width = frame.width, height = frame.height
        let base = cff_frame_data(frame.ptr, 0)!, stride = Int(cff_frame_linesize(frame.ptr, 0))
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
