/*
 * table: a table of the anonymised annual report as it may be published
 * (issue 15): labels, and per cell either a count, "< 5" (primary
 * suppression: 1-4 cases) or hidden (secondary suppression, so that no total
 * or difference gives a small cell away). The raw count of a cell that is not
 * CELL_VALUE never leaves the disclosure-control code: value is 0 there. The
 * web page, the PDF, the CSV/JSON exports and next year's comparison column
 * all draw from the same published table, so one suppression pattern holds
 * for every output.
 */
#ifndef VERTROUWD_REPORTS_TABLE_H
#define VERTROUWD_REPORTS_TABLE_H

#include <stddef.h>

enum cell_state {
	CELL_VALUE,  /* shown as its count (0 included, when a zero reveals nothing) */
	CELL_LOW,    /* shown as "< 5" */
	CELL_HIDDEN, /* shown as "x": suppressed so that the others cannot be worked back */
};

struct rtable {
	const char *id;	   /* stable across years, for the comparison: "thema-kwartaal" */
	const char *title; /* Dutch, as the report shows it */
	size_t nrows, ncols;
	const char **rows, **cols; /* labels; with totals the last row and the last column are "Totaal" */
	int row_totals, col_totals;
	long long *value;     /* nrows * ncols, row-major; 0 where state is not CELL_VALUE */
	unsigned char *state; /* enum cell_state, nrows * ncols */
};

#endif
