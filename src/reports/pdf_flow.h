/*
 * pdf_flow: the page flow the PDF's parts share (pdf.c, pdf_table.c): one
 * A4 page after another, a y that moves down, a new page (footer included)
 * when a block does not fit. Internal to the PDF. Drawing errors stay in
 * the cairo context, other errors in p->err, and both are read once at the
 * end (pdf.c).
 */
#ifndef VERTROUWD_REPORTS_PDF_FLOW_H
#define VERTROUWD_REPORTS_PDF_FLOW_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "reports/pdf.h"

#define PDF_PAGE_W 595.276 /* A4 in points */
#define PDF_PAGE_H 841.89
#define PDF_LEFT   64.0
#define PDF_TOP	   64.0
#define PDF_BOTTOM 86.0 /* the text ends this far above the page's foot */
#define PDF_TEXT_W (PDF_PAGE_W - 2 * PDF_LEFT)
#define PDF_END	   (PDF_PAGE_H - PDF_BOTTOM)

#define PDF_INK	   0x1a1a1au
#define PDF_MUTED  0x4d4d4du
#define PDF_ACCENT 0x1f5a96u
#define PDF_DARK   0x1f3a5fu
#define PDF_RULE   0xc9d1dbu
#define PDF_TINT   0xe8eef5u
#define PDF_ZEBRA  0xf5f7fau

struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoFontMap *fm;
	PangoContext *pc;
	const struct pdf_report *r;
	int page;    /* the page being drawn, from 1 */
	int pages;   /* the total, known in the second pass; 0 in the first */
	double y;    /* where the next block starts */
	int outline; /* the outline entry of the current section */
	int err;     /* the first error outside cairo (a chart's layout) */
};

/* Finish the page (its footer) and start the next at the top. */
void pdf_new_page(struct pdf *p);
/* Start a new page unless h more points fit on this one. */
void pdf_need(struct pdf *p, double h);
/* Draw text at (x, y) as its top-left corner, wrapped at width (0: unwrapped); its height. */
double pdf_text_at(struct pdf *p, const char *text, double x, double y, double size, int bold, uint32_t colour,
		   double width);
/* A paragraph at p->y, across the text width, split between pages by lines; p->y moves below it. */
void pdf_paragraph(struct pdf *p, const char *text, double size, uint32_t colour);

/* A heading of level 1 (a section, on the outline) or 2 (under it), kept with what follows. */
void pdf_heading(struct pdf *p, const char *text, int level);
/* A published table with its note, its legend of marks, and its chart; p->y moves below. */
void pdf_table_section(struct pdf *p, const struct pdf_table *pt);

#endif
