// libjpeg-turbo bridge. libjpeg reports fatal errors by longjmp, which Swift cannot catch, so every
// call that may fail lives in a .c file of this target behind setjmp and returns 0 or a CJPEG_ERR_*
// code; libjpeg's own words go into the caller's `cjpeg_status`. Warnings about corrupt data
// (a truncated file: "Premature end of JPEG file") are counted there too, never dropped.
// Only Sources/Media imports this module.
#ifndef DEEPSCAN_CJPEG_H
#define DEEPSCAN_CJPEG_H
#include <stddef.h>
#include <stdint.h>

#define CJPEG_OK 0
/// libjpeg raised a fatal error; `status.message` has its text.
#define CJPEG_ERR_LIBJPEG 1
/// width * height is over the caller's pixel limit (checked before any pixel buffer exists).
#define CJPEG_ERR_TOO_MANY_PIXELS 2
#define CJPEG_ERR_NOMEM 3
/// A bad argument from the caller (component out of range, buffer of the wrong size).
#define CJPEG_ERR_ARGUMENT 4

#define CJPEG_MSG_MAX 200
#define CJPEG_MAX_COMPONENTS 10
#define CJPEG_MAX_MARKERS 64
#define CJPEG_MARKER_PREFIX 32

/// Outcome details of one call: error text and the warnings libjpeg emitted.
typedef struct {
    /// Text of the fatal error when the call returned non-zero.
    char message[CJPEG_MSG_MAX];
    /// Number of warnings (corrupt data) libjpeg emitted.
    int warning_count;
    /// 1 when libjpeg ran out of data ("Premature end of JPEG file"): the file is truncated.
    int premature_end;
    /// Text of the last warning.
    char last_warning[CJPEG_MSG_MAX];
} cjpeg_status;

/// An APPn or COM marker seen before the first scan (recorded by jpeg_save_markers).
typedef struct {
    int code;                 ///< 0xE0...0xEF for APP0...APP15, 0xFE for COM
    unsigned int length;      ///< payload length in bytes (without the 2 length bytes)
    int prefix_length;        ///< how many bytes of `prefix` are valid
    unsigned char prefix[CJPEG_MARKER_PREFIX]; ///< first bytes of the payload ("Exif\0\0", "JFIF\0", ...)
} cjpeg_marker;

/// What the headers (and optionally the entropy-coded data) of a JPEG say.
typedef struct {
    int width, height, components;
    int color_space;          ///< J_COLOR_SPACE: 1 grey, 2 RGB, 3 YCbCr, 4 CMYK, 5 YCCK, 0 unknown
    int precision;            ///< bits per sample (8 or 12)
    int progressive, arithmetic;
    int restart_interval;     ///< MCUs between restart markers, 0 if none
    int saw_jfif, density_unit, x_density, y_density;
    int saw_adobe, adobe_transform;
    int component_id[CJPEG_MAX_COMPONENTS];
    int h_samp[CJPEG_MAX_COMPONENTS], v_samp[CJPEG_MAX_COMPONENTS];
    int quant_index[CJPEG_MAX_COMPONENTS];   ///< which table each component uses
    int quant_present[4];
    uint16_t quant[4 * 64];   ///< tables 0...3, each 64 steps in natural (row-major) order
    int marker_count;         ///< entries used in `markers`
    int markers_total;        ///< markers seen (may exceed CJPEG_MAX_MARKERS)
    cjpeg_marker markers[CJPEG_MAX_MARKERS];
    int scanned;              ///< 1 when the entropy-coded data was read to the end
    long trailing_bytes;      ///< bytes after EOI (only when scanned)
} cjpeg_info;

/// Version of the linked libjpeg API (JPEG_LIB_VERSION).
int cjpeg_lib_version(void);

/// Reads headers from memory: jpeg_CreateDecompress, jpeg_save_markers, jpeg_read_header. With
/// `scan` set it also decodes at 1/8 scale (jpeg_start_decompress, jpeg_read_scanlines) so that
/// truncation and corrupt data show up as warnings; `pixel_limit` (0: none) guards that step.
int cjpeg_read_info(const unsigned char *data, size_t size, int scan, long long pixel_limit,
                    cjpeg_info *info, cjpeg_status *status);

/// Decodes to interleaved 8-bit RGB into `out` (`out_size` must be width*height*3). YCbCr, grey and
/// RGB go through JCS_EXT_RGB; CMYK/YCCK are read as CMYK and converted here (Adobe-inverted when
/// an Adobe marker is present). Refuses with CJPEG_ERR_TOO_MANY_PIXELS before decoding.
int cjpeg_decode_rgb(const unsigned char *data, size_t size, long long pixel_limit,
                     unsigned char *out, size_t out_size, cjpeg_status *status);

/// Quantised DCT coefficients of one component (jpeg_read_coefficients). On success `*coefs` holds
/// blocks_high rows of blocks_wide blocks, 64 values each in natural order; free with cjpeg_free.
int cjpeg_read_coefficients(const unsigned char *data, size_t size, int component, long long pixel_limit,
                            int16_t **coefs, int *blocks_wide, int *blocks_high, cjpeg_status *status);

/// Encodes interleaved RGB at `quality` (1...100) with the standard IJG tables and 4:2:0 sampling
/// into a malloc'd buffer (jpeg_mem_dest, jpeg_set_quality); free `*out` with cjpeg_free.
int cjpeg_encode_rgb(const unsigned char *rgb, int width, int height, int quality,
                     unsigned char **out, unsigned long *out_size, cjpeg_status *status);

/// Frees a buffer returned by this module.
void cjpeg_free(void *p);

#endif
