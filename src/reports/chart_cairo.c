/*
 * The cairo back-end (chart.h): draws a laid-out chart on a cairo context,
 * scaled from CHART_WIDTH to the width asked, text set with pango. Hatches
 * are tiles on a recording surface repeated as a pattern, anchored at the
 * chart's corner as the SVG's are, so a PDF keeps them as vectors. A layout
 * error is returned before anything is drawn; a cairo error (the context's
 * status after drawing) is returned as ERR_NOMEM.
 */
#include <fontconfig/fontconfig.h>

#include "reports/chart_layout.h"
#include "reports/typeset.h"

/* The fill of a hatched item: its colour with the hatch's tile over it, repeated. */
static cairo_pattern_t *hatch_pattern(const struct chart_item *it)
{
	const struct chart_tile *tile = &chart_tiles[it->hatch];
	cairo_rectangle_t ext = {0, 0, CHART_TILE, CHART_TILE};
	cairo_surface_t *rs = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
	cairo_t *tc = cairo_create(rs);
	typeset_colour(tc, it->fill);
	cairo_paint(tc);
	typeset_colour(tc, it->hatch_colour);
	for (size_t j = 0; j < tile->nlines; j++) {
		cairo_move_to(tc, tile->lines[j][0], tile->lines[j][1]);
		cairo_line_to(tc, tile->lines[j][2], tile->lines[j][3]);
	}
	cairo_set_line_width(tc, tile->line_width);
	cairo_stroke(tc);
	if (tile->dot > 0) {
		cairo_arc(tc, CHART_TILE / 2, CHART_TILE / 2, tile->dot, 0, 2 * G_PI);
		cairo_fill(tc);
	}
	cairo_destroy(tc);
	cairo_pattern_t *p = cairo_pattern_create_for_surface(rs);
	cairo_surface_destroy(rs);
	cairo_pattern_set_extend(p, CAIRO_EXTEND_REPEAT);
	return p;
}

/* Fill and stroke the current path as the item says, dashes included. */
static void paint(cairo_t *cr, const struct chart_item *it)
{
	if (it->fill != CHART_NOCOLOR) {
		if (it->op == CHART_RECT && it->hatch) {
			cairo_pattern_t *p = hatch_pattern(it);
			cairo_set_source(cr, p);
			cairo_pattern_destroy(p);
		} else {
			typeset_colour(cr, it->fill);
		}
		if (it->stroke != CHART_NOCOLOR)
			cairo_fill_preserve(cr);
		else
			cairo_fill(cr);
	}
	if (it->stroke == CHART_NOCOLOR) {
		cairo_new_path(cr);
		return;
	}
	typeset_colour(cr, it->stroke);
	cairo_set_line_width(cr, it->stroke_width);
	cairo_set_dash(cr, chart_dashes[it->dash], it->dash ? 2 : 0, 0);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
}

static void text(cairo_t *cr, PangoContext *pc, const struct chart_layout *L, const struct chart_item *it)
{
	PangoLayout *pl = typeset_layout(pc, chart_string(L, it->text), it->h, 0, 0);
	double w, base, x = it->x;
	typeset_extents(pl, &w, NULL, &base);
	if (it->anchor == ANCHOR_MIDDLE)
		x -= w / 2;
	else if (it->anchor == ANCHOR_END)
		x -= w;
	if (it->stroke != CHART_NOCOLOR) {
		cairo_move_to(cr, x, it->y - base);
		pango_cairo_layout_path(cr, pl);
		typeset_colour(cr, it->stroke);
		cairo_set_line_width(cr, it->stroke_width);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
		cairo_stroke(cr);
	}
	cairo_move_to(cr, x, it->y - base);
	typeset_colour(cr, it->fill);
	pango_cairo_show_layout(cr, pl);
	g_object_unref(pl);
}

static void item(cairo_t *cr, PangoContext *pc, const struct chart_layout *L, const struct chart_item *it)
{
	double pts[8];
	size_t n;
	cairo_new_path(cr); /* showing a text leaves a current point behind */
	switch (it->op) {
	case CHART_RECT: cairo_rectangle(cr, it->x, it->y, it->w, it->h); break;
	case CHART_LINE:
		cairo_move_to(cr, it->x, it->y);
		cairo_line_to(cr, it->x + it->w, it->y + it->h);
		break;
	case CHART_PATH:
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		for (size_t j = 0; j < it->count; j++)
			cairo_line_to(cr, L->pts[2 * (it->first + j)], L->pts[2 * (it->first + j) + 1]);
		break;
	case CHART_MARKER:
		if (!(n = chart_marker_points(it, pts)))
			cairo_arc(cr, it->x, it->y, it->w, 0, 2 * G_PI);
		for (size_t j = 0; j < n; j++)
			cairo_line_to(cr, pts[2 * j], pts[2 * j + 1]);
		cairo_close_path(cr);
		break;
	case CHART_TEXT: text(cr, pc, L, it); return;
	}
	paint(cr, it);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
}

int chart_cairo(cairo_t *cr, PangoFontMap *fm, const struct rtable *t, enum chart_kind kind, double width,
		double *height)
{
	struct chart_layout L;
	int rc = chart_layout(&L, t, kind);
	if (rc)
		return rc;
	PangoContext *pc = typeset_context(fm);
	double k = width / CHART_WIDTH;
	cairo_save(cr);
	cairo_scale(cr, k, k);
	for (size_t i = 0; i < L.nitems; i++)
		item(cr, pc, &L, &L.items[i]);
	cairo_restore(cr);
	g_object_unref(pc);
	*height = L.height * k;
	chart_layout_free(&L);
	return cairo_status(cr) ? ERR_NOMEM : 0;
}

PangoFontMap *chart_font_map(void)
{
	return typeset_font_map();
}

void chart_cleanup(void)
{
	if (!typeset_settle(5))
		return;
	cairo_debug_reset_static_data();
	FcFini();
}
