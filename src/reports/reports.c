/*
 * The annual report (reports.h): a year's coarse case statistics mapped to
 * what disclosure control counts, the VPs' texts, the release that fixes the
 * published document once, and reading it back. Owns the published
 * document's keys beside sdc's "tables". Fails as reports.h says.
 */
#include <glib.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cases/cases.h"
#include "cases/work.h"
#include "reports/reports.h"

int reports_released(struct store *st, struct arena *a, long long org_id, struct annual_report **out, size_t *n)
{
	return store_reports_released(st, a, org_id, out, n);
}

/* ---- a case row as sdc counts it ---- */

/* Where code stands in the organisation's theme list; -1 when it is not there. */
static long long theme_rank(const struct case_choice *themes, const char *code, size_t len)
{
	for (size_t i = 0; themes[i].code; i++)
		if (strlen(themes[i].code) == len && !strncmp(themes[i].code, code, len))
			return (long long) i;
	return -1;
}

/* The case's main theme: of its themes, the first in the organisation's list; "" without one. */
static const char *main_theme(const struct case_choice *themes, const char *list)
{
	long long best = -1;
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		long long r = theme_rank(themes, p, len);
		if (r >= 0 && (best < 0 || r < best))
			best = r;
		p += len + (p[len] == ',');
	}
	return best < 0 ? "" : themes[best].code;
}

/* The codes of one kind among "kind:code,..." that the list knows, into the arena. */
static int tags_of(struct arena *a, const char *tags, const char *kind, const struct case_choice *list,
		   const char *const **out, size_t *n)
{
	size_t cap = 1, klen = strlen(kind);
	for (const char *p = tags; *p; p++)
		cap += *p == ',';
	const char **codes = arena_calloc(a, cap, sizeof(*codes));
	if (!codes)
		return ERR_NOMEM;
	*n = 0;
	for (const char *p = tags; *p;) {
		size_t len = strcspn(p, ",");
		if (len > klen + 1 && !strncmp(p, kind, klen) && p[klen] == ':') {
			const char *code = arena_strndup(a, p + klen + 1, len - klen - 1);
			if (!code)
				return ERR_NOMEM;
			if (case_choice_find(list, code))
				codes[(*n)++] = code;
		}
		p += len + (p[len] == ',');
	}
	*out = codes;
	return 0;
}

/* A deadline on the day the report is made: met, missed, or still running (no due date: running). */
static enum sdc_term term(const char *due, const char *done, const char *today)
{
	if (!*due)
		return SDC_TERM_RUNNING;
	if (*done)
		return strcmp(done, due) <= 0 ? SDC_TERM_MET : SDC_TERM_MISSED;
	return strcmp(due, today) < 0 ? SDC_TERM_MISSED : SDC_TERM_RUNNING;
}

static int to_case(struct arena *a, const struct case_stat_row *r, const struct case_choice *themes, const char *today,
		   struct sdc_case *c)
{
	int month = strlen(r->month) == 7 ? (int) strtol(r->month + 5, NULL, 10) : 0;
	c->quarter = month >= 1 && month <= 12 ? (month - 1) / 3 + 1 : 0;
	c->mode = r->mode;
	c->channel = r->channel;
	c->theme = main_theme(themes, r->themes);
	c->outcome = strcmp(r->status, "gesloten") || !case_choice_find(case_outcomes, r->outcome) ? "" : r->outcome;
	if (!strcmp(r->mode, "melden")) {
		/* never acknowledged: the feedback is still due 3 months after the acknowledgement was */
		char feedback_due[11] = "";
		if (!*r->feedback_due && *r->ack_due && !*r->acknowledged_on &&
		    cases_feedback_due(r->ack_due, r->ack_due, feedback_due))
			return ERR_INVALID;
		c->ack = term(r->ack_due, r->acknowledged_on, today);
		c->feedback = term(*r->feedback_due ? r->feedback_due : feedback_due, r->feedback_on, today);
	}
	int rc = tags_of(a, r->tags, "betrokkene", involved_relations, &c->involved, &c->ninvolved);
	if (!rc)
		rc = tags_of(a, r->tags, "hulp", help_kinds, &c->help, &c->nhelp);
	if (!rc)
		rc = tags_of(a, r->tags, "verwijzing", referral_kinds, &c->referrals, &c->nreferrals);
	return rc;
}

/* The year's tables counted now (deadlines as they stand on today). */
static int count_year(struct store *st, struct arena *a, long long org_id, int year, const char *today,
		      struct sdc_report *out)
{
	struct case_stat_row *rows;
	struct case_choice *themes;
	size_t n, nthemes;
	int rc = store_case_stats(st, a, org_id, year, &rows, &n);
	if (!rc)
		rc = cases_org_themes(st, a, org_id, &themes, &nthemes);
	struct sdc_case *cases = rc || !n ? NULL : arena_calloc(a, n, sizeof(*cases));
	if (!rc && n && !cases)
		rc = ERR_NOMEM;
	for (size_t i = 0; !rc && i < n; i++)
		rc = to_case(a, &rows[i], themes, today, &cases[i]);
	struct sdc_options opt = {.themes = themes};
	return rc ? rc : sdc_build(a, cases, n, &opt, out);
}

static void doc_from_sdc(struct report_doc *d, int year, const struct sdc_report *s)
{
	d->year = year;
	d->ncases = s->ncases < SDC_MIN_CASES ? -1 : (long long) s->ncases;
	d->period = s->period ? s->period : "";
	d->tables = s->tables, d->ntables = s->ntables;
	d->withheld = s->withheld, d->nwithheld = s->nwithheld;
	d->released_on = "";
}

/* ---- the published document ---- */

static int read_texts(struct arena *a, json_t *list, struct report_doc *d)
{
	size_t n = json_array_size(list);
	d->texts = n ? arena_calloc(a, n, sizeof(*d->texts)) : NULL;
	if (n && !d->texts)
		return ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		json_t *t = json_array_get(list, i);
		const char *name = json_string_value(json_object_get(t, "name")),
			   *body = json_string_value(json_object_get(t, "body"));
		if (!name || !body)
			return ERR_INVALID;
		d->texts[i] = (struct report_advice){arena_strdup(a, name), arena_strdup(a, body)};
		if (!d->texts[i].name || !d->texts[i].body)
			return ERR_NOMEM;
	}
	d->ntexts = n;
	return 0;
}

static int read_doc(struct arena *a, const char *json, struct report_doc *d)
{
	int rc = sdc_from_json(a, json, &d->tables, &d->ntables);
	if (rc)
		return rc;
	json_t *doc = json_loads(json, 0, NULL);
	json_t *cases = json_object_get(doc, "cases"), *withheld = json_object_get(doc, "withheld");
	const char *period = json_string_value(json_object_get(doc, "period")),
		   *released = json_string_value(json_object_get(doc, "released"));
	rc =
	    !doc || !period || !released || !json_is_array(withheld) || !(json_is_integer(cases) || json_is_null(cases))
		? ERR_INVALID
		: 0;
	if (!rc) {
		d->ncases = json_is_integer(cases) ? json_integer_value(cases) : -1;
		d->period = arena_strdup(a, period);
		d->released_on = arena_strdup(a, released);
		d->nwithheld = json_array_size(withheld);
		d->withheld = d->nwithheld ? arena_calloc(a, d->nwithheld, sizeof(*d->withheld)) : NULL;
		for (size_t i = 0; i < d->nwithheld && d->withheld; i++) {
			const char *id = json_string_value(json_array_get(withheld, i));
			d->withheld[i] = arena_strdup(a, id ? id : "");
		}
		rc = a->failed ? ERR_NOMEM : read_texts(a, json_object_get(doc, "texts"), d);
	}
	json_decref(doc);
	return rc;
}

int reports_read(struct arena *a, const struct annual_report *rep, struct report_doc *out)
{
	*out = (struct report_doc){.year = rep->year};
	int rc = *rep->published ? read_doc(a, rep->published, out) : ERR_NOT_FOUND;
	out->released = !rc;
	return rc;
}

int reports_published(struct store *st, struct arena *a, long long org_id, int year, struct report_doc *out)
{
	struct annual_report rep;
	int rc = store_report_get(st, a, org_id, year, &rep);
	if (rc)
		*out = (struct report_doc){.year = year};
	return rc ? rc : reports_read(a, &rep, out);
}

int reports_get(struct store *st, struct arena *a, long long org_id, int year, const char *today,
		struct report_doc *out)
{
	int rc = reports_published(st, a, org_id, year, out);
	if (rc != ERR_NOT_FOUND)
		return rc;
	struct sdc_report s;
	struct report_text *texts;
	size_t n;
	rc = count_year(st, a, org_id, year, today, &s);
	if (!rc)
		rc = store_report_texts(st, a, org_id, year, &texts, &n);
	if (rc)
		return rc;
	doc_from_sdc(out, year, &s);
	out->texts = n ? arena_calloc(a, n, sizeof(*out->texts)) : NULL;
	if (n && !out->texts)
		return ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		out->texts[i] = (struct report_advice){texts[i].name, texts[i].body};
	out->ntexts = n;
	return 0;
}

static int refuse(const char **why, const char *text)
{
	if (why)
		*why = text;
	return ERR_CONFLICT;
}

static int released(struct store *st, struct arena *a, long long org_id, int year)
{
	struct annual_report rep;
	int rc = store_report_get(st, a, org_id, year, &rep);
	return rc == ERR_NOT_FOUND ? 0 : rc ? rc : *rep.published != '\0';
}

int reports_text_set(struct store *st, long long org_id, int year, long long user_id, const char *body, int ready,
		     long long now, const char **why)
{
	if (!g_utf8_validate(body, -1, NULL)) {
		if (why)
			*why =
			    T_("De tekst bevat tekens die geen geldige UTF-8 zijn; plak hem opnieuw of typ hem over.");
		return ERR_INVALID;
	}
	size_t bytes = strlen(body), chars = (size_t) g_utf8_strlen(body, -1);
	for (const char *c = strstr(body, "\r\n"); c; c = strstr(c + 2, "\r\n"))
		chars--; /* a line break the browser sends as CRLF is one character, as the form counted it */
	if (chars > REPORT_TEXT_MAX || bytes > 4 * (size_t) REPORT_TEXT_MAX) {
		if (why)
			*why = T_("De tekst is te lang: houd signalen en adviezen onder de 20.000 tekens.");
		return ERR_INVALID;
	}
	struct arena a = ARENA_INIT;
	int rc = released(st, &a, org_id, year);
	arena_free(&a);
	if (rc > 0)
		return refuse(why, T_("Dit jaarverslag is al vrijgegeven; de tekst kan niet meer veranderen."));
	return rc ? rc : store_report_text_set(st, org_id, year, user_id, body, ready, now);
}

int reports_text_of(struct store *st, struct arena *a, long long org_id, int year, long long user_id, const char **body,
		    int *ready)
{
	struct report_text *texts;
	size_t n;
	*body = "", *ready = 0;
	int rc = store_report_texts(st, a, org_id, year, &texts, &n);
	for (size_t i = 0; !rc && i < n; i++)
		if (texts[i].user_id == user_id)
			*body = texts[i].body, *ready = texts[i].ready;
	return rc;
}

/* The published document: sdc's tables JSON with the report's own keys beside them. */
static int published_json(struct arena *a, const struct report_doc *d, const struct report_text *texts, size_t n,
			  const char *today, char **out)
{
	char *tables;
	int rc = sdc_to_json(a, d->tables, d->ntables, &tables);
	if (rc)
		return rc;
	json_t *doc = json_loads(tables, 0, NULL), *list = json_array(), *withheld = json_array();
	rc = doc && list && withheld ? 0 : ERR_NOMEM;
	for (size_t i = 0; !rc && i < d->nwithheld; i++)
		rc = json_array_append_new(withheld, json_string(d->withheld[i])) ? ERR_NOMEM : 0;
	for (size_t i = 0; !rc && i < n; i++) {
		json_t *t = json_pack("{s:s, s:s}", "name", texts[i].name, "body", texts[i].body);
		rc = !t ? ERR_INVALID : json_array_append_new(list, t) ? ERR_NOMEM : 0; /* NULL: not UTF-8 */
	}
	if (!rc && (json_object_set_new(doc, "cases", d->ncases < 0 ? json_null() : json_integer(d->ncases)) ||
		    json_object_set_new(doc, "period", json_string(d->period)) ||
		    json_object_set_new(doc, "released", json_string(today)) ||
		    json_object_set(doc, "withheld", withheld) || json_object_set(doc, "texts", list)))
		rc = ERR_NOMEM;
	char *s = rc ? NULL : json_dumps(doc, JSON_COMPACT);
	*out = s ? arena_strdup(a, s) : NULL;
	free(s);
	json_decref(withheld);
	json_decref(list);
	json_decref(doc);
	return *out ? 0 : rc ? rc : ERR_NOMEM;
}

int reports_release(struct store *st, struct arena *a, long long org_id, int year, const char *today, long long by,
		    long long now, const char **why)
{
	if (year < 1900 || (int) strtol(today, NULL, 10) <= year) {
		if (why)
			*why = T_("Een jaarverslag kan pas vrijgegeven worden als het jaar voorbij is.");
		return ERR_INVALID;
	}
	struct report_text *texts;
	size_t n, ready = 0;
	int rc = released(st, a, org_id, year);
	if (rc)
		return rc > 0 ? refuse(why, T_("Dit jaarverslag is al vrijgegeven.")) : rc;
	if ((rc = store_report_texts(st, a, org_id, year, &texts, &n)))
		return rc;
	for (size_t i = 0; i < n; i++)
		ready += texts[i].ready != 0;
	if (!n || ready < n)
		return refuse(why, T_("Eerst moeten alle signalen en adviezen klaar zijn: elke vertrouwenspersoon die "
				      "een tekst schreef, zet die op 'klaar voor vrijgeven'."));
	struct sdc_report s;
	struct report_doc d;
	char *json;
	if ((rc = count_year(st, a, org_id, year, today, &s)))
		return rc;
	doc_from_sdc(&d, year, &s);
	if ((rc = published_json(a, &d, texts, n, today, &json)))
		return rc;
	rc = store_report_release(st, org_id, year, json, by, now);
	return rc == ERR_CONFLICT ? refuse(why, T_("Dit jaarverslag is al vrijgegeven.")) : rc;
}

int reports_history_add(struct store *st, long long org_id, const struct case_history *h)
{
	long long id;
	int month = h->month && strlen(h->month) == 7 ? (int) strtol(h->month + 5, NULL, 10) : 0;
	if (month < 1 || month > 12 || !h->mode || (strcmp(h->mode, "melden") && strcmp(h->mode, "sparren")) ||
	    !case_choice_find(case_channels, h->channel) || !case_theme_find(h->theme) ||
	    !case_choice_find(case_outcomes, h->outcome) ||
	    (h->involved && !case_choice_find(involved_relations, h->involved)) ||
	    (h->help && !case_choice_find(help_kinds, h->help)))
		return ERR_INVALID;
	return store_case_history_add(st, org_id, h, &id);
}

const struct rtable *reports_table(const struct report_doc *d, const char *id)
{
	for (size_t i = 0; i < d->ntables; i++)
		if (!strcmp(d->tables[i].id, id))
			return &d->tables[i];
	return NULL;
}

int reports_compare(struct arena *a, const struct report_doc *now, const struct report_doc *before, struct rtable **out,
		    size_t *n)
{
	*out = NULL, *n = 0;
	if (!now->ntables || !before || !before->released || !before->ntables)
		return 0;
	struct rtable *t = arena_calloc(a, now->ntables, sizeof(*t));
	if (!t)
		return ERR_NOMEM;
	const char *now_label = arena_printf(a, "%d", now->year), *before_label = arena_printf(a, "%d", before->year);
	for (size_t i = 0; i < now->ntables; i++) {
		const struct rtable *old = reports_table(before, now->tables[i].id);
		/* the deadline table has two measures; the dashboard shows each year's whole */
		if (!old || !strcmp(now->tables[i].id, "termijnen"))
			continue;
		int rc = sdc_compare(a, &now->tables[i], old, now_label, before_label, &t[*n]);
		if (rc == ERR_NOMEM)
			return rc;
		if (!rc)
			(*n)++; /* a comparison that would pin a count, or tables that do not match, is left out */
	}
	*out = t;
	return 0;
}
