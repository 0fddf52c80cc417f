/*
 * chart: the annual report's charts, drawn from a published table (table.h),
 * as SVG for the web page and with cairo for the PDF (issue 15).
 *
 * One layout (chart.c) turns a table into shapes and texts in a 640-unit-wide
 * box; two back-ends draw that list, chart_svg.c as SVG text and
 * chart_cairo.c on a cairo context, so the page and the PDF show the same
 * chart. A suppressed cell ("< 5" or "x") never becomes a bar or a point of a
 * guessed size: it is drawn as a small hatched stub with a dashed outline and
 * its mark, and the chart's legend says what the marks mean.
 *
 * Which cells a chart draws: a last row or column labelled "Totaal" (how
 * table.h marks totals) is left out, except that a bar chart of a table with
 * several columns shows its total column.
 *   CHART_BARS    one horizontal bar per row: the only column, else the
 *                 total column, else the first column;
 *   CHART_LINES   one line per row over the columns (years);
 *   CHART_STACKED one horizontal bar per row, stacked from the columns
 *                 (themes by quarter), a legend of the parts above.
 *
 * Errors: ERR_INVALID for an empty or malformed table (no rows or columns, a
 * NULL label, a negative count, a bad state) or CHART_NONE; ERR_TOO_LARGE for
 * more than CHART_MAX_ROWS rows or CHART_MAX_COLS columns, or past the
 * output buf's cap; ERR_NOMEM. The output is deterministic: the same table
 * gives the same bytes.
 */
#ifndef VERTROUWD_REPORTS_CHART_H
#define VERTROUWD_REPORTS_CHART_H

#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "base/buf.h"
#include "reports/table.h"

enum chart_kind {
	CHART_NONE, /* the table alone */
	CHART_BARS,
	CHART_LINES,
	CHART_STACKED,
};

#define CHART_MAX_ROWS	 200
#define CHART_MAX_COLS	 40
#define CHART_CELL_CHARS 32 /* room for chart_cell_text's result */

/*
 * Append t drawn as kind to out: one <svg> element with role="img", a <title>
 * (the table's title) and a <desc> (every drawn figure in words), both
 * referenced by aria-labelledby; viewBox 640 wide, width and height in the
 * same units, so a page may scale it with CSS. Every element id starts with
 * id ("chart-" and the table's id when id is NULL; other bytes than a-z, 0-9
 * and '-' become '-'), so two charts on one page need different ids. On
 * error out is as it was.
 */
int chart_svg(struct buf *out, const struct rtable *t, enum chart_kind kind, const char *id) WUR;

/*
 * Draw t as kind on cr, its top-left corner at cr's current origin, scaled
 * to width (user units); *height gets the height it took. Text is set with
 * pango from fm in DejaVu Sans. cr's state is restored; on error nothing has
 * been drawn.
 */
int chart_cairo(cairo_t *cr, PangoFontMap *fm, const struct rtable *t, enum chart_kind kind, double width,
		double *height) WUR;

/* A font map for chart_cairo; the caller unrefs it (g_object_unref). One per thread: pango's are not shared. */
PangoFontMap *chart_font_map(void);

/*
 * At exit, after the last chart or PDF drawn with cairo and every font map
 * unref'd: let go of what cairo and fontconfig keep for the whole process.
 * Fontconfig stores some pointers as offsets, so without this LeakSanitizer
 * takes its configuration for a leak. Waits (up to 5 s) for pango's threads
 * to let go of the font maps first, and does nothing if they do not.
 * Nothing may use cairo or pango afterwards.
 */
void chart_cleanup(void);

/* The height chart_cairo would take at width, without drawing; errors as above. */
int chart_height(const struct rtable *t, enum chart_kind kind, double width, double *height) WUR;

/*
 * How a cell is shown, into out: its count with a '.' between thousands
 * (Dutch: "1.234"), "< 5" or "x". Returns out.
 */
const char *chart_cell_text(const struct rtable *t, size_t row, size_t col, char out[CHART_CELL_CHARS]);

#endif
