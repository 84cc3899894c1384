// zlib bridge (inflate for PDF FlateDecode streams). Only Sources/Media imports this module.
#ifndef DEEPSCAN_CZLIB_SHIM_H
#define DEEPSCAN_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit is a macro (it passes the version and struct size); Swift cannot call it.
static inline int czlib_inflate_init(z_streamp strm) { return inflateInit(strm); }
#endif
