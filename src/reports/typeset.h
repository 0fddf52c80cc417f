/*
 * typeset: text set with pango on cairo, for the PDF (pdf.c) and the charts
 * drawn with cairo (chart_cairo.c). One font family, DejaVu Sans, at
 * absolute sizes in user units, and no hinting, so text measures the same
 * at every scale and on every surface. Pango aborts rather than fail an
 * allocation, so these functions do not return errors; text that is not
 * valid UTF-8 is mended (U+FFFD) before pango sees it.
 */
#ifndef VERTROUWD_REPORTS_TYPESET_H
#define VERTROUWD_REPORTS_TYPESET_H

#include <stdint.h>

#include <pango/pangocairo.h>

#define TYPESET_FONT "DejaVu Sans"

/* A new font map, counted until it is finalised (pango's own threads may hold it a moment longer than we do). */
PangoFontMap *typeset_font_map(void);
/* Wait up to seconds for every counted font map to be finalised; 1 when they are, 0 on time-out. */
int typeset_settle(double seconds);
/* A context on fm with these font options; the caller unrefs it (g_object_unref). */
PangoContext *typeset_context(PangoFontMap *fm);
/* A layout of text at size, bold or not, wrapped at width (0: one line per paragraph); the caller unrefs it. */
PangoLayout *typeset_layout(PangoContext *pc, const char *text, double size, int bold, double width);
/* The layout's logical width and height, and its first baseline from the top, in user units. */
void typeset_extents(PangoLayout *l, double *width, double *height, double *baseline);
/* Use 0xRRGGBB as cr's source. */
void typeset_colour(cairo_t *cr, uint32_t rgb);

#endif
