/*
 * For the report tests (test_chart.c, test_pdf.c): three published tables
 * made up by hand, as the disclosure control would hand them over (some
 * cells "< 5", some hidden so that totals give nothing away), a report
 * around them, and running a tool such as xmllint or pdftotext.
 */
#ifndef VERTROUWD_REPORT_DEMO_H
#define VERTROUWD_REPORT_DEMO_H

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include "reports/pdf.h"

/* A published table over arrays that outlive it; totals are told by their labels ("Totaal"). */
static inline struct rtable demo_table(const char *id, const char *title, size_t nrows, size_t ncols, const char **rows,
				       const char **cols, long long *value, unsigned char *state)
{
	return (struct rtable){.id = id,
			       .title = title,
			       .nrows = nrows,
			       .ncols = ncols,
			       .rows = rows,
			       .cols = cols,
			       .value = value,
			       .state = state};
}

#define V CELL_VALUE
#define L CELL_LOW
#define H CELL_HIDDEN

/* Cases per theme: one column and a total row. */
static inline struct rtable demo_themes(void)
{
	static const char *rows[] = {"Ongewenste omgangsvormen: pesten",
				     "Ongewenste omgangsvormen: seksuele intimidatie",
				     "Agressie en geweld",
				     "Discriminatie",
				     "Integriteit en misstanden",
				     "Werkdruk en werkverhoudingen",
				     "Overige thema's (samengevoegd)",
				     "Totaal"};
	static const char *cols[] = {"Zaken"};
	static long long value[] = {14, 0, 21, 0, 23, 11, 15, 94};
	static unsigned char state[] = {V, L, V, H, V, V, V, V};
	struct rtable t = demo_table("zaken-thema", "Zaken per thema", 8, 1, rows, cols, value, state);
	t.col_totals = 1;
	return t;
}

/* Sparren and melden over five years: rows are series, columns years. */
static inline struct rtable demo_years(void)
{
	static const char *rows[] = {"Sparren (advies en steun)", "Formele melding"};
	static const char *cols[] = {"2021", "2022", "2023", "2024", "2025"};
	static long long value[] = {18, 22, 19, 27, 31, 6, 0, 0, 7, 9};
	static unsigned char state[] = {V, V, V, V, V, V, L, H, V, V};
	return demo_table("sparren-melden-jaren", "Sparren en melden per jaar", 2, 5, rows, cols, value, state);
}

/* Themes by quarter, with a total row and a total column. */
static inline struct rtable demo_quarters(void)
{
	static const char *rows[] = {"Ongewenste omgangsvormen", "Agressie en geweld", "Integriteit", "Overige thema's",
				     "Totaal"};
	static const char *cols[] = {"1e kwartaal", "2e kwartaal", "3e kwartaal", "4e kwartaal", "Totaal"};
	/* The suppressed cells form a rectangle, so no row or column total gives one away. */
	static long long value[] = {7, 5, 0, 0, 24, 5, 6, 0, 0, 21, 6, 5, 7, 5, 23, 8, 6, 5, 7, 26, 26, 22, 22, 24, 94};
	static unsigned char state[] = {V, V, L, H, V, V, V, H, L, V, V, V, V, V, V, V, V, V, V, V, V, V, V, V, V};
	struct rtable t = demo_table("thema-kwartaal", "Thema's per kwartaal", 5, 5, rows, cols, value, state);
	t.row_totals = t.col_totals = 1;
	return t;
}

#undef V
#undef L
#undef H

struct demo_report {
	struct rtable tables[3];
	struct pdf_table sections[3];
	struct pdf_report report;
};

/* The demo report of "Gemeente Rivierstad" over 2025, its logo at logo (or NULL). */
static inline void demo_report(struct demo_report *d, const char *logo)
{
	static const char *const intro[] = {
	    "In 2025 kwamen 94 medewerkers met een vraag of zorg bij de vertrouwenspersonen van de gemeente. Dit "
	    "verslag beschrijft wat er speelde, zonder dat iets naar een persoon kan wijzen.",
	    "De vertrouwenspersonen zijn onafhankelijk: de interne vertrouwenspersoon werkt bij de afdeling "
	    "Bedrijfsvoering, de externe vertrouwenspersoon is ingehuurd via een bureau."};
	d->tables[0] = demo_themes();
	d->tables[1] = demo_years();
	d->tables[2] = demo_quarters();
	d->sections[0] =
	    (struct pdf_table){&d->tables[0], CHART_BARS, "Thema's met minder dan drie zaken zijn samengevoegd."};
	d->sections[1] = (struct pdf_table){&d->tables[1], CHART_LINES, NULL};
	d->sections[2] = (struct pdf_table){&d->tables[2], CHART_STACKED, NULL};
	d->report = (struct pdf_report){
	    .org = "Gemeente Rivierstad",
	    .logo = logo,
	    .year = 2025,
	    .intro = intro,
	    .nintro = 2,
	    .tables = d->sections,
	    .ntables = 3,
	    .advice =
		"Pesten blijft het vaakst genoemde thema, vooral in teams met veel wisselingen. Wij adviseren "
		"leidinggevenden te trainen in het bespreekbaar maken van omgangsvormen.\n\n"
		"Gevraagd advies: de directie vroeg hoe de meldregeling beter bekend kan worden. Ons advies: "
		"noem de vertrouwenspersonen bij elke introductie van nieuwe medewerkers.\n\n"
		"Ongevraagd advies: zorg dat de externe vertrouwenspersoon ook buiten kantoortijd bereikbaar is."};
}

/* Run argv[0] (looked up in PATH) with stdout to out_path (NULL: inherited); its exit status, or -1. */
static inline int demo_run(const char *const argv[], const char *out_path)
{
	extern char **environ;
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int status;
	posix_spawn_file_actions_init(&fa);
	if (out_path)
		posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *) argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#endif
