// libexif bridge. Only Sources/Media imports this module.
#ifndef DEEPSCAN_CEXIF_SHIM_H
#define DEEPSCAN_CEXIF_SHIM_H
#include <stddef.h>
#include <libexif/exif-data.h>
#include <libexif/exif-loader.h>
#include <libexif/exif-utils.h>
#include <libexif/exif-tag.h>
#include <libexif/exif-ifd.h>
#include <libexif/exif-entry.h>
#include <libexif/exif-content.h>

/// Parses an EXIF block ("Exif\0\0" + TIFF structure, or a JPEG) without "fixing" it: libexif's
/// default options add mandatory tags that are not in the file (FOLLOW_SPECIFICATION) and drop
/// unknown ones (IGNORE_UNKNOWN_TAGS); evidence must be read as it is. Free with exif_data_unref.
static inline ExifData *cexif_load_as_is(const unsigned char *data, unsigned int size) {
    ExifData *d = exif_data_new();
    if (!d) return NULL;
    exif_data_unset_option(d, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_unset_option(d, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
    exif_data_load_data(d, data, size);
    return d;
}
#endif
