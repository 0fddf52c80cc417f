/*
 * The annual report's PDF (pdf.h): the cover, the text flow and the footer;
 * the tables and charts are in pdf_table.c. The report is drawn twice: the
 * first time into nowhere, to count the pages for "pagina N van M", the
 * second into out. A failed append to out stops cairo with a write error;
 * any cairo error ends in an error code and out cut back. Pango and cairo
 * keep no state between reports: each has its own font map, freed at the
 * end, so threads can make reports side by side.
 */
#include "reports/pdf_flow.h"

#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

#include "reports/typeset.h"

/* Text as pango would take it: valid UTF-8 (for cairo's outline and metadata, which refuse anything else). */
static char *valid_utf8(const char *s)
{
	return g_utf8_make_valid(s, -1);
}

double pdf_text_at(struct pdf *p, const char *text, double x, double y, double size, int bold, uint32_t colour,
		   double width)
{
	PangoLayout *l = typeset_layout(p->pc, text, size, bold, width);
	double h;
	typeset_extents(l, NULL, &h, NULL);
	cairo_move_to(p->cr, x, y);
	typeset_colour(p->cr, colour);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	return h;
}

static void footer(struct pdf *p)
{
	char left[256], right[64];
	if (p->pages)
		snprintf(right, sizeof(right), "pagina %d van %d", p->page, p->pages);
	else
		snprintf(right, sizeof(right), "pagina %d van %d", p->page, p->page);
	snprintf(left, sizeof(left), "Jaarverslag vertrouwenspersoon %d \xc2\xb7 %s", p->r->year, p->r->org);
	double y = PDF_PAGE_H - 56;
	typeset_colour(p->cr, PDF_RULE);
	cairo_rectangle(p->cr, PDF_LEFT, y, PDF_TEXT_W, 0.6);
	cairo_fill(p->cr);
	PangoLayout *l = typeset_layout(p->pc, right, 8, 0, 0);
	double w;
	typeset_extents(l, &w, NULL, NULL);
	cairo_move_to(p->cr, PDF_LEFT + PDF_TEXT_W - w, y + 8);
	typeset_colour(p->cr, PDF_MUTED);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	l = typeset_layout(p->pc, left, 8, 0, PDF_TEXT_W - w - 24);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	cairo_move_to(p->cr, PDF_LEFT, y + 8);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

void pdf_new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = PDF_TOP;
}

void pdf_need(struct pdf *p, double h)
{
	if (p->y + h > PDF_END && p->y > PDF_TOP)
		pdf_new_page(p);
}

void pdf_paragraph(struct pdf *p, const char *text, double size, uint32_t colour)
{
	PangoLayout *l = typeset_layout(p->pc, text, size, 0, PDF_TEXT_W);
	pango_layout_set_spacing(l, (int) (size * 0.45 * PANGO_SCALE));
	PangoLayoutIter *it = pango_layout_get_iter(l);
	typeset_colour(p->cr, colour);
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		double h = (double) (y1 - y0) / PANGO_SCALE;
		double base = (double) (pango_layout_iter_get_baseline(it) - y0) / PANGO_SCALE;
		pdf_need(p, h);
		typeset_colour(p->cr, colour);
		cairo_move_to(p->cr, PDF_LEFT, p->y + base);
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		p->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
	p->y += size * 0.8;
}

/* Paragraphs of plain text apart by blank lines; a single newline stays a line break. */
static void paragraphs(struct pdf *p, const char *text)
{
	const char *s = text;
	while (*s) {
		while (*s == '\n' || *s == '\r' || *s == ' ' || *s == '\t')
			s++;
		const char *e = s;
		while (*e && !(e[0] == '\n' && (e[1] == '\n' || (e[1] == '\r' && e[2] == '\n'))))
			e++;
		if (e > s) {
			char *para = g_strndup(s, (gsize) (e - s));
			pdf_paragraph(p, g_strchomp(para), 10, PDF_INK);
			g_free(para);
		}
		s = e;
	}
}

void pdf_heading(struct pdf *p, const char *text, int level)
{
	double size = level == 1 ? 19 : 13;
	char *name = valid_utf8(text);
	PangoLayout *l = typeset_layout(p->pc, name, size, 1, PDF_TEXT_W);
	double h;
	typeset_extents(l, NULL, &h, NULL);
	if (p->y > PDF_TOP)
		p->y += level == 1 ? 18 : 12;
	pdf_need(p, h + 120); /* never a heading alone at the foot of a page */
	char dest[96];
	snprintf(dest, sizeof(dest), "page=%d pos=[%.1f %.1f]", p->page, PDF_LEFT, p->y);
	int id =
	    cairo_pdf_surface_add_outline(p->surface, level == 1 ? CAIRO_PDF_OUTLINE_ROOT : p->outline, name, dest, 0);
	if (level == 1)
		p->outline = id;
	cairo_move_to(p->cr, PDF_LEFT, p->y);
	typeset_colour(p->cr, level == 1 ? PDF_DARK : PDF_ACCENT);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	g_free(name);
	p->y += h + (level == 1 ? 4 : 6);
	if (level == 1) {
		typeset_colour(p->cr, PDF_ACCENT);
		cairo_rectangle(p->cr, PDF_LEFT, p->y, 48, 3);
		cairo_fill(p->cr);
		p->y += 16;
	}
}

/* The logo scaled into a box of at most w by h points at (x, y). */
static void logo(struct pdf *p, cairo_surface_t *img, double x, double y, double w, double h)
{
	double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
	double k = w / iw < h / ih ? w / iw : h / ih;
	cairo_save(p->cr);
	cairo_translate(p->cr, x, y);
	cairo_scale(p->cr, k, k);
	cairo_set_source_surface(p->cr, img, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(p->cr), CAIRO_FILTER_GOOD);
	cairo_paint(p->cr);
	cairo_restore(p->cr);
}

static void cover(struct pdf *p, cairo_surface_t *img)
{
	const struct pdf_report *r = p->r;
	char year[16], period[96];
	snprintf(year, sizeof(year), "%d", r->year);
	snprintf(period, sizeof(period), "Over de periode 1 januari tot en met 31 december %d", r->year);
	typeset_colour(p->cr, PDF_DARK);
	cairo_rectangle(p->cr, 0, 0, PDF_PAGE_W, 14);
	cairo_fill(p->cr);
	if (img)
		logo(p, img, PDF_LEFT, 60, 200, 80);
	double y = 300;
	typeset_colour(p->cr, PDF_ACCENT);
	cairo_rectangle(p->cr, PDF_LEFT - 20, y + 4, 5, 190);
	cairo_fill(p->cr);
	y += pdf_text_at(p, "Jaarverslag vertrouwenspersoon", PDF_LEFT, y, 25, 1, PDF_DARK, PDF_TEXT_W) + 4;
	y += pdf_text_at(p, year, PDF_LEFT, y, 56, 1, PDF_ACCENT, 0) + 14;
	y += pdf_text_at(p, r->org, PDF_LEFT, y, 17, 0, PDF_INK, PDF_TEXT_W) + 8;
	pdf_text_at(p, period, PDF_LEFT, y, 10.5, 0, PDF_MUTED, PDF_TEXT_W);
	pdf_text_at(p,
		    "Dit verslag telt zaken, geen personen of gesprekken, en bevat niets dat naar een persoon kan "
		    "wijzen. Kleine aantallen zijn afgeschermd: \xe2\x80\x9c< 5\xe2\x80\x9d betekent 1 tot 4 zaken, "
		    "\xe2\x80\x9cx\xe2\x80\x9d betekent weggelaten, zodat geen klein aantal uit totalen of "
		    "verschillen terug te rekenen is.",
		    PDF_LEFT, PDF_PAGE_H - 160, 9, 0, PDF_MUTED, PDF_TEXT_W * 0.8);
}

static void body(struct pdf *p, cairo_surface_t *img)
{
	const struct pdf_report *r = p->r;
	cover(p, img);
	pdf_new_page(p);
	if (r->nintro) {
		pdf_heading(p, "Inleiding", 1);
		for (size_t i = 0; i < r->nintro; i++)
			paragraphs(p, r->intro[i]);
	}
	if (r->ntables) {
		pdf_heading(p, "Cijfers", 1);
		pdf_paragraph(p,
			      "Alle aantallen tellen zaken: mensen die in het jaar bij de vertrouwenspersoon kwamen, "
			      "niet het aantal gesprekken. Om te voorkomen dat een aantal naar een persoon kan wijzen, "
			      "zijn kleine aantallen afgeschermd. \xe2\x80\x9c< 5\xe2\x80\x9d betekent 1 tot 4 zaken; "
			      "\xe2\x80\x9cx\xe2\x80\x9d betekent dat een aantal is weggelaten, zodat een klein aantal "
			      "niet uit totalen of verschillen terug te rekenen is.",
			      10, PDF_INK);
		for (size_t i = 0; i < r->ntables; i++)
			pdf_table_section(p, &r->tables[i]);
	}
	if (r->advice && *r->advice) {
		pdf_heading(p, "Signalen en adviezen", 1);
		paragraphs(p, r->advice);
	}
	footer(p);
	cairo_show_page(p->cr);
}

struct sink {
	struct buf *out;
	int rc;
};

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *k = closure;
	if (!k->rc)
		k->rc = buf_add(k->out, (const char *) data, len);
	return k->rc ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* Draw the report into k (NULL: nowhere), knowing it has pages pages (0: not yet); the page count into *count. */
static int render(const struct pdf_report *r, cairo_surface_t *img, struct sink *k, int pages, int *count)
{
	struct pdf p = {.r = r, .page = 1, .pages = pages, .y = PDF_TOP};
	p.surface = cairo_pdf_surface_create_for_stream(k ? sink_write : NULL, k, PDF_PAGE_W, PDF_PAGE_H);
	char title[128], *org = valid_utf8(r->org);
	snprintf(title, sizeof(title), "Jaarverslag vertrouwenspersoon %d", r->year);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_AUTHOR, org);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR, "vertrouwd");
	g_free(org);
	p.cr = cairo_create(p.surface);
	p.fm = typeset_font_map();
	p.pc = typeset_context(p.fm);
	body(&p, img);
	int status = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surface);
	if (!status)
		status = cairo_surface_status(p.surface);
	cairo_surface_destroy(p.surface);
	g_object_unref(p.pc);
	g_object_unref(p.fm);
	*count = p.page;
	if (k && k->rc)
		return k->rc;
	return p.err ? p.err : status ? ERR_NOMEM : 0;
}

/* Reading the logo: the first bytes are checked as they pass, before the PNG decoder allocates the image. */
struct png_in {
	FILE *f;
	size_t got;
	unsigned char head[24]; /* the signature and the IHDR's width and height */
	int verdict;		/* 0, 1 to leave the logo out, or an error */
};

static cairo_status_t png_read(void *closure, unsigned char *data, unsigned int len)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	struct png_in *in = closure;
	if (fread(data, 1, len, in->f) != len) {
		in->verdict = ERR_IO;
		return CAIRO_STATUS_READ_ERROR;
	}
	for (size_t i = 0; i < len && in->got + i < sizeof(in->head); i++)
		in->head[in->got + i] = data[i];
	size_t before = in->got;
	in->got += len;
	if (in->got > PDF_LOGO_MAX_BYTES)
		in->verdict = ERR_TOO_LARGE;
	else if (before < 8 && in->got >= 8 && memcmp(in->head, sig, 8))
		in->verdict = 1; /* JPEG, WebP or anything else: cairo reads PNG only */
	else if (before < 24 && in->got >= 24) {
		const unsigned char *h = in->head;
		unsigned long w = (unsigned long) h[16] << 24 | (unsigned long) h[17] << 16 | h[18] << 8 | h[19];
		unsigned long ht = (unsigned long) h[20] << 24 | (unsigned long) h[21] << 16 | h[22] << 8 | h[23];
		if (w > PDF_LOGO_MAX_PIXELS || ht > PDF_LOGO_MAX_PIXELS)
			in->verdict = 1;
	}
	return in->verdict ? CAIRO_STATUS_READ_ERROR : CAIRO_STATUS_SUCCESS;
}

/* The report's logo, or NULL (none, or left out as pdf.h says); 0 or an error of pdf.h. */
static int load_logo(const struct pdf_report *r, cairo_surface_t **img)
{
	*img = NULL;
	if (!r->logo && !r->logo_len)
		return 0;
	if (r->logo_len > PDF_LOGO_MAX_BYTES)
		return ERR_TOO_LARGE;
	struct png_in in = {.f = r->logo_len ? fmemopen((void *) r->logo_data, r->logo_len, "rb")
					     : fopen(r->logo, "rb")};
	if (!in.f)
		return ERR_IO;
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read, &in);
	fclose(in.f);
	if (!cairo_surface_status(s)) {
		*img = s;
		return 0;
	}
	cairo_surface_destroy(s);
	return in.verdict == 1 ? 0 : in.verdict ? in.verdict : ERR_IO;
}

int pdf_report(struct buf *out, const struct pdf_report *r)
{
	if (!r || !r->org || !*r->org || r->year < 1900 || r->year > 9999 || (r->nintro && !r->intro) ||
	    (r->ntables && !r->tables))
		return ERR_INVALID;
	for (size_t i = 0; i < r->nintro; i++)
		if (!r->intro[i])
			return ERR_INVALID;
	for (size_t i = 0; i < r->ntables; i++) {
		double h;
		int rc = chart_height(r->tables[i].table,
				      r->tables[i].chart == CHART_NONE ? CHART_BARS : r->tables[i].chart, 1, &h);
		if (rc)
			return rc;
	}
	cairo_surface_t *img;
	int rc = load_logo(r, &img);
	if (rc)
		return rc;
	size_t start = out->len;
	struct sink k = {.out = out};
	int pages = 0;
	rc = render(r, img, NULL, 0, &pages);
	if (!rc)
		rc = render(r, img, &k, pages, &pages);
	if (rc)
		buf_truncate(out, start);
	cairo_surface_destroy(img);
	return rc;
}
