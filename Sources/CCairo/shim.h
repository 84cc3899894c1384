// cairo (image and PDF surfaces, PNG encoding) + pango (text layout) bridge. Only
// Sources/CaseExport/Cairo imports this module.
#ifndef DEEPSCAN_CCAIRO_SHIM_H
#define DEEPSCAN_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <glib.h>
#include <glib-object.h>

// PANGO_SCALE is a macro; a function keeps the unit conversion explicit at call sites.
static inline int ccairo_pango_scale(void) { return PANGO_SCALE; }
// g_object_unref takes gpointer; a typed helper keeps call sites honest.
static inline void ccairo_unref(void *object) { if (object) g_object_unref(object); }
#endif
