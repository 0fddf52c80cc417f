/*
 * pdf: the annual report as a PDF (issue 15), drawn with cairo and set with
 * pango in DejaVu Sans on A4: a cover with the organisation's name and
 * logo, the introduction, each published table as a real table (its "< 5"
 * and "x" marks explained under it) with its chart, the VP's "signalen en
 * adviezen", and "pagina N van M" in every footer. The PDF has an outline
 * (bookmarks) of its sections.
 *
 * Call chart_cleanup (chart.h) at exit, after the last report.
 *
 * It draws only what it is given: the tables are the published ones
 * (table.h), already suppressed; nothing here computes or reveals a count.
 */
#ifndef VERTROUWD_REPORTS_PDF_H
#define VERTROUWD_REPORTS_PDF_H

#include <stddef.h>

#include "base/buf.h"
#include "reports/chart.h"
#include "reports/table.h"

struct pdf_table {
	const struct rtable *table;
	enum chart_kind chart; /* CHART_NONE: the table alone */
	const char *note;      /* plain text under the title ("Thema's met weinig zaken zijn samengevoegd."), or NULL */
};

struct pdf_report {
	const char *org; /* the organisation's name */
	/*
	 * Path of the organisation's logo, or NULL. PNG only (what cairo
	 * reads); a JPEG or WebP logo, or a PNG over PDF_LOGO_MAX_PIXELS on
	 * a side, is left out and the cover shows the name alone.
	 */
	const char *logo;
	const unsigned char *logo_data; /* or the logo's bytes (logo_len > 0), as the media store holds them */
	size_t logo_len;
	int year;		  /* the calendar year reported on */
	const char *const *intro; /* paragraphs of plain text before the figures */
	size_t nintro;
	const struct pdf_table *tables; /* none when the year had too few cases for tables */
	size_t ntables;
	const char *advice; /* the VP's "signalen en adviezen": plain text, paragraphs apart by a blank line; or NULL */
};

#define PDF_LOGO_MAX_PIXELS 4096
#define PDF_LOGO_MAX_BYTES  ((size_t) 8 << 20)

/*
 * Append the report's PDF to out. ERR_INVALID for a missing name, a year
 * outside 1900..9999 or a table chart.h refuses; ERR_IO when the logo
 * cannot be read or is a broken PNG; ERR_TOO_LARGE past out's cap (or a
 * logo file over PDF_LOGO_MAX_BYTES); ERR_NOMEM. On error out is as it
 * was.
 */
int pdf_report(struct buf *out, const struct pdf_report *r) WUR;

#endif
