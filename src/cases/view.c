/*
 * A case as its page shows it (work.h, cases_view): the records opened and
 * sorted into the dossier, contacts, actions, referrals and oral reports, and
 * a timeline of everything in which the structured (JSON) records are summed
 * up in one line. Strings live in the caller's arena.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cases/records.h"
#include "cases/work.h"
#include "store/store.h"

/* A string field of a JSON record, copied into the arena ("" when missing). */
static const char *field(struct arena *a, json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	const char *copy = arena_strdup(a, s ? s : "");
	return copy ? copy : "";
}

static const char *label(const struct case_choice *list, const char *code)
{
	const struct case_choice *c = case_choice_find(list, code);
	return c ? c->label : code;
}

/* Arrays sized for every record, filled as the records are read. */
static int make_room(struct arena *a, struct case_view *v, size_t n)
{
	v->contacts = arena_calloc(a, n + 1, sizeof(*v->contacts));
	v->actions = arena_calloc(a, n + 1, sizeof(*v->actions));
	v->referrals = arena_calloc(a, n + 1, sizeof(*v->referrals));
	v->reports = arena_calloc(a, n + 1, sizeof(*v->reports));
	return v->contacts && v->actions && v->referrals && v->reports ? 0 : ERR_NOMEM;
}

static struct case_report *report_of(struct case_view *v, struct arena *a, json_t *o)
{
	long long id = strtoll(field(a, o, "verslag"), NULL, 10);
	for (size_t i = 0; i < v->nreports; i++)
		if (v->reports[i].id == id)
			return &v->reports[i];
	return NULL;
}

/* One structured record sorted in; e->text becomes its one-line summary. */
static int sort_in(struct arena *a, struct case_view *v, struct case_entry *e, json_t *o,
		   const struct case_action *dates, size_t ndates)
{
	const char *k = e->kind;
	if (!strcmp(k, "dossier")) {
		v->dossier = (struct dossier){
		    field(a, o, "naam"),  field(a, o, "contact"), field(a, o, "relatie"), field(a, o, "betrokkenen"),
		    field(a, o, "sinds"), field(a, o, "verhaal"), field(a, o, "wensen"),  field(a, o, "opties")};
		v->dossier_at = e->at;
		e->text = "";
	} else if (!strcmp(k, "contact")) {
		struct case_contact *c = &v->contacts[v->ncontacts++];
		*c = (struct case_contact){.id = e->id,
					   .at = e->at,
					   .minutes = strtoll(field(a, o, "minuten"), NULL, 10),
					   .who = e->who,
					   .channel = label(case_channels, field(a, o, "kanaal")),
					   .date = field(a, o, "datum"),
					   .summary = field(a, o, "samenvatting")};
		e->text = arena_printf(a, "%s, %s, %lld min. %s", c->channel, c->date, c->minutes, c->summary);
	} else if (!strcmp(k, "actie")) {
		struct case_action_view *x = &v->actions[v->nactions++];
		*x = (struct case_action_view){.at = e->at,
					       .who = e->who,
					       .text = field(a, o, "tekst"),
					       .due_on = "",
					       .done_on = "",
					       .consent_how = field(a, o, "toestemming"),
					       .consent_on = field(a, o, "toestemming_op")};
		for (size_t i = 0; i < ndates; i++)
			if (dates[i].record_id == e->id)
				x->id = dates[i].id, x->due_on = dates[i].due_on, x->done_on = dates[i].done_on;
		e->text = x->text;
	} else if (!strcmp(k, "verwijzing")) {
		struct case_referral *r = &v->referrals[v->nreferrals++];
		*r = (struct case_referral){.id = e->id,
					    .at = e->at,
					    .who = e->who,
					    .to = label(referral_kinds, field(a, o, "naar")),
					    .note = field(a, o, "toelichting"),
					    .consent_how = field(a, o, "toestemming"),
					    .consent_on = field(a, o, "toestemming_op")};
		e->text = arena_printf(a, "%s. %s", r->to, r->note);
	} else if (!strcmp(k, "goedkeuring")) {
		struct case_report *r = report_of(v, a, o);
		if (r) {
			r->approved = field(a, o, "hoe");
			r->approved_at = e->at;
		}
		e->text = "";
	} else if (!strcmp(k, "correctie")) {
		struct case_report *r = report_of(v, a, o);
		e->text = field(a, o, "tekst");
		if (r)
			r->corrections =
			    *r->corrections ? arena_printf(a, "%s\n\n%s", r->corrections, e->text) : e->text;
	} else if (!strcmp(k, "afsluiting")) {
		const char *note = field(a, o, "toelichting");
		e->text = arena_printf(a, "%s. %s", label(case_outcomes, field(a, o, "uitkomst")), note);
	} else if (!strcmp(k, "overdracht")) {
		const char *to = field(a, o, "aan"), *reason = field(a, o, "reden");
		e->text = *reason ? arena_printf(a, "aan %s; de melder was niet bereikbaar: %s", to, reason)
				  : arena_printf(a, "aan %s, met toestemming van de melder (%s, %s)", to,
						 field(a, o, "toestemming"), field(a, o, "toestemming_op"));
	} else if (!strcmp(k, "uitstel")) {
		e->text = arena_printf(a, "%s %s. %s", "tot", field(a, o, "tot"), field(a, o, "reden"));
	}
	return e->text ? 0 : ERR_NOMEM;
}

static int is_json(const char *kind)
{
	static const char *const kinds[] = {"dossier",	 "contact",    "actie",	  "verwijzing", "goedkeuring",
					    "correctie", "afsluiting", "uitstel", "overdracht", NULL};
	return case_one_of(kind, kinds);
}

int cases_view(struct store *st, struct arena *a, long long case_id, const unsigned char *ck, enum case_audience who,
	       struct case_view *out)
{
	struct case_action *dates;
	size_t ndates;
	memset(out, 0, sizeof(*out));
	out->dossier = (struct dossier){"", "", "", "", "", "", "", ""};
	int rc = cases_entries(st, a, case_id, ck, who, &out->timeline, &out->ntimeline);
	if (!rc)
		rc = make_room(a, out, out->ntimeline);
	if (!rc)
		rc = store_actions(st, a, case_id, &dates, &ndates);
	for (size_t i = 0; !rc && i < out->ntimeline; i++) {
		struct case_entry *e = &out->timeline[i];
		if (!strcmp(e->kind, "verslag")) {
			out->reports[out->nreports++] = (struct case_report){.id = e->id,
									     .at = e->at,
									     .who = e->who,
									     .text = e->text,
									     .approved = "",
									     .corrections = ""};
			continue;
		}
		if (!is_json(e->kind))
			continue;
		json_t *o = json_loads(e->text, 0, NULL);
		rc = o ? sort_in(a, out, e, o, dates, ndates) : ERR_INVALID;
		json_decref(o);
	}
	if (!rc && who == CASE_FOR_VP)
		rc = store_case_tags(st, a, case_id, &out->tags, &out->ntags);
	if (!rc && who == CASE_FOR_VP)
		rc = store_consents(st, a, case_id, &out->consents, &out->nconsents);
	if (!rc && who == CASE_FOR_VP)
		rc = store_case_audit(st, a, case_id, &out->audit, &out->naudit);
	return rc;
}
