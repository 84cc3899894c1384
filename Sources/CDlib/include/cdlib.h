// dlib bridge: HOG frontal face detection and 68-point landmarks behind a plain C API, so Swift
// imports it without C++ interop. Every C++ exception is caught in cdlib.cpp and returned as a
// CDLIB_ERR_* code with dlib's message in the caller's `cdlib_status`.
// Only Sources/Detection imports this module.
#ifndef DEEPSCAN_CDLIB_H
#define DEEPSCAN_CDLIB_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CDLIB_OK 0
/// The shape predictor file does not exist or cannot be opened.
#define CDLIB_ERR_MISSING_MODEL 1
/// dlib threw while loading the model or detecting; `status.message` has its text.
#define CDLIB_ERR_DLIB 2
/// A bad argument from the caller (null pointer, stride shorter than a row).
#define CDLIB_ERR_ARGUMENT 3
#define CDLIB_ERR_NOMEM 4

#define CDLIB_MSG_MAX 256
#define CDLIB_LANDMARKS 68

/// Outcome details of one call.
typedef struct {
    /// Text of the error when the call returned non-zero.
    char message[CDLIB_MSG_MAX];
} cdlib_status;

/// One detected face, in pixels of the image passed in (upsampling already undone).
typedef struct {
    double x, y, width, height;
    /// The HOG detector's score (higher is surer; 0 is its default threshold).
    double confidence;
    /// 68 landmarks as x0, y0, x1, y1, ... (iBUG 300-W order).
    float landmarks[CDLIB_LANDMARKS * 2];
} cdlib_face;

/// An opaque detector: the HOG detector and the loaded shape predictor.
typedef struct cdlib_detector cdlib_detector;

/// Loads the shape predictor at `predictor_path` and builds the HOG detector.
/// On success `*out` owns the detector (free with `cdlib_detector_destroy`).
int cdlib_detector_create(const char *predictor_path, cdlib_detector **out, cdlib_status *status);

/// Frees a detector (null is allowed).
void cdlib_detector_destroy(cdlib_detector *detector);

/// Detects faces in an 8-bit RGB image (`stride` bytes per row, >= width * 3), upsampling it
/// `upsample` times (each doubles the size; 0 for none) to find faces under ~80 px.
/// On success `*faces` is a malloc'd array of `*count` faces (null when 0), freed with
/// `cdlib_faces_free`. Not thread-safe per detector: one detector per thread, or a lock.
int cdlib_detect(cdlib_detector *detector, const uint8_t *rgb, int width, int height, int stride,
                 int upsample, cdlib_face **faces, int *count, cdlib_status *status);

/// Frees what `cdlib_detect` returned (null is allowed).
void cdlib_faces_free(cdlib_face *faces);

#ifdef __cplusplus
}
#endif
#endif
