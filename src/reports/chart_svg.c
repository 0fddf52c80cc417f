/*
 * The SVG back-end (chart.h): writes a laid-out chart as one <svg> element.
 * Literal markup goes out raw; every text from the table goes through
 * html_text, which suits XML too (its entities are XML's, it drops control
 * bytes and mends invalid UTF-8) except for U+FFFE and U+FFFF, which XML
 * forbids and html_text lets through: those become U+FFFD here. Ids are
 * made of a-z, 0-9 and '-' only. Numbers are printed with one decimal, so
 * the same table gives the same bytes. On error the output buf is cut back.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "html/escape.h"
#include "reports/chart_layout.h"

struct svg {
	struct buf *out;
	const struct chart_layout *L;
	char id[64];
	int rc;
	size_t *fills; /* the first item of each distinct hatched fill: one <pattern> each */
	size_t nfills;
};

static void put(struct svg *s, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void put(struct svg *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (!s->rc)
		s->rc = buf_vaddf(s->out, fmt, ap);
	va_end(ap);
}

/* v with at most one decimal, without "-0" or a trailing ".0". */
static const char *num(char out[32], double v)
{
	snprintf(out, 32, "%.1f", v);
	size_t n = strlen(out);
	if (n > 2 && !strcmp(out + n - 2, ".0"))
		out[n - 2] = '\0';
	if (!strcmp(out, "-0"))
		out[0] = '0', out[1] = '\0';
	return out;
}
#define N(v) num((char[32]){0}, (v))

/* Whether p starts with U+FFFE or U+FFFF (EF BF BE, EF BF BF). */
static int nonchar(const char *p, size_t left)
{
	const unsigned char *u = (const unsigned char *) p;
	return left >= 3 && u[0] == 0xef && u[1] == 0xbf && (u[2] & 0xfe) == 0xbe;
}

/* Element text: html_text, with the two noncharacters XML refuses replaced. */
static void text(struct svg *s, const char *str)
{
	size_t n = strlen(str), i = 0;
	while (!s->rc && i < n) {
		size_t j = i;
		while (j < n && !nonchar(str + j, n - j))
			j++;
		s->rc = html_text(s->out, str + i, j - i);
		if (!s->rc && j < n) {
			s->rc = buf_adds(s->out, "\xef\xbf\xbd");
			j += 3;
		}
		i = j;
	}
}

static int same_fill(const struct chart_item *a, const struct chart_item *b)
{
	return a->fill == b->fill && a->hatch == b->hatch && a->hatch_colour == b->hatch_colour;
}

/* Which <pattern> item i fills with. */
static size_t fill_index(const struct svg *s, size_t i)
{
	size_t k = 0;
	while (k < s->nfills && !same_fill(&s->L->items[s->fills[k]], &s->L->items[i]))
		k++;
	return k;
}

static void defs(struct svg *s)
{
	const struct chart_layout *L = s->L;
	if (s->rc)
		return;
	for (size_t i = 0; i < L->nitems; i++)
		if (L->items[i].op == CHART_RECT && L->items[i].hatch && fill_index(s, i) == s->nfills)
			s->fills[s->nfills++] = i;
	if (!s->nfills)
		return;
	put(s, "<defs>");
	for (size_t k = 0; k < s->nfills; k++) {
		const struct chart_item *it = &L->items[s->fills[k]];
		const struct chart_tile *tile = &chart_tiles[it->hatch];
		put(s,
		    "<pattern id=\"%s-f%zu\" width=\"%s\" height=\"%s\" patternUnits=\"userSpaceOnUse\">"
		    "<rect width=\"%s\" height=\"%s\" fill=\"#%06x\"/>",
		    s->id, k, N(CHART_TILE), N(CHART_TILE), N(CHART_TILE), N(CHART_TILE), it->fill);
		if (tile->nlines) {
			put(s, "<path d=\"");
			for (size_t j = 0; j < tile->nlines; j++)
				put(s, "M%s %sL%s %s", N(tile->lines[j][0]), N(tile->lines[j][1]), N(tile->lines[j][2]),
				    N(tile->lines[j][3]));
			put(s, "\" stroke=\"#%06x\" stroke-width=\"%s\"/>", it->hatch_colour, N(tile->line_width));
		}
		if (tile->dot > 0)
			put(s, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"#%06x\"/>", N(CHART_TILE / 2),
			    N(CHART_TILE / 2), N(tile->dot), it->hatch_colour);
		put(s, "</pattern>");
	}
	put(s, "</defs>");
}

/* fill, stroke, stroke-width and dashes of an item, each only when it has one. */
static void paint(struct svg *s, size_t i)
{
	const struct chart_item *it = &s->L->items[i];
	if (it->op == CHART_RECT && it->hatch)
		put(s, " fill=\"url(#%s-f%zu)\"", s->id, fill_index(s, i));
	else if (it->fill != CHART_NOCOLOR)
		put(s, " fill=\"#%06x\"", it->fill);
	else if (it->op != CHART_LINE)
		put(s, " fill=\"none\"");
	if (it->stroke != CHART_NOCOLOR)
		put(s, " stroke=\"#%06x\" stroke-width=\"%s\"", it->stroke, N(it->stroke_width));
	if (it->dash)
		put(s, " stroke-dasharray=\"%s %s\"", N(chart_dashes[it->dash][0]), N(chart_dashes[it->dash][1]));
}

static void item(struct svg *s, size_t i)
{
	static const char *const anchor[] = {"", " text-anchor=\"middle\"", " text-anchor=\"end\""};
	const struct chart_layout *L = s->L;
	const struct chart_item *it = &L->items[i];
	double pts[8];
	size_t n;
	switch (it->op) {
	case CHART_RECT:
		put(s, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"", N(it->x), N(it->y), N(it->w), N(it->h));
		break;
	case CHART_LINE:
		put(s, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"", N(it->x), N(it->y), N(it->x + it->w),
		    N(it->y + it->h));
		break;
	case CHART_PATH:
		put(s, "<polyline stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"");
		for (size_t j = 0; j < it->count; j++)
			put(s, "%s%s,%s", j ? " " : "", N(L->pts[2 * (it->first + j)]),
			    N(L->pts[2 * (it->first + j) + 1]));
		put(s, "\"");
		break;
	case CHART_MARKER:
		if (!(n = chart_marker_points(it, pts))) {
			put(s, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\"", N(it->x), N(it->y), N(it->w));
			break;
		}
		put(s, "<polygon points=\"");
		for (size_t j = 0; j < n; j++)
			put(s, "%s%s,%s", j ? " " : "", N(pts[2 * j]), N(pts[2 * j + 1]));
		put(s, "\"");
		break;
	case CHART_TEXT:
		put(s, "<text x=\"%s\" y=\"%s\" font-size=\"%s\"%s", N(it->x), N(it->y), N(it->h), anchor[it->anchor]);
		if (it->stroke != CHART_NOCOLOR) /* a halo behind the letters, for text on a hatch or a line */
			put(s, " paint-order=\"stroke\" stroke-linejoin=\"round\"");
		paint(s, i);
		put(s, ">");
		text(s, chart_string(L, it->text));
		put(s, "</text>");
		return;
	}
	paint(s, i);
	put(s, "/>");
}

/* The id prefix: id, or "chart-" and the table's id, bytes outside a-z, 0-9 and '-' as '-'. */
static void make_id(char out[64], const char *id, const struct rtable *t)
{
	if (!id || !*id)
		snprintf(out, 64, "chart-%s", t->id && *t->id ? t->id : "table");
	else
		snprintf(out, 64, "%s", id);
	for (char *p = out; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			*p = (*p >= 'A' && *p <= 'Z') ? (char) (*p - 'A' + 'a') : '-';
}

int chart_svg(struct buf *out, const struct rtable *t, enum chart_kind kind, const char *id)
{
	struct chart_layout L;
	size_t start = out->len;
	int rc = chart_layout(&L, t, kind);
	if (rc)
		return rc;
	struct svg s = {.out = out, .L = &L, .fills = mem_alloc(L.nitems * sizeof(size_t))};
	if (!s.fills)
		s.rc = ERR_NOMEM;
	make_id(s.id, id, t);
	put(&s,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s "
	    "%s\" "
	    "role=\"img\" aria-labelledby=\"%s-title %s-desc\" font-family=\"DejaVu Sans, Verdana, sans-serif\">"
	    "<title id=\"%s-title\">",
	    N(CHART_WIDTH), N(L.height), N(CHART_WIDTH), N(L.height), s.id, s.id, s.id);
	text(&s, chart_string(&L, L.title));
	put(&s, "</title><desc id=\"%s-desc\">", s.id);
	text(&s, chart_string(&L, L.desc));
	put(&s, "</desc>");
	defs(&s);
	for (size_t i = 0; i < L.nitems; i++) {
		put(&s, "\n");
		item(&s, i);
	}
	put(&s, "\n</svg>\n");
	rc = s.rc;
	if (rc)
		buf_truncate(out, start);
	mem_free(s.fills);
	chart_layout_free(&L);
	return rc;
}
