// Shared by the .c files of the bridge: the error manager that turns libjpeg's longjmp-based fatal
// errors into return codes, and counts its warnings instead of printing them to stderr.
#ifndef DEEPSCAN_CJPEG_INTERNAL_H
#define DEEPSCAN_CJPEG_INTERNAL_H
#include <setjmp.h>
#include <stdio.h>
#include <jpeglib.h>
#include <jerror.h>
#include "cjpeg.h"

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    cjpeg_status *status;
} cjpeg_error_mgr;

/// Installs the error manager on `err` (jpeg_std_error, then our error_exit/emit_message).
struct jpeg_error_mgr *cjpeg_errors(cjpeg_error_mgr *err, cjpeg_status *status);

/// Clears a caller's status.
void cjpeg_status_reset(cjpeg_status *status);

#endif
