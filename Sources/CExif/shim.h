// libexif bridge. Only Sources/Media imports this module.
#ifndef DEEPSCAN_CEXIF_SHIM_H
#define DEEPSCAN_CEXIF_SHIM_H
#include <libexif/exif-data.h>
#include <libexif/exif-loader.h>
#include <libexif/exif-utils.h>
#include <libexif/exif-tag.h>
#include <libexif/exif-ifd.h>
#endif
