// libjpeg-turbo bridge. libjpeg reports fatal errors by longjmp, which Swift cannot catch, so the
// calls that may fail live in cjpeg.c behind setjmp and return an error code plus a message.
// Only Sources/Media imports this module.
#ifndef DEEPSCAN_CJPEG_H
#define DEEPSCAN_CJPEG_H
#include <stddef.h>
#include <stdint.h>

/// Version of the linked libjpeg API (JPEG_LIB_VERSION).
int cjpeg_lib_version(void);

#endif
