/*
 * How a report is presented (reports.h): the introduction, each table's
 * chart and note, the names of tables left out, the CSV. Shared by the web
 * page and the PDF so that both say the same. Plain Dutch text; nothing fails but an
 * allocation.
 */
#include <stdio.h>
#include <string.h>

#include "reports/reports.h"

static const struct {
	const char *id, *name;
	enum chart_kind chart;
} kinds[] = {
    {"thema", "Thema's", CHART_BARS},	      {"wijze", "Sparren of melden", CHART_BARS},
    {"kanaal", "Eerste contact", CHART_BARS}, {"betrokkene", "Betrokkenen", CHART_BARS},
    {"hulp", "Geboden hulp", CHART_BARS},     {"verwijzing", "Doorverwijzingen", CHART_BARS},
    {"afloop", "Afloop", CHART_BARS},	      {"termijnen", "Termijnen bij meldingen", CHART_NONE},
};

const char *reports_table_name(const char *id)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i].id, id))
			return kinds[i].name;
	return id;
}

enum chart_kind reports_chart_kind(const struct rtable *t)
{
	if (!strcmp(t->id, "thema") && t->ncols > 2)
		return CHART_STACKED; /* periods and their total: stacked by period */
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i].id, t->id))
			return kinds[i].chart;
	return CHART_BARS;
}

const char *reports_table_note(const struct report_doc *d, const struct rtable *t)
{
	if (!strcmp(t->id, "thema"))
		return !strcmp(d->period, "kwartaal")
			   ? "Per kwartaal van binnenkomst. Een zaak telt bij haar hoofdthema."
		       : !strcmp(d->period, "halfjaar")
			   ? "Per half jaar: per kwartaal zouden te veel cellen klein zijn. Een zaak telt bij haar "
			     "hoofdthema."
			   : "Over het hele jaar; thema's met weinig zaken zijn samengevoegd tot hun groep. Een zaak "
			     "telt bij haar hoofdthema.";
	if (!strcmp(t->id, "termijnen"))
		return "Alleen formele meldingen onder de Wet bescherming klokkenluiders, zoals de termijnen er "
		       "stonden "
		       "op de dag van vrijgeven.";
	return t->multi ? "Een zaak kan in meer rijen tellen; de laatste rij is het aantal zaken." : NULL;
}

const char **reports_intro(struct arena *a, const struct report_doc *d, const char *org, size_t *n)
{
	const char **p = arena_calloc(a, 3, sizeof(*p));
	if (!p)
		return NULL;
	*n = 0;
	p[(*n)++] =
	    arena_printf(a,
			 "Dit is het jaarverslag van de vertrouwenspersonen van %s over %d. Het telt zaken, geen "
			 "gesprekken: een melder die vaker terugkomt, telt één keer.",
			 org, d->year);
	p[(*n)++] =
	    d->ncases < 0
		? arena_printf(a,
			       "In %d kwamen minder dan %d zaken binnen. Met zo weinig zaken kan elke tabel naar "
			       "een persoon wijzen; daarom staan hier geen cijfers, alleen de signalen en adviezen "
			       "van de vertrouwenspersonen.",
			       d->year, SDC_MIN_CASES)
		: arena_printf(a,
			       "In %d kwamen %lld zaken binnen. Geen cijfer in dit verslag kan naar een persoon "
			       "wijzen: aantallen van 1 tot en met 4 staan er als \"< 5\", en een \"x\" verbergt een "
			       "cijfer waaruit zo'n klein aantal terug te rekenen zou zijn.",
			       d->year, d->ncases);
	if (d->ncases >= 0)
		p[(*n)++] = "Zeldzame thema's zijn samengevoegd en de tijd is grover gemaakt voordat er iets werd "
			    "verborgen. Alle uitvoer (deze pagina, de pdf, de csv en json, en de vergelijking in het "
			    "verslag van volgend jaar) gebruikt dezelfde gepubliceerde cijfers.";
	return a->failed ? NULL : p;
}

/* One CSV field: quoted when it holds a separator, a quote or a line break; never a formula. */
static int csv_field(struct buf *b, const char *s, const char *after)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL, rc = quote ? buf_addc(b, '"') : 0;
	if (!rc && *s && strchr("=+-@\t\r", *s))
		rc = buf_addc(b, '\''); /* a label a spreadsheet would run as a formula stays text */
	for (const char *c = s; !rc && *c; c++)
		rc = *c == '"' ? buf_adds(b, "\"\"") : buf_addc(b, *c);
	if (!rc && quote)
		rc = buf_addc(b, '"');
	return rc ? rc : buf_adds(b, after);
}

int reports_csv(struct buf *b, const struct report_doc *d)
{
	int rc = buf_adds(b, "tabel,categorie,kolom,aantal\r\n");
	for (size_t k = 0; !rc && k < d->ntables; k++) {
		const struct rtable *t = &d->tables[k];
		for (size_t i = 0; !rc && i < t->nrows; i++)
			for (size_t j = 0; !rc && j < t->ncols; j++) {
				size_t c = i * t->ncols + j;
				char n[32];
				snprintf(n, sizeof(n), "%lld", t->value[c]);
				rc = csv_field(b, t->id, ",");
				if (!rc)
					rc = csv_field(b, t->rows[i], ",");
				if (!rc)
					rc = csv_field(b, t->cols[j], ",");
				if (!rc)
					rc = csv_field(b,
						       t->state[c] == CELL_VALUE ? n
						       : t->state[c] == CELL_LOW ? "<5"
										 : "x",
						       "\r\n");
			}
	}
	return rc;
}
