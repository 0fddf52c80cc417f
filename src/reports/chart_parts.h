/*
 * chart_parts: the pieces the chart kinds (chart_kinds.c) build from, kept
 * in chart.c: adding items, texts that wrap, scales, legends, the stub of a
 * suppressed cell. All add to a chart_layout and keep its first error (see
 * chart.c); none returns one. Internal to the layout.
 */
#ifndef VERTROUWD_REPORTS_CHART_PARTS_H
#define VERTROUWD_REPORTS_CHART_PARTS_H

#include "reports/chart_layout.h"

#define CHART_MARGIN	8.0
#define CHART_LABEL	13.0 /* row labels */
#define CHART_SMALL	12.0 /* ticks, values, legends */
#define CHART_LEADING	1.25
#define CHART_MIDDLE	0.36 /* baseline below a text's middle, in ems: half of DejaVu's digit height */
#define CHART_BAR	20.0
#define CHART_STUB	14.0 /* width of a suppressed cell's stub */
#define CHART_INK	0x1a1a1au
#define CHART_MUTED	0x4d4d4du
#define CHART_GRID	0xdededeu
#define CHART_AXIS	0x595959u
#define CHART_MAX_COUNT 1000000000000LL
#define CHART_MAX_TEXT	((size_t) 1 << 20)

/* What kind draws of the table: rows and columns without totals. */
struct chart_view {
	const struct rtable *t;
	size_t nr, nc;
	size_t bar_col;	 /* the column a bar chart draws */
	int low, hidden; /* whether a drawn cell shows "< 5" or "x" */
};

struct chart_paint {
	uint32_t fill, stroke;
	double width;
	unsigned char hatch, dash;
	uint32_t hatch_colour;
};

struct chart_text_style {
	double size;
	uint32_t colour, halo;
	enum chart_anchor anchor;
};

/* One line of a wrapped text: n bytes from s, with an ellipsis after when cut; w its estimated width. */
struct chart_span {
	const char *s;
	size_t n;
	int ellipsis;
	double w;
};

/* An axis from 0 to top in steps of 1, 2 or 5 times a power of ten. */
struct chart_scale {
	long long step, top;
};

enum chart_swatch { KEY_NONE, KEY_BOX, KEY_LINE, KEY_STUB };
struct chart_key {
	enum chart_swatch swatch;
	size_t series;
	const char *text;
};

extern const struct chart_paint chart_stub_paint;

void chart_push(struct chart_layout *L, const struct chart_item *it);
/* Store s[0..n) (and "…") as a text; its offset. */
size_t chart_str(struct chart_layout *L, const char *s, size_t n, int ellipsis);
void chart_rect(struct chart_layout *L, double x, double y, double w, double h, const struct chart_paint *p);
void chart_line(struct chart_layout *L, double x1, double y1, double x2, double y2, uint32_t colour, double width);
/* A series' line through n points (x, y pairs), in its colour and dash. */
void chart_path(struct chart_layout *L, const double *xy, size_t n, size_t series);
/* A series' marker at (x, y): its shape, filled, or hollow for a suppressed point. */
void chart_marker(struct chart_layout *L, double x, double y, size_t series, int hollow);
void chart_text(struct chart_layout *L, const struct chart_text_style *ts, double x, double y, const char *s);
void chart_text_item(struct chart_layout *L, const struct chart_text_style *ts, double x, double y, const char *s,
		     size_t n, int ellipsis);
/* Wrapped lines, centred vertically on cy. */
void chart_text_lines(struct chart_layout *L, const struct chart_text_style *ts, double x, double cy,
		      const struct chart_span *sp, size_t n);
/* Break s into at most maxlines lines of width maxw at size, the last cut with an ellipsis; the count. */
size_t chart_wrap(const char *s, double maxw, double size, size_t maxlines, struct chart_span *out);
struct chart_paint chart_series_paint(size_t series);
/* A count with a '.' between thousands. */
void chart_count_text(long long v, char out[CHART_CELL_CHARS]);
struct chart_scale chart_scale(long long max);
/* A legend of keys flowing in rows from y; the y below it. */
double chart_legend(struct chart_layout *L, double y, const struct chart_key *keys, size_t n);
/* The legend of the marks that v shows ("< 5", "x"), with the stub as swatch when stub; the y below it. */
double chart_marks_legend(struct chart_layout *L, double y, const struct chart_view *v, int stub);

void chart_layout_bars(struct chart_layout *L, const struct chart_view *v);
void chart_layout_lines(struct chart_layout *L, const struct chart_view *v);
void chart_layout_stacked(struct chart_layout *L, const struct chart_view *v);

#endif
