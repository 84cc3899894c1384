// How `VideoReader` reaches an exact frame: continue decoding when the frame is ahead and no
// keyframe lies between (sequential stepping never seeks), otherwise seek to the keyframe at or
// before it (`av_seek_frame` backward, `avcodec_flush_buffers`) and decode forward until the
// decoder outputs the frame's timestamp. Demuxers whose seek lands after the wanted frame are
// retried from earlier keyframes and finally from the start of the file.
//
// After a seek the decoder is first given the stream's first packet, then the keyframe. Some
// decoders keep state from the start of a stream that later keyframes do not repeat: FFmpeg's H.264
// decoder learns the x264 version from an SEI in the first packet and works around that encoder's
// 4:4:4 bugs only if it saw it (samples/cockatoo-720p.mp4 decodes differently from its second IDR
// without it, and nondeterministically with frame threads). Priming costs one extra decode per seek.
import CFFmpeg

extension VideoReader {
    /// Frame `index` (0-based, presentation order), decoded and converted to RGB.
    ///
    /// Decodes with `avcodec_send_packet`/`avcodec_receive_frame` and converts with
    /// `sws_scale_frame`. Throws `.frameOutOfRange`, or `.corrupt` when the stream ends or skips
    /// before this frame can be decoded (a truncated or damaged file).
    public func frame(at index: Int) throws -> VideoFrame {
        guard index >= 0 && index < frameCount else { throw MediaError.frameOutOfRange(index: index, count: frameCount) }
        if let hit = cache.get(index) { return hit }
        var key = self.index.keyframe(atOrBefore: index)
        let ahead = position < index && key <= position + 1 && !decoder.finished
        if !ahead { try seek(toKeyframe: key) }
        // True until a frame at or after the keyframe comes out (the primer frame comes first).
        var justSought = !ahead
        while true {
            guard try decoder.decodeNext(from: format, stream: streamIndex, packet: packet, into: decoded) else {
                position = frameCount   // drained: the next request seeks
                throw decoder.lastError ?? format.readError ?? MediaError.corrupt(path: path, detail:
                    "frame \(index) of \(frameCount) could not be decoded: the video stream ends or breaks before it")
            }
            let got = frameIndex(of: decoded)
            if got > index && justSought, let earlier = self.index.keyframe(before: key) {
                // The demuxer landed past the frame; start from the keyframe before.
                key = earlier
                try seek(toKeyframe: key)
                continue
            }
            if got >= key { justSought = false }
            position = got
            if got < index { continue }
            guard got == index else {
                throw MediaError.corrupt(path: path, detail: "frame \(index) of \(frameCount) is missing from the decoded stream (damaged data)")
            }
            let image = try scaler.rgb(decoded, size: outputSize, path: path)
            let frame = VideoFrame(index: index, pts: try time(ofFrame: index), isKeyframe: self.index.isKeyframe(index), image: image)
            cache.put(frame)
            return frame
        }
    }

    /// Which frame of the index a decoded picture is.
    private func frameIndex(of frame: FFmpegFrame) -> Int {
        guard index.timestamped, let ts = frame.timestamp else { return position + 1 }
        return index.frame(atOrBefore: ts)
    }

    /// Positions the demuxer at keyframe `key` and resets the decoder. Keyframe 0 (and any
    /// failed seek) reopens the file, which is always exact.
    private func seek(toKeyframe key: Int) throws {
        seeks += 1
        decoder.restart()
        position = key - 1
        if key > 0 {
            do {
                try format.seek(stream: streamIndex, to: index.pts[key])
                if let primer = index.firstPacket { try decoder.send(primer) }
                return
            } catch {}
        }
        position = -1
        format = try FFmpegFormat(path: path)
        format.discardAll(except: streamIndex)
    }
}
