/*
 * The chart layout (chart_layout.h): checks a published table, then turns it
 * into items in a CHART_WIDTH-wide box, the pieces every chart kind shares
 * here (text, wrapping, scales, legends, the stub of a suppressed cell, the
 * accessible description) and the three kinds in chart_kinds.c. Adding an
 * item after a failure does nothing and the first error is kept in L->err,
 * so the kinds can lay out without checking every step; chart_layout then
 * frees everything and returns that error.
 */
#include "reports/chart_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"

const uint32_t chart_palette[CHART_PALETTE] = {
    0x1f5a96, /* blue */
    0xa6410a, /* burnt orange */
    0x2e7d32, /* green */
    0x6a3d9a, /* purple */
    0x7a5c00, /* ochre */
    0x0e6d75, /* teal */
    0xb0215d, /* magenta */
    0x4d4d4d, /* grey */
};

/* Diagonals reach past the tile's corners so that neighbouring tiles join without gaps. */
const struct chart_tile chart_tiles[HATCH_COUNT] = {
    [HATCH_DIAG] = {3, {{0, 8, 8, 0}, {-1, 1, 1, -1}, {7, 9, 9, 7}}, 0, 1.5},
    [HATCH_BACK] = {3, {{0, 0, 8, 8}, {-1, 7, 1, 9}, {7, -1, 9, 1}}, 0, 1.5},
    [HATCH_CROSS] = {2, {{0, 4, 8, 4}, {4, 0, 4, 8}}, 0, 1.2},
    [HATCH_HORIZ] = {1, {{0, 4, 8, 4}}, 0, 2},
    [HATCH_VERT] = {1, {{4, 0, 4, 8}}, 0, 2},
    [HATCH_DOTS] = {0, {{0}}, 1.7, 0},
};

const double chart_dashes[CHART_DASHES][2] = {{0, 0}, {8, 3}, {2, 3}, {5, 2}};

/* Seven hatches against eight colours: the pair repeats only after 56 series. */
static const unsigned char series_hatch[] = {HATCH_NONE, HATCH_DIAG,  HATCH_DOTS, HATCH_CROSS,
					     HATCH_BACK, HATCH_HORIZ, HATCH_VERT};

/* DejaVu Sans advance widths of ' ' .. '~' in thousandths of an em. */
static const unsigned short advance[95] = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361,  318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635,  611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352,  635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,  525, 636, 337, 636, 838,
};

double chart_text_width(const char *s, size_t n, double size)
{
	double w = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) s[i];
		if (c >= 0x20 && c < 0x7f)
			w += advance[c - 0x20];
		else if (c >= 0xc0) /* the first byte of a non-ASCII character: most are accented letters */
			w += 680;
	}
	return w * size / 1000;
}

void chart_layout_free(struct chart_layout *L)
{
	mem_free(L->items);
	mem_free(L->pts);
	buf_free(&L->strings);
	L->items = NULL;
	L->pts = NULL;
	L->nitems = L->cap = L->npts = L->ptcap = 0;
}

/* Make room for one more of an array of size each; 0, or ERR_NOMEM with the array unchanged. */
static int reserve(void **arr, size_t *cap, size_t len, size_t more, size_t size)
{
	if (len + more <= *cap)
		return 0;
	size_t n = *cap ? *cap * 2 : 64;
	while (n < len + more)
		n *= 2;
	void *p = mem_realloc(*arr, n * size);
	if (!p)
		return ERR_NOMEM;
	*arr = p;
	*cap = n;
	return 0;
}

void chart_push(struct chart_layout *L, const struct chart_item *it)
{
	if (L->err || (L->err = reserve((void **) &L->items, &L->cap, L->nitems, 1, sizeof(*it))))
		return;
	L->items[L->nitems++] = *it;
}

size_t chart_str(struct chart_layout *L, const char *s, size_t n, int ellipsis)
{
	size_t off = L->strings.len;
	if (L->err)
		return 0;
	if ((L->err = buf_add(&L->strings, s, n)) || (ellipsis && (L->err = buf_adds(&L->strings, "\xe2\x80\xa6"))) ||
	    (L->err = buf_addc(&L->strings, '\0'))) {
		buf_truncate(&L->strings, off);
		return 0;
	}
	return off;
}

void chart_rect(struct chart_layout *L, double x, double y, double w, double h, const struct chart_paint *p)
{
	chart_push(L, &(struct chart_item){.op = CHART_RECT,
					   .x = x,
					   .y = y,
					   .w = w,
					   .h = h,
					   .fill = p->fill,
					   .stroke = p->stroke,
					   .stroke_width = p->width,
					   .hatch = p->hatch,
					   .hatch_colour = p->hatch_colour,
					   .dash = p->dash});
}

void chart_line(struct chart_layout *L, double x1, double y1, double x2, double y2, uint32_t colour, double width)
{
	chart_push(L, &(struct chart_item){.op = CHART_LINE,
					   .x = x1,
					   .y = y1,
					   .w = x2 - x1,
					   .h = y2 - y1,
					   .fill = CHART_NOCOLOR,
					   .stroke = colour,
					   .stroke_width = width});
}

void chart_path(struct chart_layout *L, const double *xy, size_t n, size_t series)
{
	if (L->err || (L->err = reserve((void **) &L->pts, &L->ptcap, L->npts, 2 * n, sizeof(double))))
		return;
	size_t first = L->npts / 2;
	memcpy(L->pts + L->npts, xy, 2 * n * sizeof(double));
	L->npts += 2 * n;
	chart_push(L, &(struct chart_item){.op = CHART_PATH,
					   .first = first,
					   .count = n,
					   .fill = CHART_NOCOLOR,
					   .stroke = chart_palette[series % CHART_PALETTE],
					   .stroke_width = 2.5,
					   .dash = (unsigned char) (series % CHART_DASHES)});
}

void chart_marker(struct chart_layout *L, double x, double y, size_t series, int hollow)
{
	uint32_t c = chart_palette[series % CHART_PALETTE];
	chart_push(L, &(struct chart_item){.op = CHART_MARKER,
					   .x = x,
					   .y = y,
					   .w = 4.5,
					   .fill = hollow ? CHART_WHITE : c,
					   .stroke = hollow ? c : CHART_WHITE,
					   .stroke_width = 1.5,
					   .shape = (unsigned char) (series % 4)});
}

size_t chart_marker_points(const struct chart_item *it, double pts[8])
{
	double x = it->x, y = it->y, r = it->w;
	switch (it->shape) {
	case SHAPE_SQUARE: {
		double q = r * 0.9;
		const double sq[8] = {x - q, y - q, x + q, y - q, x + q, y + q, x - q, y + q};
		memcpy(pts, sq, sizeof(sq));
		return 4;
	}
	case SHAPE_TRIANGLE: {
		const double tr[6] = {x, y - r * 1.2, x + r * 1.15, y + r * 0.8, x - r * 1.15, y + r * 0.8};
		memcpy(pts, tr, sizeof(tr));
		return 3;
	}
	case SHAPE_DIAMOND: {
		const double di[8] = {x, y - r * 1.3, x + r * 1.3, y, x, y + r * 1.3, x - r * 1.3, y};
		memcpy(pts, di, sizeof(di));
		return 4;
	}
	default: return 0;
	}
}

void chart_text_item(struct chart_layout *L, const struct chart_text_style *ts, double x, double y, const char *s,
		     size_t n, int ellipsis)
{
	size_t off = chart_str(L, s, n, ellipsis);
	chart_push(L, &(struct chart_item){.op = CHART_TEXT,
					   .x = x,
					   .y = y,
					   .h = ts->size,
					   .fill = ts->colour,
					   .stroke = ts->halo,
					   .stroke_width = ts->halo == CHART_NOCOLOR ? 0 : 3,
					   .anchor = (unsigned char) ts->anchor,
					   .text = off});
}

void chart_text(struct chart_layout *L, const struct chart_text_style *ts, double x, double y, const char *s)
{
	chart_text_item(L, ts, x, y, s, strlen(s), 0);
}

/* Halfway between c and white: a hatch that tells series apart without drowning their colour. */
static uint32_t lighter(uint32_t c)
{
	uint32_t out = 0;
	for (int shift = 0; shift < 24; shift += 8)
		out |= (((c >> shift & 0xff) + 0xff) / 2) << shift;
	return out;
}

struct chart_paint chart_series_paint(size_t series)
{
	uint32_t fill = chart_palette[series % CHART_PALETTE];
	return (struct chart_paint){.fill = fill,
				    .stroke = CHART_WHITE,
				    .width = 1,
				    .hatch = series_hatch[series % sizeof(series_hatch)],
				    .hatch_colour = lighter(fill)};
}

/* A suppressed cell: pale, hatched dark, a dashed outline; never to scale. */
const struct chart_paint chart_stub_paint = {
    .fill = 0xf0f0f0, .stroke = CHART_AXIS, .width = 1, .hatch = HATCH_DIAG, .hatch_colour = 0x6b6b6b, .dash = 2};

static size_t next_char(const char *s, size_t i, size_t n)
{
	i++;
	while (i < n && ((unsigned char) s[i] & 0xc0) == 0x80)
		i++;
	return i;
}

static int space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t chart_wrap(const char *s, double maxw, double size, size_t maxlines, struct chart_span *out)
{
	size_t n = strlen(s), i = 0, nl = 0;
	while (i < n && space(s[i]))
		i++;
	while (i < n && nl < maxlines) {
		/* The longest run of whole words from i that fits. */
		size_t end = 0, j = i;
		while (j < n) {
			size_t we = j;
			while (we < n && space(s[we]))
				we++;
			while (we < n && !space(s[we]))
				we++;
			if (chart_text_width(s + i, we - i, size) > maxw)
				break;
			end = j = we;
		}
		if (!end) { /* one word wider than the line: cut it between characters */
			end = next_char(s, i, n);
			while (end < n && chart_text_width(s + i, next_char(s, end, n) - i, size) <= maxw)
				end = next_char(s, end, n);
		}
		out[nl++] = (struct chart_span){s + i, end - i, 0, chart_text_width(s + i, end - i, size)};
		i = end;
		while (i < n && space(s[i]))
			i++;
	}
	if (i < n && nl) { /* text left over: shorten the last line to make room for an ellipsis */
		struct chart_span *last = &out[nl - 1];
		double ell = chart_text_width("\xe2\x80\xa6", 3, size);
		size_t k = last->n;
		while (k && (chart_text_width(last->s, k, size) + ell > maxw || space(last->s[k - 1]))) {
			k--;
			while (k && ((unsigned char) last->s[k] & 0xc0) == 0x80)
				k--;
		}
		last->n = k;
		last->ellipsis = 1;
		last->w = chart_text_width(last->s, k, size) + ell;
	}
	return nl;
}

void chart_text_lines(struct chart_layout *L, const struct chart_text_style *ts, double x, double cy,
		      const struct chart_span *sp, size_t n)
{
	double lh = ts->size * CHART_LEADING;
	double base = cy - lh * (double) n / 2 + lh / 2 + ts->size * CHART_MIDDLE;
	for (size_t i = 0; i < n; i++)
		chart_text_item(L, ts, x, base + lh * (double) i, sp[i].s, sp[i].n, sp[i].ellipsis);
}

void chart_count_text(long long v, char out[CHART_CELL_CHARS])
{
	char digits[24];
	int n = snprintf(digits, sizeof(digits), "%lld", v);
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		out[k++] = digits[i];
		if (i < n - 1 && (n - 1 - i) % 3 == 0)
			out[k++] = '.';
	}
	out[k] = '\0';
}

const char *chart_cell_text(const struct rtable *t, size_t row, size_t col, char out[CHART_CELL_CHARS])
{
	size_t i = row * t->ncols + col;
	if (t->state[i] == CELL_LOW)
		snprintf(out, CHART_CELL_CHARS, "< 5");
	else if (t->state[i] == CELL_HIDDEN)
		snprintf(out, CHART_CELL_CHARS, "x");
	else
		chart_count_text(t->value[i], out);
	return out;
}

struct chart_scale chart_scale(long long max)
{
	static const long long mult[] = {1, 2, 5};
	long long step = 1;
	for (long long mag = 1; max > 5 * step; mag *= 10)
		for (size_t i = 0; i < 3 && max > 5 * (step = mult[i] * mag); i++)
			;
	long long top = (max + step - 1) / step * step;
	return (struct chart_scale){.step = step, .top = top ? top : step};
}

double chart_legend(struct chart_layout *L, double y, const struct chart_key *keys, size_t n)
{
	const struct chart_text_style ts = {CHART_SMALL, CHART_INK, CHART_NOCOLOR, ANCHOR_START};
	double x = CHART_MARGIN, row = 22;
	for (size_t i = 0; i < n; i++) {
		double sw = keys[i].swatch == KEY_LINE ? 24 : keys[i].swatch == KEY_NONE ? 0 : 12;
		double pad = sw ? 6 : 0;
		struct chart_span sp;
		double room = CHART_WIDTH - 2 * CHART_MARGIN - sw - pad;
		if (!chart_wrap(keys[i].text, room, CHART_SMALL, 1, &sp))
			continue;
		if (x > CHART_MARGIN && x + sw + pad + sp.w > CHART_WIDTH - CHART_MARGIN) {
			x = CHART_MARGIN;
			y += row;
		}
		double cy = y + row / 2;
		if (keys[i].swatch == KEY_BOX) {
			struct chart_paint p = chart_series_paint(keys[i].series);
			chart_rect(L, x, cy - 6, 12, 12, &p);
		} else if (keys[i].swatch == KEY_STUB) {
			chart_rect(L, x, cy - 6, 12, 12, &chart_stub_paint);
		} else if (keys[i].swatch == KEY_LINE) {
			double xy[4] = {x, cy, x + 24, cy};
			chart_path(L, xy, 2, keys[i].series);
			chart_marker(L, x + 12, cy, keys[i].series, 0);
		}
		chart_text_lines(L, &ts, x + sw + pad, cy, &sp, 1);
		x += sw + pad + sp.w + 18;
	}
	return y + row;
}

double chart_marks_legend(struct chart_layout *L, double y, const struct chart_view *v, int stub)
{
	struct chart_key keys[2];
	size_t n = 0;
	enum chart_swatch sw = stub ? KEY_STUB : KEY_NONE;
	if (v->low)
		keys[n++] = (struct chart_key){sw, 0, "< 5 = 1 tot 4 zaken"};
	if (v->hidden)
		keys[n++] =
		    (struct chart_key){sw, 0, "x = weggelaten, zodat kleine aantallen niet terug te rekenen zijn"};
	return n ? chart_legend(L, y + 4, keys, n) : y;
}

/* The accessible description: every figure the chart draws, in words. */
static void describe(struct chart_layout *L, const struct chart_view *v, enum chart_kind kind)
{
	static const char *const what[] = {[CHART_BARS] = "Staafdiagram.",
					   [CHART_LINES] = "Lijndiagram.",
					   [CHART_STACKED] = "Gestapeld staafdiagram."};
	const struct rtable *t = v->t;
	struct buf *b = &L->strings;
	size_t start = b->len;
	int rc = buf_adds(b, what[kind]);
	for (size_t r = 0; r < v->nr && !rc; r++) {
		rc = buf_addf(b, " %s:", t->rows[r]);
		size_t c0 = kind == CHART_BARS ? v->bar_col : 0, c1 = kind == CHART_BARS ? v->bar_col + 1 : v->nc;
		for (size_t c = c0; c < c1 && !rc; c++) {
			char cell[CHART_CELL_CHARS];
			chart_cell_text(t, r, c, cell);
			if (kind == CHART_BARS)
				rc = buf_addf(b, " %s.", cell);
			else
				rc = buf_addf(b, " %s %s%s", t->cols[c], cell, c + 1 < c1 ? "," : ".");
		}
	}
	if (!rc && v->low)
		rc = buf_adds(b, " < 5 betekent 1 tot 4 zaken.");
	if (!rc && v->hidden)
		rc = buf_adds(b, " x betekent weggelaten, zodat kleine aantallen niet terug te rekenen zijn.");
	if (!rc)
		rc = buf_addc(b, '\0');
	if (rc) {
		buf_truncate(b, start);
		L->err = rc;
	}
	L->desc = start;
}

static int is_total(const char *label)
{
	return !strcasecmp(label, "Totaal");
}

/* Check t and find what kind draws of it; 0 or an error of chart.h. */
static int view(const struct rtable *t, enum chart_kind kind, struct chart_view *v)
{
	if (!t || kind <= CHART_NONE || kind > CHART_STACKED || !t->nrows || !t->ncols || !t->rows || !t->cols ||
	    !t->value || !t->state)
		return ERR_INVALID;
	if (t->nrows > CHART_MAX_ROWS || t->ncols > CHART_MAX_COLS)
		return ERR_TOO_LARGE;
	for (size_t r = 0; r < t->nrows; r++)
		if (!t->rows[r])
			return ERR_INVALID;
	for (size_t c = 0; c < t->ncols; c++)
		if (!t->cols[c])
			return ERR_INVALID;
	*v = (struct chart_view){.t = t, .nr = t->nrows, .nc = t->ncols};
	if (v->nr > 1 && is_total(t->rows[v->nr - 1]))
		v->nr--;
	int total_col = v->nc > 1 && is_total(t->cols[v->nc - 1]);
	if (total_col)
		v->nc--;
	v->bar_col = total_col ? t->ncols - 1 : 0;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		if (t->state[i] > CELL_HIDDEN || t->value[i] < 0 || t->value[i] > CHART_MAX_COUNT)
			return ERR_INVALID;
	for (size_t r = 0; r < v->nr; r++) {
		size_t c0 = kind == CHART_BARS ? v->bar_col : 0, c1 = kind == CHART_BARS ? v->bar_col + 1 : v->nc;
		for (size_t c = c0; c < c1; c++) {
			v->low |= t->state[r * t->ncols + c] == CELL_LOW;
			v->hidden |= t->state[r * t->ncols + c] == CELL_HIDDEN;
		}
	}
	return 0;
}

int chart_layout(struct chart_layout *L, const struct rtable *t, enum chart_kind kind)
{
	struct chart_view v;
	*L = (struct chart_layout){.strings = BUF_INIT(CHART_MAX_TEXT)};
	int rc = view(t, kind, &v);
	if (rc)
		return rc;
	L->title = chart_str(L, t->title ? t->title : "Grafiek", strlen(t->title ? t->title : "Grafiek"), 0);
	describe(L, &v, kind);
	if (kind == CHART_BARS)
		chart_layout_bars(L, &v);
	else if (kind == CHART_LINES)
		chart_layout_lines(L, &v);
	else
		chart_layout_stacked(L, &v);
	rc = L->err;
	if (rc)
		chart_layout_free(L);
	return rc;
}

int chart_height(const struct rtable *t, enum chart_kind kind, double width, double *height)
{
	struct chart_layout L;
	int rc = chart_layout(&L, t, kind);
	if (!rc)
		*height = L.height * width / CHART_WIDTH;
	chart_layout_free(&L);
	return rc;
}
