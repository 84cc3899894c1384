// The metadata tree of a video or audio file, named as ffprobe names it so an analyst can compare
// the two: `container` (ffprobe's `format` section), `streams` (one group per stream) and
// `chapters`. Tags (creation_time, encoder, handler_name, major_brand, ...) sit in the group they
// belong to, beside the fields, as ffprobe's default output shows them; a tag whose name clashes
// with a field is kept as `tag:<name>`.
import CFFmpeg
import Evidence

extension StreamInspector {
    /// `format_name`, `format_long_name`, `duration`, `bit_rate`, `start_time`, `nb_streams`, tags.
    static func containerGroup(_ f: FFmpegFormat) -> MetadataGroup {
        var g = MetadataGroup()
        g.set("format_name", f.formatName)
        g.set("format_long_name", f.formatLongName)
        g.set("duration", f.duration)
        g.set("bit_rate", f.bitRate)
        g.set("start_time", f.startTime)
        g.set("nb_streams", f.streamCount)
        g.set("nb_chapters", f.chapterCount > 0 ? f.chapterCount : nil)
        addTags(f.tags, to: &g)
        return g
    }

    /// One stream: codec, picture or sound parameters, timing, disposition and tags.
    static func streamGroup(_ f: FFmpegFormat, _ i: Int, frames: Int) -> MetadataGroup {
        let st = f.stream(i), par = st.pointee.codecpar.pointee
        let tb = st.pointee.time_base
        var g = MetadataGroup()
        g.set("index", i)
        g.set("type", av_get_media_type_string(par.codec_type).map { String(cString: $0) })
        g.set("codec", String(cString: avcodec_get_name(par.codec_id)))
        g.set("codec_long_name", avcodec_descriptor_get(par.codec_id)?.pointee.long_name.map { String(cString: $0) })
        g.set("profile", avcodec_profile_name(par.codec_id, par.profile).map { String(cString: $0) })
        switch par.codec_type {
        case AVMEDIA_TYPE_VIDEO:
            g.set("pix_fmt", av_get_pix_fmt_name(AVPixelFormat(par.format)).map { String(cString: $0) })
            g.set("width", Int(par.width))
            g.set("height", Int(par.height))
            g.set("fps", FFmpeg.double(st.pointee.avg_frame_rate))
            let rotation = VideoReader.rotation(of: st)
            if rotation != 0 { g.set("rotation", rotation) }
        case AVMEDIA_TYPE_AUDIO:
            g.set("sample_fmt", av_get_sample_fmt_name(AVSampleFormat(par.format)).map { String(cString: $0) })
            g.set("sample_rate", Int(par.sample_rate))
            g.set("channels", Int(par.ch_layout.nb_channels))
            g.set("channel_layout", channelLayout(par.ch_layout))
        default: break
        }
        g.set("time_base", "\(tb.num)/\(tb.den)")
        g.set("bit_rate", par.bit_rate > 0 ? par.bit_rate : nil)
        g.set("start_time", FFmpeg.seconds(st.pointee.start_time, tb))
        g.set("duration", FFmpeg.seconds(st.pointee.duration, tb))
        g.set("frames", frames)
        let flags = dispositions(st.pointee.disposition)
        if !flags.isEmpty { g.set("disposition", .list(flags.map { .string($0) })) }
        addTags(FFmpeg.entries(st.pointee.metadata), to: &g)
        return g
    }

    /// `id`, `start`, `end` (seconds) and the chapter's tags (usually `title`).
    static func chapterGroup(_ c: UnsafeMutablePointer<AVChapter>) -> MetadataGroup {
        var g = MetadataGroup()
        g.set("id", c.pointee.id)
        g.set("start", FFmpeg.seconds(c.pointee.start, c.pointee.time_base))
        g.set("end", FFmpeg.seconds(c.pointee.end, c.pointee.time_base))
        addTags(FFmpeg.entries(c.pointee.metadata), to: &g)
        return g
    }

    static func addTags(_ tags: [(key: String, value: String)], to g: inout MetadataGroup) {
        for (k, v) in tags { g.set(g[k] == nil ? k : "tag:\(k)", v) }
    }

    /// `av_channel_layout_describe` ("mono", "stereo", "5.1"); nil for an unspecified layout.
    static func channelLayout(_ layout: AVChannelLayout) -> String? {
        guard layout.order != AV_CHANNEL_ORDER_UNSPEC else { return nil }
        var l = layout
        var buf = [CChar](repeating: 0, count: 64)
        guard av_channel_layout_describe(&l, &buf, buf.count) > 0 else { return nil }
        return FFmpeg.string(buf)
    }

    /// Names of the disposition flags set (`av_disposition_to_string`): default, attached_pic, ...
    static func dispositions(_ d: Int32) -> [String] {
        (0..<31).compactMap { bit in
            let flag = Int32(1) << Int32(bit)
            guard d & flag != 0 else { return nil }
            return av_disposition_to_string(flag).map { String(cString: $0) }
        }
    }
}
