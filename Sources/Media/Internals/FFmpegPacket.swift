// Owner of an `AVPacket` (`av_packet_alloc` / `av_packet_free`): one compressed frame read from
// a container. Reused across reads; `unref` drops the data between them.
import CFFmpeg

final class FFmpegPacket {
    let ptr: UnsafeMutablePointer<AVPacket>

    init() {
        guard let p = av_packet_alloc() else { fatalError("av_packet_alloc: out of memory") }
        ptr = p
    }

    deinit {
        var p: UnsafeMutablePointer<AVPacket>? = ptr
        av_packet_free(&p)
    }

    /// Releases the payload (`av_packet_unref`).
    func unref() { av_packet_unref(ptr) }

    /// A new reference to the same payload (`av_packet_ref`), which outlives this packet's reuse.
    func copy() -> FFmpegPacket {
        let c = FFmpegPacket()
        if av_packet_ref(c.ptr, ptr) < 0 { fatalError("av_packet_ref: out of memory") }
        return c
    }

    var streamIndex: Int { Int(ptr.pointee.stream_index) }
    var isKeyframe: Bool { ptr.pointee.flags & cff_pkt_flag_key() != 0 }
    /// Marked by the demuxer as not to be shown (edit lists trim these).
    var isDiscarded: Bool { ptr.pointee.flags & AV_PKT_FLAG_DISCARD != 0 }
    /// Presentation timestamp, falling back to the decoding timestamp (AVI stores only one).
    var timestamp: Int64? {
        if ptr.pointee.pts != FFmpeg.noPTS { return ptr.pointee.pts }
        if ptr.pointee.dts != FFmpeg.noPTS { return ptr.pointee.dts }
        return nil
    }
}
