// dlib behind the C API of cdlib.h. The detector is dlib's get_frontal_face_detector() (HOG +
// linear SVM, 5 pose filters) run on a grey copy of the image; landmarks come from the 68-point
// shape predictor (Kazemi & Sullivan, iBUG 300-W). No exception crosses the C boundary.
#include "cdlib.h"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_transforms.h>
#include <dlib/serialize.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <new>
#include <vector>

struct cdlib_detector {
    dlib::frontal_face_detector detector;
    dlib::shape_predictor predictor;
};

static int fail(cdlib_status *status, int code, const char *message) {
    if (status) {
        std::snprintf(status->message, CDLIB_MSG_MAX, "%s", message ? message : "unknown error");
    }
    return code;
}

extern "C" int cdlib_detector_create(const char *predictor_path, cdlib_detector **out, cdlib_status *status) {
    if (!predictor_path || !out) return fail(status, CDLIB_ERR_ARGUMENT, "null argument");
    *out = nullptr;
    {
        std::ifstream probe(predictor_path, std::ios::binary);
        if (!probe.good()) {
            char msg[CDLIB_MSG_MAX];
            std::snprintf(msg, sizeof msg, "shape predictor not found: %s", predictor_path);
            return fail(status, CDLIB_ERR_MISSING_MODEL, msg);
        }
    }
    try {
        auto *d = new cdlib_detector();
        d->detector = dlib::get_frontal_face_detector();
        try {
            dlib::deserialize(predictor_path) >> d->predictor;
        } catch (...) {
            delete d;
            throw;
        }
        *out = d;
        return CDLIB_OK;
    } catch (const std::bad_alloc &) {
        return fail(status, CDLIB_ERR_NOMEM, "out of memory");
    } catch (const std::exception &e) {
        return fail(status, CDLIB_ERR_DLIB, e.what());
    } catch (...) {
        return fail(status, CDLIB_ERR_DLIB, "unknown C++ exception");
    }
}

extern "C" void cdlib_detector_destroy(cdlib_detector *detector) { delete detector; }

extern "C" void cdlib_faces_free(cdlib_face *faces) { std::free(faces); }

extern "C" int cdlib_detect(cdlib_detector *detector, const uint8_t *rgb, int width, int height, int stride,
                            int upsample, cdlib_face **faces, int *count, cdlib_status *status) {
    if (!detector || !faces || !count) return fail(status, CDLIB_ERR_ARGUMENT, "null argument");
    *faces = nullptr;
    *count = 0;
    if (width <= 0 || height <= 0) return CDLIB_OK;
    if (!rgb || stride < width * 3) return fail(status, CDLIB_ERR_ARGUMENT, "stride is shorter than a row of RGB pixels");
    if (upsample < 0 || upsample > 3) return fail(status, CDLIB_ERR_ARGUMENT, "upsample must be 0...3");
    try {
        // BT.601 luma: HOG only looks at gradients, and grey keeps the pyramid 3x smaller.
        dlib::array2d<unsigned char> grey(height, width);
        for (int y = 0; y < height; ++y) {
            const uint8_t *row = rgb + (size_t)y * (size_t)stride;
            for (int x = 0; x < width; ++x) {
                const uint8_t *p = row + 3 * x;
                grey[y][x] = (unsigned char)((299 * p[0] + 587 * p[1] + 114 * p[2] + 500) / 1000);
            }
        }
        dlib::array2d<unsigned char> work;
        dlib::assign_image(work, grey);
        for (int i = 0; i < upsample; ++i) dlib::pyramid_up(work);
        const double scale = double(1 << upsample);

        std::vector<dlib::rect_detection> found;
        detector->detector(work, found, 0.0);
        if (found.empty()) return CDLIB_OK;

        auto *out = static_cast<cdlib_face *>(std::calloc(found.size(), sizeof(cdlib_face)));
        if (!out) return fail(status, CDLIB_ERR_NOMEM, "out of memory");
        for (size_t i = 0; i < found.size(); ++i) {
            const dlib::rectangle &r = found[i].rect;
            dlib::full_object_detection shape = detector->predictor(work, r);
            cdlib_face &f = out[i];
            f.x = r.left() / scale;
            f.y = r.top() / scale;
            f.width = r.width() / scale;
            f.height = r.height() / scale;
            f.confidence = found[i].detection_confidence;
            for (unsigned k = 0; k < CDLIB_LANDMARKS && k < shape.num_parts(); ++k) {
                f.landmarks[2 * k] = float(shape.part(k).x() / scale);
                f.landmarks[2 * k + 1] = float(shape.part(k).y() / scale);
            }
        }
        *faces = out;
        *count = (int)found.size();
        return CDLIB_OK;
    } catch (const std::bad_alloc &) {
        return fail(status, CDLIB_ERR_NOMEM, "out of memory");
    } catch (const std::exception &e) {
        return fail(status, CDLIB_ERR_DLIB, e.what());
    } catch (...) {
        return fail(status, CDLIB_ERR_DLIB, "unknown C++ exception");
    }
}
