/*
 * A published table in the PDF (pdf_flow.h): its title and note, the table
 * itself (the header repeated when it runs onto a new page, counts and
 * marks right-aligned, the "Totaal" row and column bold), a legend of the
 * marks it shows, and its chart from chart_cairo.c. A chart's layout error
 * is kept in p->err; the rest draws on cairo, whose errors pdf.c reads.
 */
#include "reports/pdf_flow.h"

#include <string.h>
#include <strings.h>

#include "reports/typeset.h"

#define PAD	  5.0
#define MIN_LABEL 150.0 /* the row labels' column, before the font shrinks */

struct columns {
	double size;
	double width;		    /* of the whole table */
	double label;		    /* width of the row labels' column */
	double num[CHART_MAX_COLS]; /* widths of the count columns */
};

static int is_total(const char *label)
{
	return !strcasecmp(label, "Totaal");
}

static double text_width(struct pdf *p, const char *s, double size, int bold)
{
	PangoLayout *l = typeset_layout(p->pc, s, size, bold, 0);
	double w;
	typeset_extents(l, &w, NULL, NULL);
	g_object_unref(l);
	return w;
}

/* The widest word of a header, which its column must hold so that the header wraps between words only. */
static double widest_word(struct pdf *p, const char *s, double size)
{
	double max = 0;
	while (*s) {
		size_t n = strcspn(s, " ");
		char *word = g_strndup(s, n);
		double w = text_width(p, word, size, 1);
		g_free(word);
		max = w > max ? w : max;
		s += n + strspn(s + n, " ");
	}
	return max + 1;
}

/* Column widths: each count column as wide as its widest cell and a short header; smaller type if need be. */
static void columns(struct pdf *p, const struct rtable *t, struct columns *tc)
{
	double sum = 0;
	for (tc->size = 9; tc->size >= 6.5; tc->size -= 0.5) {
		sum = 0;
		for (size_t c = 0; c < t->ncols; c++) {
			double w = text_width(p, t->cols[c], tc->size, 1), word = widest_word(p, t->cols[c], tc->size);
			w = w > 70 ? 70 : w;
			w = word > w ? word : w;
			for (size_t r = 0; r < t->nrows; r++) {
				char s[CHART_CELL_CHARS];
				double cw = text_width(p, chart_cell_text(t, r, c, s), tc->size, 1);
				w = cw > w ? cw : w;
			}
			tc->num[c] = (w < 24 ? 24 : w) + 2 * PAD;
			sum += tc->num[c];
		}
		if (PDF_TEXT_W - sum >= MIN_LABEL)
			break;
	}
	if (PDF_TEXT_W - sum < MIN_LABEL / 2) { /* still too wide: narrow every count column alike */
		for (size_t c = 0; c < t->ncols; c++)
			tc->num[c] *= (PDF_TEXT_W - MIN_LABEL / 2) / sum;
		sum = PDF_TEXT_W - MIN_LABEL / 2;
	}
	/* No wider than its labels need, so that a count is not far from its label; not narrower than 60%. */
	double label = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		double w = text_width(p, t->rows[r], tc->size, 1) + 2 * PAD + 30;
		label = w > label ? w : label;
	}
	tc->width = label + sum > PDF_TEXT_W	     ? PDF_TEXT_W
		    : label + sum < PDF_TEXT_W * 0.6 ? PDF_TEXT_W * 0.6
						     : label + sum;
	tc->label = tc->width - sum;
}

/* A cell's text in a box of width w at (x, y), right-aligned when right; its height. Colour 0 only measures. */
static double cell(struct pdf *p, const char *s, double x, double y, double w, double size, int bold, int right,
		   uint32_t colour)
{
	PangoLayout *l = typeset_layout(p->pc, s, size, bold, w - 2 * PAD);
	if (right)
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	double h;
	typeset_extents(l, NULL, &h, NULL);
	if (colour) {
		cairo_move_to(p->cr, x + PAD, y + PAD);
		typeset_colour(p->cr, colour);
		pango_cairo_show_layout(p->cr, l);
	}
	g_object_unref(l);
	return h + 2 * PAD;
}

static void rule(struct pdf *p, const struct columns *tc, double y, double weight, uint32_t colour)
{
	typeset_colour(p->cr, colour);
	cairo_rectangle(p->cr, PDF_LEFT, y - weight / 2, tc->width, weight);
	cairo_fill(p->cr);
}

/* The header row: measured first (colour 0 draws nothing), then drawn on its tint. */
static void header(struct pdf *p, const struct rtable *t, const struct columns *tc)
{
	double h = 0;
	for (int pass = 0; pass < 2; pass++) {
		double x = PDF_LEFT + tc->label;
		if (pass) {
			typeset_colour(p->cr, PDF_TINT);
			cairo_rectangle(p->cr, PDF_LEFT, p->y, tc->width, h);
			cairo_fill(p->cr);
		}
		for (size_t c = 0; c < t->ncols; c++) {
			double ch = cell(p, t->cols[c], x, p->y, tc->num[c], tc->size, 1, 1, pass ? PDF_DARK : 0);
			h = ch > h ? ch : h;
			x += tc->num[c];
		}
	}
	p->y += h;
	rule(p, tc, p->y, 0.9, PDF_DARK);
}

static void row(struct pdf *p, const struct rtable *t, const struct columns *tc, size_t r)
{
	int total_row = r + 1 == t->nrows && r && is_total(t->rows[r]);
	int total_col = t->ncols > 1 && is_total(t->cols[t->ncols - 1]);
	double h = cell(p, t->rows[r], PDF_LEFT, p->y, tc->label, tc->size, total_row, 0, 0);
	if (p->y + h > PDF_END) {
		pdf_new_page(p);
		header(p, t, tc);
	}
	if (r % 2) {
		typeset_colour(p->cr, PDF_ZEBRA);
		cairo_rectangle(p->cr, PDF_LEFT, p->y, tc->width, h);
		cairo_fill(p->cr);
	}
	if (total_row)
		rule(p, tc, p->y, 0.9, PDF_DARK);
	cell(p, t->rows[r], PDF_LEFT, p->y, tc->label, tc->size, total_row, 0, PDF_INK);
	double x = PDF_LEFT + tc->label;
	for (size_t c = 0; c < t->ncols; c++) {
		char s[CHART_CELL_CHARS];
		int mark = t->state[r * t->ncols + c] != CELL_VALUE;
		int bold = total_row || (total_col && c + 1 == t->ncols);
		cell(p, chart_cell_text(t, r, c, s), x, p->y, tc->num[c], tc->size, bold, 1,
		     mark ? PDF_MUTED : PDF_INK);
		x += tc->num[c];
	}
	p->y += h;
	rule(p, tc, p->y, 0.5, PDF_RULE);
}

/* Under the table: what its marks mean, only those it shows. */
static void legend(struct pdf *p, const struct rtable *t)
{
	int low = 0, hidden = 0;
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		low |= t->state[i] == CELL_LOW;
		hidden |= t->state[i] == CELL_HIDDEN;
	}
	p->y += 5;
	if (low || hidden) {
		const char *text = low && hidden
				       ? "< 5 = 1 tot 4 zaken \xc2\xb7 x = weggelaten, zodat kleine aantallen "
					 "niet terug te rekenen zijn"
				   : low ? "< 5 = 1 tot 4 zaken"
					 : "x = weggelaten, zodat kleine aantallen niet terug te rekenen zijn";
		pdf_paragraph(p, text, 8, PDF_MUTED);
	}
}

/* The chart across the text width, or narrower when that would be taller than a page. */
static void chart(struct pdf *p, const struct rtable *t, enum chart_kind kind)
{
	double w = PDF_TEXT_W, h, room = PDF_END - PDF_TOP;
	int rc = chart_height(t, kind, w, &h);
	if (!rc && h > room) {
		w *= room / h;
		h = room;
	}
	if (!rc) {
		p->y += 6;
		pdf_need(p, h);
		cairo_save(p->cr);
		cairo_translate(p->cr, PDF_LEFT + (PDF_TEXT_W - w) / 2, p->y);
		rc = chart_cairo(p->cr, p->fm, t, kind, w, &h);
		cairo_restore(p->cr);
		p->y += h + 8;
	}
	if (rc && !p->err)
		p->err = rc;
}

void pdf_table_section(struct pdf *p, const struct pdf_table *pt)
{
	const struct rtable *t = pt->table;
	struct columns tc;
	pdf_heading(p, t->title ? t->title : "Tabel", 2);
	if (pt->note && *pt->note)
		pdf_paragraph(p, pt->note, 9.5, PDF_MUTED);
	columns(p, t, &tc);
	header(p, t, &tc);
	for (size_t r = 0; r < t->nrows; r++)
		row(p, t, &tc, r);
	legend(p, t);
	if (pt->chart != CHART_NONE)
		chart(p, t, pt->chart);
}
