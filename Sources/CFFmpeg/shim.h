// FFmpeg 5.1 bridge. Macros Swift cannot import become `cff_` inline functions,
// each with a one-line reason. Only Sources/Media imports this module.
#ifndef DEEPSCAN_CFFMPEG_SHIM_H
#define DEEPSCAN_CFFMPEG_SHIM_H

#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/display.h>
#include <libavutil/opt.h>
#include <libavutil/sha.h>
#include <libavutil/channel_layout.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
#include <libswresample/swresample.h>

// AVERROR(e) is a function-like macro.
static inline int cff_averror(int e) { return AVERROR(e); }
// AVERROR_EOF is built with FFERRTAG, a macro.
static inline int cff_averror_eof(void) { return AVERROR_EOF; }
// AVERROR_INVALIDDATA is built with FFERRTAG, a macro.
static inline int cff_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
// AV_NOPTS_VALUE is an INT64_C macro expression.
static inline int64_t cff_nopts_value(void) { return AV_NOPTS_VALUE; }
// AV_TIME_BASE is a plain macro but imports as Int32; keep the type explicit.
static inline int64_t cff_time_base(void) { return AV_TIME_BASE; }
// AV_PKT_FLAG_KEY is a macro.
static inline int cff_pkt_flag_key(void) { return AV_PKT_FLAG_KEY; }
// AVSEEK_FLAG_* are macros.
static inline int cff_seek_flag_backward(void) { return AVSEEK_FLAG_BACKWARD; }
static inline int cff_seek_flag_any(void) { return AVSEEK_FLAG_ANY; }
// AV_DICT_IGNORE_SUFFIX is a macro; iterating a dictionary needs it.
static inline const AVDictionaryEntry *cff_dict_next(const AVDictionary *d, const AVDictionaryEntry *prev) {
    return av_dict_get(d, "", prev, AV_DICT_IGNORE_SUFFIX);
}
// AVFrame.data / linesize are fixed-size arrays that import as tuples.
static inline uint8_t *cff_frame_data(const AVFrame *f, int plane) { return f->data[plane]; }
static inline int cff_frame_linesize(const AVFrame *f, int plane) { return f->linesize[plane]; }
// AVERROR_* for "option not found" and friends are tags; this one reports a missing decoder.
static inline int cff_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
// SWS_* flags are macros.
static inline int cff_sws_bilinear(void) { return SWS_BILINEAR; }
static inline int cff_sws_area(void) { return SWS_AREA; }
static inline int cff_sws_accurate(void) { return SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT | SWS_BICUBIC; }
static inline int cff_sws_full_chroma(void) { return SWS_FULL_CHR_H_INT; }

#endif
