/*
 * Setting text with pango (typeset.h). Never fails: pango and glib abort on
 * an exhausted heap, and invalid UTF-8 is mended with glib's own routine
 * before it reaches pango, which would otherwise refuse the text with a
 * warning. Font maps are counted because pango matches fonts in a thread of
 * its own that keeps the map alive after its owner let go; tearing cairo's
 * font caches down before that thread is done aborts in cairo.
 */
#include "reports/typeset.h"

#include <stdatomic.h>

static atomic_int live_maps;

static void map_gone(gpointer data, GObject *gone)
{
	atomic_fetch_sub(&live_maps, 1);
}

PangoFontMap *typeset_font_map(void)
{
	PangoFontMap *fm = pango_cairo_font_map_new();
	atomic_fetch_add(&live_maps, 1);
	g_object_weak_ref(G_OBJECT(fm), map_gone, NULL);
	return fm;
}

int typeset_settle(double seconds)
{
	for (double waited = 0; atomic_load(&live_maps); waited += 0.001) {
		if (waited >= seconds)
			return 0;
		g_usleep(1000);
	}
	return 1;
}

PangoContext *typeset_context(PangoFontMap *fm)
{
	PangoContext *pc = pango_font_map_create_context(fm);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(pc, pango_language_from_string("nl"));
	return pc;
}

PangoLayout *typeset_layout(PangoContext *pc, const char *text, double size, int bold, double width)
{
	PangoLayout *l = pango_layout_new(pc);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family_static(fd, TYPESET_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int) (width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	if (g_utf8_validate(text, -1, NULL)) {
		pango_layout_set_text(l, text, -1);
	} else {
		gchar *valid = g_utf8_make_valid(text, -1);
		pango_layout_set_text(l, valid, -1);
		g_free(valid);
	}
	return l;
}

void typeset_extents(PangoLayout *l, double *width, double *height, double *baseline)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	if (width)
		*width = (double) r.width / PANGO_SCALE;
	if (height)
		*height = (double) r.height / PANGO_SCALE;
	if (baseline)
		*baseline = (double) pango_layout_get_baseline(l) / PANGO_SCALE;
}

void typeset_colour(cairo_t *cr, uint32_t rgb)
{
	cairo_set_source_rgb(cr, (rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}
