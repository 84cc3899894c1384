// poppler-glib + cairo bridge. Only Sources/Media imports this module.
#ifndef DEEPSCAN_CPOPPLER_SHIM_H
#define DEEPSCAN_CPOPPLER_SHIM_H
#include <poppler.h>
#include <cairo.h>
#include <glib.h>
#include <glib-object.h>

// g_object_unref takes gpointer; a typed helper keeps call sites honest.
static inline void cpop_unref(void *object) { if (object) g_object_unref(object); }
// POPPLER_IS_DOCUMENT is a macro over GType checks.
static inline int cpop_is_document(void *object) { return object && POPPLER_IS_DOCUMENT(object); }
#endif
