// Reading JPEG headers and decoding to RGB from memory. Each function owns one
// jpeg_decompress_struct for the length of the call, sets up the error manager and a setjmp
// landing point, and destroys the struct on every path. Buffers handed out are the caller's.
#include <stdlib.h>
#include <string.h>
#include "cjpeg_internal.h"

static int too_many(long long w, long long h, long long limit) {
    return limit > 0 && w * h > limit;
}

/// Opens `data` and reads up to the first SOS. Marker prefixes are kept for `info`.
static void open_source(j_decompress_ptr c, const unsigned char *data, size_t size) {
    jpeg_CreateDecompress(c, JPEG_LIB_VERSION, sizeof *c);
    jpeg_mem_src(c, data, (unsigned long)size);
    jpeg_save_markers(c, JPEG_COM, CJPEG_MARKER_PREFIX);
    for (int m = 0; m < 16; m++) jpeg_save_markers(c, JPEG_APP0 + m, CJPEG_MARKER_PREFIX);
    jpeg_read_header(c, TRUE);
}

static void copy_info(j_decompress_ptr c, cjpeg_info *info) {
    info->width = (int)c->image_width;
    info->height = (int)c->image_height;
    info->components = c->num_components;
    info->color_space = (int)c->jpeg_color_space;
    info->precision = c->data_precision;
    info->progressive = c->progressive_mode ? 1 : 0;
    info->arithmetic = c->arith_code ? 1 : 0;
    info->restart_interval = (int)c->restart_interval;
    info->saw_jfif = c->saw_JFIF_marker ? 1 : 0;
    info->density_unit = c->density_unit;
    info->x_density = c->X_density;
    info->y_density = c->Y_density;
    info->saw_adobe = c->saw_Adobe_marker ? 1 : 0;
    info->adobe_transform = c->Adobe_transform;
    for (int i = 0; i < c->num_components && i < CJPEG_MAX_COMPONENTS; i++) {
        jpeg_component_info *ci = &c->comp_info[i];
        info->component_id[i] = ci->component_id;
        info->h_samp[i] = ci->h_samp_factor;
        info->v_samp[i] = ci->v_samp_factor;
        info->quant_index[i] = ci->quant_tbl_no;
    }
    for (int t = 0; t < 4; t++) {
        JQUANT_TBL *q = c->quant_tbl_ptrs[t];
        if (!q) continue;
        info->quant_present[t] = 1;
        // libjpeg keeps quantval in natural order (it un-zigzags the DQT marker when reading).
        for (int k = 0; k < 64; k++) info->quant[t * 64 + k] = q->quantval[k];
    }
    for (jpeg_saved_marker_ptr m = c->marker_list; m; m = m->next) {
        info->markers_total++;
        if (info->marker_count >= CJPEG_MAX_MARKERS) continue;
        cjpeg_marker *out = &info->markers[info->marker_count++];
        out->code = m->marker;
        out->length = m->original_length;
        out->prefix_length = (int)(m->data_length < CJPEG_MARKER_PREFIX ? m->data_length : CJPEG_MARKER_PREFIX);
        memcpy(out->prefix, m->data, (size_t)out->prefix_length);
    }
}

int cjpeg_read_info(const unsigned char *data, size_t size, int scan, long long pixel_limit,
                    cjpeg_info *info, cjpeg_status *status) {
    struct jpeg_decompress_struct c;
    cjpeg_error_mgr err;
    cjpeg_status_reset(status);
    memset(info, 0, sizeof *info);
    c.err = cjpeg_errors(&err, status);
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&c);
        return CJPEG_ERR_LIBJPEG;
    }
    open_source(&c, data, size);
    copy_info(&c, info);
    if (scan) {
        if (too_many(c.image_width, c.image_height, pixel_limit)) {
            jpeg_destroy_decompress(&c);
            return CJPEG_ERR_TOO_MANY_PIXELS;
        }
        // Decoding at 1/8 scale still reads every entropy-coded byte, so truncation and corrupt
        // data raise their warnings, at a fraction of the cost of a full decode.
        c.scale_num = 1;
        c.scale_denom = 8;
        c.dct_method = JDCT_IFAST;
        c.do_fancy_upsampling = FALSE;
        jpeg_start_decompress(&c);
        JSAMPARRAY row = (*c.mem->alloc_sarray)((j_common_ptr)&c, JPOOL_IMAGE,
                                                c.output_width * (JDIMENSION)c.output_components, 1);
        while (c.output_scanline < c.output_height) jpeg_read_scanlines(&c, row, 1);
        jpeg_finish_decompress(&c);
        info->scanned = 1;
        info->trailing_bytes = status->premature_end ? 0 : (long)c.src->bytes_in_buffer;
    }
    jpeg_destroy_decompress(&c);
    return CJPEG_OK;
}

/// CMYK (or YCCK decoded to CMYK) row to RGB. Adobe writes inverted CMYK (0 = full ink), which is
/// what libjpeg hands back whenever an Adobe marker is present.
static void cmyk_to_rgb(const JSAMPLE *in, unsigned char *out, JDIMENSION width, int inverted) {
    for (JDIMENSION x = 0; x < width; x++, in += 4, out += 3) {
        int C = in[0], M = in[1], Y = in[2], K = in[3];
        if (!inverted) { C = 255 - C; M = 255 - M; Y = 255 - Y; K = 255 - K; }
        out[0] = (unsigned char)((C * K + 127) / 255);
        out[1] = (unsigned char)((M * K + 127) / 255);
        out[2] = (unsigned char)((Y * K + 127) / 255);
    }
}

int cjpeg_decode_rgb(const unsigned char *data, size_t size, long long pixel_limit,
                     unsigned char *out, size_t out_size, cjpeg_status *status) {
    struct jpeg_decompress_struct c;
    cjpeg_error_mgr err;
    cjpeg_status_reset(status);
    c.err = cjpeg_errors(&err, status);
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&c);
        return CJPEG_ERR_LIBJPEG;
    }
    open_source(&c, data, size);
    if (too_many(c.image_width, c.image_height, pixel_limit)) {
        snprintf(status->message, CJPEG_MSG_MAX, "image is %ux%u pixels", c.image_width, c.image_height);
        jpeg_destroy_decompress(&c);
        return CJPEG_ERR_TOO_MANY_PIXELS;
    }
    if ((size_t)c.image_width * c.image_height * 3 != out_size) {
        snprintf(status->message, CJPEG_MSG_MAX, "output buffer of %zu bytes for %ux%u RGB", out_size, c.image_width, c.image_height);
        jpeg_destroy_decompress(&c);
        return CJPEG_ERR_ARGUMENT;
    }
    int cmyk = c.jpeg_color_space == JCS_CMYK || c.jpeg_color_space == JCS_YCCK;
    c.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGB;
    jpeg_start_decompress(&c);
    size_t stride = (size_t)c.output_width * 3;
    if (cmyk) {
        JSAMPARRAY row = (*c.mem->alloc_sarray)((j_common_ptr)&c, JPOOL_IMAGE, c.output_width * 4, 1);
        while (c.output_scanline < c.output_height) {
            unsigned char *dst = out + stride * c.output_scanline;
            jpeg_read_scanlines(&c, row, 1);
            cmyk_to_rgb(row[0], dst, c.output_width, c.saw_Adobe_marker);
        }
    } else {
        while (c.output_scanline < c.output_height) {
            JSAMPROW row = out + stride * c.output_scanline;
            jpeg_read_scanlines(&c, &row, 1);
        }
    }
    jpeg_finish_decompress(&c);
    jpeg_destroy_decompress(&c);
    return CJPEG_OK;
}
