// libsndfile bridge. Only Sources/Media imports this module.
#ifndef DEEPSCAN_CSNDFILE_SHIM_H
#define DEEPSCAN_CSNDFILE_SHIM_H
#include <sndfile.h>
#endif
