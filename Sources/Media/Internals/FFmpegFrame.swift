// Owner of an `AVFrame` (`av_frame_alloc` / `av_frame_free`): one decoded picture or block of
// audio samples. Reused across decodes (the decoder unrefs it on each `avcodec_receive_frame`).
import CFFmpeg

final class FFmpegFrame {
    let ptr: UnsafeMutablePointer<AVFrame>

    init() {
        guard let p = av_frame_alloc() else { fatalError("av_frame_alloc: out of memory") }
        ptr = p
    }

    deinit {
        var p: UnsafeMutablePointer<AVFrame>? = ptr
        av_frame_free(&p)
    }

    func unref() { av_frame_unref(ptr) }

    var width: Int { Int(ptr.pointee.width) }
    var height: Int { Int(ptr.pointee.height) }
    /// `AVPixelFormat` or `AVSampleFormat` raw value.
    var format: Int32 { ptr.pointee.format }
    var sampleCount: Int { Int(ptr.pointee.nb_samples) }

    /// The decoder's best guess of the presentation time (`best_effort_timestamp`, then `pts`).
    var timestamp: Int64? {
        if ptr.pointee.best_effort_timestamp != FFmpeg.noPTS { return ptr.pointee.best_effort_timestamp }
        if ptr.pointee.pts != FFmpeg.noPTS { return ptr.pointee.pts }
        return nil
    }

    /// FFmpeg 5.1 has no `AV_FRAME_FLAG_KEY`; `key_frame` is the field.
    var isKeyframe: Bool { ptr.pointee.key_frame != 0 }
}
