/*
 * The three chart kinds, laid out from the pieces in chart.c: horizontal
 * bars, lines over the columns, and stacked horizontal bars. A suppressed
 * cell is drawn where no scale applies: after the bar's start as a stub, after
 * a stacked bar's end as a swatch, below a line chart's axis as a hollow
 * marker, each with its mark. Errors stay in L->err (chart.c).
 */
#include "reports/chart_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"

#define LABEL_MAX   (CHART_WIDTH * 0.34)
#define LABEL_LINES 2
#define PLOT_HEIGHT 220.0

static const struct chart_text_style label_style = {CHART_LABEL, CHART_INK, CHART_NOCOLOR, ANCHOR_END};
static const struct chart_text_style value_style = {CHART_SMALL, CHART_INK, CHART_NOCOLOR, ANCHOR_START};
static const struct chart_text_style tick_below = {CHART_SMALL, CHART_MUTED, CHART_NOCOLOR, ANCHOR_MIDDLE};
static const struct chart_text_style tick_left = {CHART_SMALL, CHART_MUTED, CHART_NOCOLOR, ANCHOR_END};

static double mid(double cy)
{
	return cy + CHART_SMALL * CHART_MIDDLE;
}

static double width(const char *s)
{
	return chart_text_width(s, strlen(s), CHART_SMALL);
}

static enum cell_state state(const struct rtable *t, size_t r, size_t c)
{
	return (enum cell_state) t->state[r * t->ncols + c];
}

static long long value(const struct rtable *t, size_t r, size_t c)
{
	return t->value[r * t->ncols + c];
}

/* Horizontal bars, plain or stacked: row labels left of x0, the scale from x0 to x1, rows from top to bottom. */
struct hbars {
	double x0, x1, top, bottom;
	struct chart_scale sc;
};

static double slot_height(size_t lines)
{
	return fmax(32, (double) lines * CHART_LABEL * CHART_LEADING + 12);
}

/* The widest row label (wrapped), and the rows' total height into *height. */
static double labels_width(const struct chart_view *v, double *height)
{
	double w = 0;
	*height = 0;
	for (size_t r = 0; r < v->nr; r++) {
		struct chart_span sp[LABEL_LINES];
		size_t n = chart_wrap(v->t->rows[r], LABEL_MAX, CHART_LABEL, LABEL_LINES, sp);
		for (size_t i = 0; i < n; i++)
			w = fmax(w, sp[i].w);
		*height += slot_height(n);
	}
	return w;
}

/* Row label at *y, right-aligned before the scale; the middle of its slot, and *y moves below it. */
static double row_label(struct chart_layout *L, const struct hbars *hb, const char *label, double *y)
{
	struct chart_span sp[LABEL_LINES];
	size_t n = chart_wrap(label, LABEL_MAX, CHART_LABEL, LABEL_LINES, sp);
	double h = slot_height(n), cy = *y + h / 2;
	chart_text_lines(L, &label_style, hb->x0 - 10, cy, sp, n);
	*y += h;
	return cy;
}

static double scale_x(const struct hbars *hb, long long v)
{
	return (hb->x1 - hb->x0) * (double) v / (double) hb->sc.top;
}

/* Vertical grid lines at the ticks and their counts below the rows. */
static void value_grid(struct chart_layout *L, const struct hbars *hb)
{
	for (long long k = 0; k <= hb->sc.top; k += hb->sc.step) {
		char s[CHART_CELL_CHARS];
		double x = hb->x0 + scale_x(hb, k);
		if (k)
			chart_line(L, x, hb->top, x, hb->bottom, CHART_GRID, 1);
		chart_count_text(k, s);
		chart_text(L, &tick_below, x, hb->bottom + 18, s);
	}
}

/* The box of horizontal bars: labels lw wide, right free after the longest bar, rows from top; its grid drawn. */
static struct hbars hbars(struct chart_layout *L, double lw, double right, double top, double rows, long long max)
{
	struct hbars hb = {.x0 = CHART_MARGIN + lw + 20,
			   .x1 = CHART_WIDTH - CHART_MARGIN - right - 8,
			   .top = top,
			   .bottom = top + rows,
			   .sc = chart_scale(max)};
	value_grid(L, &hb);
	return hb;
}

/* A suppressed cell at x: a w by h box in p, its mark after it; the x after the mark. */
static double stub(struct chart_layout *L, double x, double cy, double w, double h, const struct chart_paint *p,
		   const char *mark)
{
	chart_rect(L, x, cy - h / 2, w, h, p);
	chart_text(L, &value_style, x + w + 5, mid(cy), mark);
	return x + w + 5 + width(mark);
}

void chart_layout_bars(struct chart_layout *L, const struct chart_view *v)
{
	const struct rtable *t = v->t;
	size_t c = v->bar_col;
	double rows, right = 0;
	double lw = labels_width(v, &rows);
	long long max = 0;
	for (size_t r = 0; r < v->nr; r++) {
		char s[CHART_CELL_CHARS];
		chart_cell_text(t, r, c, s);
		right = fmax(right, width(s) + (state(t, r, c) == CELL_VALUE ? 0 : CHART_STUB + 5));
		if (state(t, r, c) == CELL_VALUE && value(t, r, c) > max)
			max = value(t, r, c);
	}
	struct hbars hb = hbars(L, lw, right, CHART_MARGIN, rows, max);
	struct chart_paint bar = chart_series_paint(0);
	double y = hb.top;
	for (size_t r = 0; r < v->nr; r++) {
		char s[CHART_CELL_CHARS];
		double cy = row_label(L, &hb, t->rows[r], &y);
		chart_cell_text(t, r, c, s);
		if (state(t, r, c) == CELL_VALUE) {
			double w = scale_x(&hb, value(t, r, c));
			if (w > 0)
				chart_rect(L, hb.x0, cy - CHART_BAR / 2, w, CHART_BAR, &bar);
			chart_text(L, &value_style, hb.x0 + w + 5, mid(cy), s);
		} else {
			stub(L, hb.x0 + 2, cy, CHART_STUB, CHART_BAR, &chart_stub_paint, s);
		}
	}
	chart_line(L, hb.x0, hb.top, hb.x0, hb.bottom, CHART_AXIS, 1.5);
	L->height = chart_marks_legend(L, hb.bottom + 28, v, 1) + CHART_MARGIN;
}

/* A stacked bar's total: the total column's cell, else the sum when every part is known; "" when unknown. */
#define TOTAL_CHARS (CHART_CELL_CHARS + 8)
static void row_total(const struct chart_view *v, size_t r, char out[TOTAL_CHARS])
{
	const struct rtable *t = v->t;
	long long sum = 0;
	out[0] = '\0';
	if (v->nc < t->ncols) {
		char s[CHART_CELL_CHARS];
		snprintf(out, TOTAL_CHARS, "totaal %s", chart_cell_text(t, r, t->ncols - 1, s));
		return;
	}
	for (size_t c = 0; c < v->nc; c++) {
		if (state(t, r, c) != CELL_VALUE)
			return;
		sum += value(t, r, c);
	}
	char s[CHART_CELL_CHARS];
	chart_count_text(sum, s);
	snprintf(out, TOTAL_CHARS, "totaal %s", s);
}

/* The parts of a suppressed cell's swatch after a stacked bar. */
#define SWATCH 12.0

void chart_layout_stacked(struct chart_layout *L, const struct chart_view *v)
{
	const struct rtable *t = v->t;
	struct chart_key keys[CHART_MAX_COLS];
	for (size_t c = 0; c < v->nc; c++)
		keys[c] = (struct chart_key){KEY_BOX, c, t->cols[c]};
	double top = chart_legend(L, CHART_MARGIN, keys, v->nc) + 8;
	double rows, right = 0;
	double lw = labels_width(v, &rows);
	long long max = 0;
	for (size_t r = 0; r < v->nr; r++) {
		long long sum = 0;
		char s[CHART_CELL_CHARS];
		double after = 6;
		for (size_t c = 0; c < v->nc; c++) {
			if (state(t, r, c) == CELL_VALUE)
				sum += value(t, r, c);
			else
				after += SWATCH + 5 + width(chart_cell_text(t, r, c, s)) + 8;
		}
		char total[TOTAL_CHARS];
		row_total(v, r, total);
		right = fmax(right, after + width(total));
		if (sum > max)
			max = sum;
	}
	struct hbars hb = hbars(L, lw, right, top, rows, max);
	double y = hb.top;
	for (size_t r = 0; r < v->nr; r++) {
		char s[CHART_CELL_CHARS];
		double cy = row_label(L, &hb, t->rows[r], &y), x = hb.x0;
		for (size_t c = 0; c < v->nc; c++) {
			double w = state(t, r, c) == CELL_VALUE ? scale_x(&hb, value(t, r, c)) : 0;
			if (w <= 0)
				continue;
			struct chart_paint p = chart_series_paint(c);
			chart_rect(L, x, cy - CHART_BAR / 2, w, CHART_BAR, &p);
			chart_cell_text(t, r, c, s);
			if (width(s) + 6 <= w) {
				struct chart_text_style in = {CHART_SMALL, CHART_WHITE, p.fill, ANCHOR_MIDDLE};
				chart_text(L, &in, x + w / 2, mid(cy), s);
			}
			x += w;
		}
		x += 6;
		for (size_t c = 0; c < v->nc; c++) {
			if (state(t, r, c) == CELL_VALUE)
				continue;
			struct chart_paint p = chart_series_paint(c);
			p.stroke = CHART_AXIS;
			p.dash = chart_stub_paint.dash;
			x = stub(L, x, cy, SWATCH, SWATCH, &p, chart_cell_text(t, r, c, s)) + 8;
		}
		char total[TOTAL_CHARS];
		row_total(v, r, total);
		struct chart_text_style muted = value_style;
		muted.colour = CHART_MUTED;
		chart_text(L, &muted, x, mid(cy), total);
	}
	chart_line(L, hb.x0, hb.top, hb.x0, hb.bottom, CHART_AXIS, 1.5);
	L->height = chart_marks_legend(L, hb.bottom + 28, v, 0) + CHART_MARGIN;
}

/* Line chart geometry: the plot box, the scale, the columns' x. */
struct plot {
	double x0, x1, top, bottom, step;
	struct chart_scale sc;
};

static double plot_x(const struct plot *p, size_t c)
{
	return p->x0 + p->step * ((double) c + 0.5);
}

static double plot_y(const struct plot *p, long long v)
{
	return p->bottom - (p->bottom - p->top) * (double) v / (double) p->sc.top;
}

/* Each series' runs of published points as lines; a lone point keeps only its marker. */
static void series_lines(struct chart_layout *L, const struct chart_view *v, const struct plot *p, double *xy)
{
	for (size_t r = 0; r < v->nr; r++) {
		size_t n = 0;
		for (size_t c = 0; c <= v->nc; c++) {
			if (c < v->nc && state(v->t, r, c) == CELL_VALUE) {
				xy[2 * n] = plot_x(p, c);
				xy[2 * n + 1] = plot_y(p, value(v->t, r, c));
				n++;
				continue;
			}
			if (n > 1)
				chart_path(L, xy, n, r);
			n = 0;
		}
	}
}

/*
 * Each published point's value above its marker, or below when an earlier
 * series' label is in the way there, or none when both are taken (the table
 * beside the chart has every figure). ly keeps the labels' baselines. More
 * than LABELLED_SERIES lines get no values: they would only hide each other.
 */
#define LABELLED_SERIES 3
static void point_labels(struct chart_layout *L, const struct chart_view *v, const struct plot *p, double *ly)
{
	const struct chart_text_style ts = {CHART_SMALL, CHART_INK, CHART_WHITE, ANCHOR_MIDDLE};
	for (size_t r = 0; r < v->nr; r++) {
		for (size_t c = 0; c < v->nc; c++) {
			ly[r * v->nc + c] = NAN;
			if (state(v->t, r, c) != CELL_VALUE)
				continue;
			double py = plot_y(p, value(v->t, r, c));
			double want[2] = {py - 9, py + 9 + CHART_SMALL * 0.72};
			for (size_t k = 0; k < 2; k++) {
				int clear = 1;
				for (size_t q = 0; q < r && clear; q++)
					clear = !(fabs(ly[q * v->nc + c] - want[k]) < CHART_SMALL + 1);
				if (clear) {
					char s[CHART_CELL_CHARS];
					ly[r * v->nc + c] = want[k];
					chart_text(L, &ts, plot_x(p, c), want[k], chart_cell_text(v->t, r, c, s));
					break;
				}
			}
		}
	}
}

/* Below the axis: per series with suppressed points, a row with a hollow marker and the mark under each. */
static double suppressed_rows(struct chart_layout *L, const struct chart_view *v, const struct plot *p, double y)
{
	const struct chart_text_style caption = {CHART_SMALL, CHART_MUTED, CHART_NOCOLOR, ANCHOR_START};
	int any = 0;
	for (size_t r = 0; r < v->nr; r++) {
		int has = 0;
		for (size_t c = 0; c < v->nc && !has; c++)
			has = state(v->t, r, c) != CELL_VALUE;
		if (!has)
			continue;
		if (!any++) {
			chart_text(L, &caption, CHART_MARGIN, mid(y + 9), "Niet getoond in de lijnen:");
			y += 20;
		}
		for (size_t c = 0; c < v->nc; c++) {
			char s[CHART_CELL_CHARS];
			if (state(v->t, r, c) == CELL_VALUE)
				continue;
			chart_cell_text(v->t, r, c, s);
			double x = plot_x(p, c) - (9 + 5 + width(s)) / 2;
			chart_marker(L, x + 4.5, y + 9, r, 1);
			chart_text(L, &value_style, x + 14, mid(y + 9), s);
		}
		y += 20;
	}
	return y;
}

void chart_layout_lines(struct chart_layout *L, const struct chart_view *v)
{
	const struct rtable *t = v->t;
	struct chart_key *keys = mem_alloc(v->nr * sizeof(*keys));
	double *xy = mem_alloc(2 * v->nc * sizeof(double));
	double *ly = mem_alloc(v->nr * v->nc * sizeof(double));
	if (!keys || !xy || !ly) {
		L->err = L->err ? L->err : ERR_NOMEM;
		goto done;
	}
	for (size_t r = 0; r < v->nr; r++)
		keys[r] = (struct chart_key){KEY_LINE, r, t->rows[r]};
	double top = chart_legend(L, CHART_MARGIN, keys, v->nr) + 16;
	long long max = 0;
	for (size_t r = 0; r < v->nr; r++)
		for (size_t c = 0; c < v->nc; c++)
			if (state(t, r, c) == CELL_VALUE && value(t, r, c) > max)
				max = value(t, r, c);
	struct plot p = {.top = top, .bottom = top + PLOT_HEIGHT, .sc = chart_scale(max)};
	char s[CHART_CELL_CHARS];
	chart_count_text(p.sc.top, s);
	p.x0 = CHART_MARGIN + width(s) + 10;
	p.x1 = CHART_WIDTH - CHART_MARGIN - 10;
	p.step = (p.x1 - p.x0) / (double) v->nc;
	for (long long k = 0; k <= p.sc.top; k += p.sc.step) {
		double y = plot_y(&p, k);
		if (k)
			chart_line(L, p.x0, y, p.x1, y, CHART_GRID, 1);
		chart_count_text(k, s);
		chart_text(L, &tick_left, p.x0 - 6, mid(y), s);
	}
	size_t lines = 1;
	for (size_t c = 0; c < v->nc; c++) {
		struct chart_span sp[LABEL_LINES];
		size_t n = chart_wrap(t->cols[c], p.step - 6, CHART_SMALL, LABEL_LINES, sp);
		double lh = CHART_SMALL * CHART_LEADING;
		chart_text_lines(L, &tick_below, plot_x(&p, c), p.bottom + 8 + lh * (double) n / 2, sp, n);
		lines = n > lines ? n : lines;
	}
	chart_line(L, p.x0, p.bottom, p.x1, p.bottom, CHART_AXIS, 1.5);
	series_lines(L, v, &p, xy);
	for (size_t r = 0; r < v->nr; r++)
		for (size_t c = 0; c < v->nc; c++)
			if (state(t, r, c) == CELL_VALUE)
				chart_marker(L, plot_x(&p, c), plot_y(&p, value(t, r, c)), r, 0);
	if (v->nr <= LABELLED_SERIES)
		point_labels(L, v, &p, ly);
	double y = suppressed_rows(L, v, &p, p.bottom + 14 + (double) lines * CHART_SMALL * CHART_LEADING);
	L->height = chart_marks_legend(L, y + 2, v, 0) + CHART_MARGIN;
done:
	mem_free(keys);
	mem_free(xy);
	mem_free(ly);
}
