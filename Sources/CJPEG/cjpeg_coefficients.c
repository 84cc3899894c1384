// The quantised DCT coefficients of one component, as libjpeg's entropy decoder leaves them
// (jpeg_read_coefficients): no dequantisation, no IDCT. What double-quantisation and JPEG-ghost
// analyses read. Blocks are 64 JCOEFs in natural (row-major) order.
#include <stdlib.h>
#include <string.h>
#include "cjpeg_internal.h"

int cjpeg_read_coefficients(const unsigned char *data, size_t size, int component, long long pixel_limit,
                            int16_t **coefs, int *blocks_wide, int *blocks_high, cjpeg_status *status) {
    struct jpeg_decompress_struct c;
    cjpeg_error_mgr err;
    // Written after setjmp and read after a longjmp: must be volatile.
    int16_t *volatile buffer = NULL;
    cjpeg_status_reset(status);
    *coefs = NULL;
    *blocks_wide = *blocks_high = 0;
    c.err = cjpeg_errors(&err, status);
    if (setjmp(err.jump)) {
        free(buffer);
        jpeg_destroy_decompress(&c);
        return CJPEG_ERR_LIBJPEG;
    }
    jpeg_CreateDecompress(&c, JPEG_LIB_VERSION, sizeof c);
    jpeg_mem_src(&c, data, (unsigned long)size);
    jpeg_read_header(&c, TRUE);
    if (pixel_limit > 0 && (long long)c.image_width * c.image_height > pixel_limit) {
        snprintf(status->message, CJPEG_MSG_MAX, "image is %ux%u pixels", c.image_width, c.image_height);
        jpeg_destroy_decompress(&c);
        return CJPEG_ERR_TOO_MANY_PIXELS;
    }
    if (component < 0 || component >= c.num_components) {
        snprintf(status->message, CJPEG_MSG_MAX, "component %d of %d", component, c.num_components);
        jpeg_destroy_decompress(&c);
        return CJPEG_ERR_ARGUMENT;
    }
    jvirt_barray_ptr *arrays = jpeg_read_coefficients(&c);
    jpeg_component_info *ci = &c.comp_info[component];
    JDIMENSION bw = ci->width_in_blocks, bh = ci->height_in_blocks;
    buffer = malloc((size_t)bw * bh * DCTSIZE2 * sizeof(int16_t) + 1);
    if (!buffer) {
        jpeg_destroy_decompress(&c);
        return CJPEG_ERR_NOMEM;
    }
    for (JDIMENSION y = 0; y < bh; y++) {
        JBLOCKARRAY rows = (*c.mem->access_virt_barray)((j_common_ptr)&c, arrays[component], y, 1, FALSE);
        for (JDIMENSION x = 0; x < bw; x++) {
            int16_t *dst = buffer + ((size_t)y * bw + x) * DCTSIZE2;
            for (int k = 0; k < DCTSIZE2; k++) dst[k] = (int16_t)rows[0][x][k];
        }
    }
    jpeg_finish_decompress(&c);
    jpeg_destroy_decompress(&c);
    *coefs = buffer;
    *blocks_wide = (int)bw;
    *blocks_high = (int)bh;
    return CJPEG_OK;
}
