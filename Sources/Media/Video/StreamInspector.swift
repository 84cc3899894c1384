// Headline facts and metadata of a video or audio file, for `deepscan info`, the report and the
// metadata branch (see MediaInspector). One FFmpeg open (`avformat_open_input`,
// `avformat_find_stream_info`) and one demux pass counting packets per stream, so `frames` is exact
// (like `ffprobe -count_packets`) without decoding anything.
//
// Containers are resolved by their streams: an MP4, MKV or AVI with only audio is `.audio`, with
// a notice, since a "video" file that has no picture is worth a look. Cover art in an MP3 or M4A is
// not video.
import CFFmpeg
import Evidence

enum StreamInspector {
    /// Formats the sniffer names more precisely than FFmpeg's demuxer ("mov,mp4,m4a,3gp,3g2,mj2").
    static let specificFormats: Set = ["mp4", "mov", "m4a", "3gp", "avi", "matroska", "webm", "wav", "flac", "ogg", "opus", "mp3", "aac", "aiff"]

    /// Fills `s` for the video or audio file at `path`. Throws `MediaError` when FFmpeg cannot open
    /// it or it has neither video nor audio.
    static func inspect(path: String, sniffed: Sniffed, options: MediaOptions, into s: inout MediaSummary) throws {
        let format = try FFmpegFormat(path: path)
        let counts = countPackets(format)
        let video = format.bestStream(AVMEDIA_TYPE_VIDEO), audio = format.bestStream(AVMEDIA_TYPE_AUDIO)
        guard video != nil || audio != nil else {
            throw MediaError.corrupt(path: path, detail: "the \(format.formatName) container has no video or audio stream")
        }
        s.format = specificFormats.contains(sniffed.format) ? sniffed.format
            : String(format.formatName.split(separator: ",").first ?? Substring(sniffed.format))

        if let v = video {
            s.media = .video
            let st = format.stream(v), par = st.pointee.codecpar.pointee
            s.width = Int(par.width); s.height = Int(par.height)
            s.frames = counts.shown[v]
            let duration = FFmpeg.seconds(st.pointee.duration, st.pointee.time_base).flatMap { $0 > 0 ? $0 : nil } ?? format.duration
            s.fps = FFmpeg.double(st.pointee.avg_frame_rate) ?? FFmpeg.double(st.pointee.r_frame_rate)
                ?? duration.flatMap { $0 > 0 ? Double(counts.shown[v]) / $0 : nil }
            s.duration = duration
            s.hasAudio = audio != nil
        } else if let a = audio {
            s.media = .audio
            let st = format.stream(a), par = st.pointee.codecpar.pointee
            s.sampleRate = Int(par.sample_rate)
            s.channels = Int(par.ch_layout.nb_channels)
            s.duration = FFmpeg.seconds(st.pointee.duration, st.pointee.time_base).flatMap { $0 > 0 ? $0 : nil } ?? format.duration
            if sniffed.kind == .video {
                s.findings.append(Finding(code: "container-no-video", severity: .notice,
                    message: "The \(s.format) container has no video stream, only audio; it is treated as an audio file.",
                    source: "media"))
            }
        }
        // Video only: for audio, nb_frames counts samples in some containers (AVI PCM) and packets in others.
        for i in 0..<format.streamCount where format.type(of: i) == AVMEDIA_TYPE_VIDEO && !format.isAttachedPicture(i) {
            let declared = Int(format.stream(i).pointee.nb_frames)
            if declared > counts.packets[i] {
                s.findings.append(Finding(code: "stream-truncated", severity: .warning,
                    message: "Stream \(i) declares \(declared) frames in the container's header, but only \(counts.packets[i]) can be read: the data stops early (a cut or partial copy).",
                    source: "media", location: "streams[\(i)]"))
            }
        }
        if let e = counts.error {
            s.findings.append(Finding(code: "stream-read-error", severity: .warning,
                message: "Reading the streams stopped early (\(e.description)); counts and durations cover only what could be read.",
                source: "media"))
        }

        s.metadata.set("container", containerGroup(format))
        s.metadata.set("streams", .list((0..<format.streamCount).map { .group(streamGroup(format, $0, frames: counts.packets[$0])) }))
        if format.chapterCount > 0 {
            s.metadata.set("chapters", .list((0..<format.chapterCount).map { .group(chapterGroup(format.chapter($0))) }))
        }
    }

    /// Packets per stream over the whole file (`av_read_frame`): all of them, as ffprobe's
    /// `nb_read_packets` (the metadata's `frames`), and those shown, without the packets an edit
    /// list discards, as `VideoReader.frameCount` (the summary's `frames`). Also the error that
    /// stopped the pass, if it was not the end of the file.
    static func countPackets(_ format: FFmpegFormat) -> (packets: [Int], shown: [Int], error: MediaError?) {
        var packets = [Int](repeating: 0, count: format.streamCount), shown = packets
        let packet = FFmpegPacket()
        while (try? format.read(into: packet)) == true {
            let i = packet.streamIndex
            guard i >= 0 && i < packets.count else { continue }
            packets[i] += 1
            if !packet.isDiscarded { shown[i] += 1 }
        }
        return (packets, shown, format.readError)
    }
}
