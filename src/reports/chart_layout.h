/*
 * chart_layout: what the chart layout (chart.c) hands its two back-ends
 * (chart_svg.c, chart_cairo.c). A chart is a list of items in drawing order,
 * each with its own colours, in a box CHART_WIDTH units wide; the back-ends
 * only translate items, so every decision about geometry, colour and text is
 * taken once, here and in chart.c. Internal to src/reports (and its tests).
 */
#ifndef VERTROUWD_REPORTS_CHART_LAYOUT_H
#define VERTROUWD_REPORTS_CHART_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "reports/chart.h"

#define CHART_WIDTH   640.0
#define CHART_FONT    "DejaVu Sans"
#define CHART_NOCOLOR 0x1000000u /* no fill or no stroke */
#define CHART_WHITE   0xffffffu

enum chart_op {
	CHART_RECT,   /* x, y, w, h */
	CHART_LINE,   /* from (x, y) to (x + w, y + h) */
	CHART_PATH,   /* an open polyline: points pts[first .. first + count) as x, y pairs */
	CHART_MARKER, /* centre (x, y), half size w, shape marker */
	CHART_TEXT,   /* one line at (x, y) on its baseline, font size h, aligned by anchor */
};

enum chart_hatch {
	HATCH_NONE,
	HATCH_DIAG,
	HATCH_DOTS,
	HATCH_CROSS,
	HATCH_BACK,
	HATCH_HORIZ,
	HATCH_VERT,
	HATCH_COUNT,
};

enum chart_shape { SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_TRIANGLE, SHAPE_DIAMOND };
enum chart_anchor { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END };

struct chart_item {
	enum chart_op op;
	double x, y, w, h;
	uint32_t fill;	       /* 0xRRGGBB or CHART_NOCOLOR; a text's colour */
	uint32_t stroke;       /* outline, line or a text's halo; or CHART_NOCOLOR */
	double stroke_width;   /* of the outline, line or halo */
	uint32_t hatch_colour; /* lines of the hatch drawn over the fill */
	unsigned char hatch;   /* enum chart_hatch */
	unsigned char dash;    /* index into chart_dashes; 0 is solid */
	unsigned char shape;   /* enum chart_shape, for markers */
	unsigned char anchor;  /* enum chart_anchor, for texts */
	size_t text;	       /* a text's offset in strings */
	size_t first, count;   /* a path's points */
};

struct chart_layout {
	double height;
	struct chart_item *items;
	size_t nitems, cap;
	double *pts; /* x, y pairs */
	size_t npts, ptcap;
	struct buf strings; /* NUL-terminated texts, by offset */
	size_t title, desc; /* offsets of the accessible title and description */
	int err;	    /* the first error; once set, adding does nothing */
};

/* A hatch as an 8 by 8 tile that repeats seamlessly: line segments and dots. */
#define CHART_TILE 8.0
struct chart_tile {
	size_t nlines;
	double lines[4][4]; /* x1, y1, x2, y2 */
	double dot;	    /* radius of a dot at the tile's centre, or 0 */
	double line_width;
};
extern const struct chart_tile chart_tiles[HATCH_COUNT];

/* Dash patterns (on, off lengths), index 0 solid. */
#define CHART_DASHES 4
extern const double chart_dashes[CHART_DASHES][2];

/* The colours of series 0, 1, ...: each at least 4.5:1 against white, for white text on them. */
#define CHART_PALETTE 8
extern const uint32_t chart_palette[CHART_PALETTE];

/* Lay t out as kind into L (which this initialises); errors as chart.h. On error L is empty. */
int chart_layout(struct chart_layout *L, const struct rtable *t, enum chart_kind kind) WUR;
void chart_layout_free(struct chart_layout *L);

static inline const char *chart_string(const struct chart_layout *L, size_t off)
{
	return L->strings.ptr + off;
}

/* A marker's outline as a polygon into pts (x, y pairs); the number of points, 0 for a circle. */
size_t chart_marker_points(const struct chart_item *it, double pts[8]);

/*
 * Estimated width of s in DejaVu Sans at size, from its advance widths, so
 * that the layout fits labels without asking a font library (the SVG is
 * shown by browsers with whatever font they have; the PDF sets DejaVu Sans).
 */
double chart_text_width(const char *s, size_t n, double size);

#endif
