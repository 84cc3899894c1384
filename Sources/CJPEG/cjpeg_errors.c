// Error manager: fatal errors copy libjpeg's message and longjmp back to the setjmp in the calling
// function; warnings (msg_level -1) are counted and the last one kept, and the premature-EOF
// warning marks the status as truncated. Trace messages (level > 0) are ignored.
#include <stdlib.h>
#include <string.h>
#include "cjpeg_internal.h"

static void cjpeg_error_exit(j_common_ptr cinfo) {
    cjpeg_error_mgr *err = (cjpeg_error_mgr *)cinfo->err;
    char buf[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, buf);
    snprintf(err->status->message, CJPEG_MSG_MAX, "%s", buf);
    longjmp(err->jump, 1);
}

static void cjpeg_emit_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return;
    cjpeg_error_mgr *err = (cjpeg_error_mgr *)cinfo->err;
    char buf[JMSG_LENGTH_MAX];
    err->pub.num_warnings++;
    err->status->warning_count++;
    if (err->pub.msg_code == JWRN_JPEG_EOF) err->status->premature_end = 1;
    (*cinfo->err->format_message)(cinfo, buf);
    snprintf(err->status->last_warning, CJPEG_MSG_MAX, "%s", buf);
}

struct jpeg_error_mgr *cjpeg_errors(cjpeg_error_mgr *err, cjpeg_status *status) {
    memset(err, 0, sizeof *err);
    jpeg_std_error(&err->pub);
    err->pub.error_exit = cjpeg_error_exit;
    err->pub.emit_message = cjpeg_emit_message;
    err->status = status;
    return &err->pub;
}

void cjpeg_status_reset(cjpeg_status *status) {
    memset(status, 0, sizeof *status);
}

int cjpeg_lib_version(void) { return JPEG_LIB_VERSION; }

void cjpeg_free(void *p) { free(p); }
