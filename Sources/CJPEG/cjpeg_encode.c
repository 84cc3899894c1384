// Encoding RGB to JPEG in memory with the standard IJG tables scaled by quality (jpeg_set_quality),
// as cjpeg does: the re-compression that error level analysis compares an image against.
#include <stdlib.h>
#include <string.h>
#include "cjpeg_internal.h"

int cjpeg_encode_rgb(const unsigned char *rgb, int width, int height, int quality,
                     unsigned char **out, unsigned long *out_size, cjpeg_status *status) {
    struct jpeg_compress_struct c;
    cjpeg_error_mgr err;
    // jpeg_mem_dest allocates and grows this buffer; on error it is ours to free.
    unsigned char *volatile buffer = NULL;
    unsigned long size = 0;
    cjpeg_status_reset(status);
    *out = NULL;
    *out_size = 0;
    if (width <= 0 || height <= 0 || quality < 1 || quality > 100) {
        snprintf(status->message, CJPEG_MSG_MAX, "encode %dx%d at quality %d", width, height, quality);
        return CJPEG_ERR_ARGUMENT;
    }
    c.err = cjpeg_errors(&err, status);
    if (setjmp(err.jump)) {
        jpeg_destroy_compress(&c);
        free(buffer);
        return CJPEG_ERR_LIBJPEG;
    }
    jpeg_CreateCompress(&c, JPEG_LIB_VERSION, sizeof c);
    jpeg_mem_dest(&c, (unsigned char **)&buffer, &size);
    c.image_width = (JDIMENSION)width;
    c.image_height = (JDIMENSION)height;
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, quality, TRUE);
    jpeg_start_compress(&c, TRUE);
    size_t stride = (size_t)width * 3;
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = (JSAMPROW)(rgb + stride * c.next_scanline);
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    *out = buffer;
    *out_size = size;
    return CJPEG_OK;
}
