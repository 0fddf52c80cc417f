/*
 * The VP's workspace (work.h): registering contacts, the dossier, actions,
 * referrals, notes and oral reports; the lists and the organisation's themes.
 * The legal clock and the end of a case are in steps.c.
 * Structured records are JSON objects boxed like every record; after each
 * change the case's next deadline is worked out again (case_save) so that the
 * workspace can list and count by it without opening a box.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "base/i18n.h"
#include "base/slug.h"
#include "cases/records.h"
#include "cases/work.h"
#include "orgs/orgs.h"
#include "store/keys.h"
#include "store/notify.h"
#include "store/orgs.h"
#include "store/store.h"

int case_invalid(const char **why, const char *text)
{
	*why = text;
	return ERR_INVALID;
}

size_t case_len(const char *s)
{
	return s ? strlen(s) : 0;
}

/* A date the melder gave something on: a real date, not in the future. */
static int past_date(const char *d, const char *today)
{
	return d && date_valid(d) && strcmp(d, today) <= 0;
}

/* Key/value pairs (NULL values as "") as one JSON object's text, or NULL (ERR_NOMEM). Free with free(). */
static char *json_record(const char *const *kv, size_t pairs)
{
	json_t *o = json_object();
	for (size_t i = 0; o && i < pairs; i++)
		if (json_object_set_new(o, kv[2 * i], json_string(kv[2 * i + 1] ? kv[2 * i + 1] : ""))) {
			json_decref(o);
			return NULL;
		}
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	return s;
}

/* Write a JSON record in the caller's transaction. */
int case_put_json(struct store *st, long long case_id, const unsigned char *ck, const char *kind, const char *author,
		  const char *who, long long now, const char *const *kv, size_t pairs, long long *id)
{
	char *text = json_record(kv, pairs);
	if (!text)
		return ERR_NOMEM;
	int rc = case_record_put(st, case_id, ck, kind, author, who, now, text, id);
	vault_wipe(text, strlen(text));
	free(text);
	return rc;
}

/* The earliest of the deadlines still open: into c->next_due and c->next_due_what ("" when none). */
static void next_due(struct case_row *c, const struct case_action *acts, size_t n)
{
	int open = strcmp(c->status, "gesloten") != 0;
	int melden = !strcmp(c->mode, "melden");
	struct {
		const char *date, *what;
		int applies;
	} d[] = {
	    {c->ack_due, "bevestigen", open && melden && !*c->acknowledged_on},
	    {c->feedback_due, "terugkoppelen", open && melden && *c->acknowledged_on && !*c->feedback_on},
	    {c->respond_due, "eerste reactie", open && !*c->responded_on},
	    {c->aftercare_on, "nazorg", 1},
	    {c->destroy_on, "vernietigen", !*c->destroyed_on},
	};
	c->next_due = "";
	c->next_due_what = "";
	for (size_t i = 0; i < sizeof(d) / sizeof(d[0]); i++)
		if (d[i].applies && d[i].date && *d[i].date && (!*c->next_due || strcmp(d[i].date, c->next_due) < 0)) {
			c->next_due = d[i].date;
			c->next_due_what = d[i].what;
		}
	for (size_t i = 0; open && i < n; i++)
		if (*acts[i].due_on && !*acts[i].done_on &&
		    (!*c->next_due || strcmp(acts[i].due_on, c->next_due) < 0)) {
			c->next_due = acts[i].due_on;
			c->next_due_what = "actie";
		}
}

int case_save(struct store *st, struct case_row *c)
{
	struct arena a = ARENA_INIT;
	struct case_action *acts;
	size_t n;
	int rc = store_actions(st, &a, c->id, &acts, &n);
	if (!rc) {
		next_due(c, acts, n);
		rc = store_case_save(st, c);
	}
	arena_free(&a);
	return rc;
}

int case_load(struct store *st, struct arena *a, long long case_id, struct case_row *c)
{
	return store_case_by_id(st, a, case_id, c);
}

/* Begin a change of a case: the transaction and its row (on failure nothing is left open, a is freed). */
int case_begin(struct store *st, struct arena *a, long long case_id, struct case_row *c)
{
	int rc = store_begin(st);
	if (!rc && (rc = case_load(st, a, case_id, c)))
		store_rollback(st);
	if (rc)
		arena_free(a);
	return rc;
}

/* End a change begun with case_begin(): the audit line, the row saved, committed (or all rolled back). */
int case_finish(struct store *st, struct arena *a, struct case_row *c, long long vp_id, const char *what, long long now,
		int rc)
{
	if (!rc && what)
		rc = store_case_audit_add(st, c->id, vp_id, what, now);
	if (!rc)
		rc = case_save(st, c);
	arena_free(a);
	return case_settle(st, rc);
}

int cases_readers(struct store *st, struct arena *a, long long case_id, long long **ids, size_t *n)
{
	return store_case_readers(st, a, case_id, ids, n);
}

int cases_audit(struct store *st, long long case_id, long long user_id, const char *what, long long now)
{
	return store_case_audit_add(st, case_id, user_id, what, now);
}

static int check_contact(const struct contact_input *in, const char *today, const char **why)
{
	if (!case_choice_find(case_channels, in->channel))
		return case_invalid(why,
				    T_("Kies hoe het contact was: persoonlijk, telefoon, e-mail, brief of online."));
	if (!past_date(in->date, today))
		return case_invalid(why, T_("Vul de datum van het contact in (niet in de toekomst)."));
	if (in->minutes < 0 || in->minutes > CASE_MINUTES_MAX)
		return case_invalid(why, T_("Vul de duur in minuten in (0 tot 600)."));
	if (case_len(in->summary) > CASE_TEXT_MAX)
		return case_invalid(why, T_("De samenvatting is te lang (hoogstens 20.000 tekens)."));
	return 0;
}

static int put_contact(struct store *st, long long case_id, const unsigned char *ck, const char *who, long long now,
		       const struct contact_input *in)
{
	char minutes[24];
	long long id;
	snprintf(minutes, sizeof(minutes), "%lld", in->minutes);
	const char *kv[] = {"kanaal", in->channel, "datum", in->date, "minuten", minutes, "samenvatting", in->summary};
	return case_put_json(st, case_id, ck, "contact", "vp", who, now, kv, 4, &id);
}

/* Whether code is a theme of the common list or of the organisation's own. */
static int theme_ok(struct store *st, long long org_id, const char *code)
{
	if (case_theme_find(code))
		return 1;
	struct arena a = ARENA_INIT;
	struct org_theme *t;
	size_t n;
	int ok = 0;
	if (!store_org_themes(st, &a, org_id, &t, &n))
		for (size_t i = 0; i < n && !ok; i++)
			ok = !strcmp(t[i].code, code);
	arena_free(&a);
	return ok;
}

static int check_codes(struct store *st, long long org_id, const struct case_codes *c, const char **why)
{
	if (c->nthemes > CASE_TAGS_MAX || c->ninvolved > CASE_TAGS_MAX || c->nhelp > CASE_TAGS_MAX)
		return case_invalid(why, T_("Te veel keuzes aangevinkt."));
	for (size_t i = 0; i < c->nthemes; i++)
		if (!theme_ok(st, org_id, c->themes[i]))
			return case_invalid(why, T_("Kies de thema's uit de lijst."));
	for (size_t i = 0; i < c->ninvolved; i++)
		if (!case_choice_find(involved_relations, c->involved[i]))
			return case_invalid(why, T_("Kies de relatie van de betrokkene uit de lijst."));
	for (size_t i = 0; i < c->nhelp; i++)
		if (!case_choice_find(help_kinds, c->help[i]))
			return case_invalid(why, T_("Kies de soort hulp uit de lijst."));
	return 0;
}

static int check_dossier(const struct dossier *d, const char **why)
{
	if (case_len(d->melder_name) > CASE_FIELD_MAX || case_len(d->melder_contact) > CASE_FIELD_MAX ||
	    case_len(d->since) > CASE_FIELD_MAX || case_len(d->involved) > CASE_TEXT_MAX)
		return case_invalid(why,
				    T_("Een veld is te lang: naam, contact en 'sinds wanneer' hoogstens 500 tekens."));
	if (case_len(d->story) > CASE_TEXT_MAX || case_len(d->wishes) > CASE_TEXT_MAX ||
	    case_len(d->options) > CASE_TEXT_MAX)
		return case_invalid(why, T_("Een tekst is te lang (hoogstens 20.000 tekens)."));
	if (d->melder_relation && *d->melder_relation && !case_choice_find(melder_relations, d->melder_relation))
		return case_invalid(why, T_("Kies de relatie van de melder tot de organisatie uit de lijst."));
	return 0;
}

/* The dossier and codes written in the caller's transaction. */
static int put_dossier(struct store *st, long long case_id, const unsigned char *ck, const char *who, long long now,
		       const struct dossier *d, const struct case_codes *codes)
{
	const char *kv[] = {"naam",	   d->melder_name, "contact", d->melder_contact, "relatie", d->melder_relation,
			    "betrokkenen", d->involved,	   "sinds",   d->since,		 "verhaal", d->story,
			    "wensen",	   d->wishes,	   "opties",  d->options};
	long long id;
	int rc = case_put_json(st, case_id, ck, "dossier", "vp", who, now, kv, 8, &id);
	if (!rc)
		rc = store_case_themes_set(st, case_id, codes->themes, codes->nthemes);
	if (!rc)
		rc = store_case_tags_set(st, case_id, "betrokkene", codes->involved, codes->ninvolved);
	if (!rc)
		rc = store_case_tags_set(st, case_id, "hulp", codes->help, codes->nhelp);
	return rc;
}

int cases_register(struct store *st, long long vp_id, const char *who, const struct register_input *in, long long now,
		   long long *case_id, const char **why)
{
	static const char *const modes[] = {"sparren", "melden", NULL};
	static const char *const hows[] = {"mondeling", "schriftelijk", NULL};
	char today[11], month[8], ack_due[11] = "";
	date_local_today(now, today);
	int rc = check_contact(&in->contact, today, why);
	if (!rc && !case_one_of(in->mode, modes))
		rc = case_invalid(why, T_("Kies of de melder wil sparren of een melding doet."));
	if (!rc && !case_one_of(in->consent_how, hows))
		rc = case_invalid(why, T_("Leg vast hoe de melder toestemming gaf om het contact te registreren."));
	if (!rc)
		rc = check_dossier(&in->dossier, why);
	if (!rc)
		rc = check_codes(st, in->org_id, &in->codes, why);
	if (rc)
		return rc;
	int serves = orgs_serves(st, in->org_id, vp_id, ORG_ROLE_VP);
	struct user_key k;
	rc = serves < 0 ? serves : serves ? store_key_get(st, vp_id, &k) : ERR_NOT_FOUND;
	if (rc)
		return rc;
	if (!strcmp(in->mode, "melden") && (rc = date_add_days(in->contact.date, CASE_ACK_DAYS, ack_due)))
		return rc;
	snprintf(month, sizeof(month), "%.7s", in->contact.date);
	struct case_new c = {.org_id = in->org_id,
			     .month = month,
			     .mode = in->mode,
			     .channel = in->contact.channel,
			     .received_on = in->contact.date,
			     .ack_due = *ack_due ? ack_due : NULL};
	unsigned char *ck = vault_secret_new(), sealed[CASE_SEALED_BYTES];
	if (!ck)
		return ERR_NOMEM;
	vault_random(ck, VAULT_KEY_BYTES);
	rc = vault_seal(k.pk, ck, sealed);
	if (!rc)
		rc = store_begin(st);
	if (rc) {
		vault_secret_free(ck);
		return rc;
	}
	struct arena a = ARENA_INIT;
	struct case_row row;
	rc = store_case_add(st, &c, case_id);
	if (!rc)
		rc = store_case_access_add(st, *case_id, vp_id, sealed);
	if (!rc)
		rc = put_contact(st, *case_id, ck, who, now, &in->contact);
	if (!rc)
		rc = put_dossier(st, *case_id, ck, who, now, &in->dossier, &in->codes);
	if (!rc)
		rc = store_consent_add(st, *case_id, "registratie", in->consent_how, 1, in->contact.date, 0);
	if (!rc)
		rc = case_load(st, &a, *case_id, &row);
	if (!rc) {
		row.status = "lopend";
		row.responded_on = in->contact.date; /* the contact was the reply */
	}
	vault_secret_free(ck);
	return case_finish(st, &a, &row, vp_id, "geregistreerd", now, rc);
}

int cases_contact_add(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		      const struct contact_input *in, long long now, const char **why)
{
	char today[11];
	date_local_today(now, today);
	int rc = check_contact(in, today, why);
	struct arena a = ARENA_INIT;
	struct case_row c;
	if (rc || (rc = case_begin(st, &a, case_id, &c)))
		return rc;
	rc = put_contact(st, case_id, ck, who, now, in);
	if (!*c.responded_on)
		c.responded_on = in->date;
	return case_finish(st, &a, &c, vp_id, "contact vastgelegd", now, rc);
}

int cases_dossier_save(struct store *st, long long case_id, long long org_id, const unsigned char *ck, long long vp_id,
		       const char *who, const struct dossier *d, const struct case_codes *codes, long long now,
		       const char **why)
{
	int rc = check_dossier(d, why);
	if (!rc)
		rc = check_codes(st, org_id, codes, why);
	struct arena a = ARENA_INIT;
	struct case_row c;
	if (rc || (rc = case_begin(st, &a, case_id, &c)))
		return rc;
	rc = put_dossier(st, case_id, ck, who, now, d, codes);
	return case_finish(st, &a, &c, vp_id, "dossier gewijzigd", now, rc);
}

int cases_note_add(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		   const char *text, const struct case_file_in *file, long long now, const char **why)
{
	int has_file = file && file->len;
	if (!case_len(text) && !has_file)
		return case_invalid(why, T_("Schrijf eerst een notitie of kies een document."));
	if (case_len(text) > CASE_TEXT_MAX)
		return case_invalid(why, T_("De notitie is te lang (hoogstens 20.000 tekens)."));
	struct arena a = ARENA_INIT;
	struct case_row c;
	long long id;
	int rc = case_begin(st, &a, case_id, &c);
	if (rc)
		return rc;
	if (case_len(text))
		rc = case_record_put(st, case_id, ck, "notitie", "vp", who, now, text, &id);
	if (!rc && has_file)
		rc = case_attach(st, case_id, ck, "stuk", "vp", file, now, &id, why);
	return case_finish(st, &a, &c, vp_id, has_file ? "notitie en document toegevoegd" : "notitie toegevoegd", now,
			   rc);
}

/* A consent as an action or referral needs it; "niet-nodig" only when allow_none. */
static int check_consent(const char *how, const char *on, const char *today, int allow_none, const char **why)
{
	if (allow_none && how && !strcmp(how, "niet-nodig"))
		return 0;
	if (!case_choice_find(consent_hows, how))
		return case_invalid(why, allow_none
					     ? T_("Leg vast of de melder toestemming gaf (en hoe), of dat er niemand "
						  "anders bij betrokken is.")
					     : T_("Een verwijzing kan alleen met toestemming van de melder: leg "
						  "vast hoe die gegeven is."));
	if (!past_date(on, today))
		return case_invalid(why, T_("Vul de datum in waarop de melder toestemming gaf (niet in de toekomst)."));
	return 0;
}

int cases_action_add(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		     const char *text, const char *due_on, const char *consent_how, const char *consent_on,
		     long long now, const char **why)
{
	char today[11];
	date_local_today(now, today);
	int rc = 0;
	if (!case_len(text) || case_len(text) > CASE_FIELD_MAX)
		rc = case_invalid(why, T_("Beschrijf de actie in hoogstens 500 tekens."));
	else if (due_on && *due_on && !date_valid(due_on))
		rc = case_invalid(why, T_("Vul een geldige datum in voor de actie, of laat hem leeg."));
	else
		rc = check_consent(consent_how, consent_on, today, 1, why);
	struct arena a = ARENA_INIT;
	struct case_row c;
	if (rc || (rc = case_begin(st, &a, case_id, &c)))
		return rc;
	int none = !strcmp(consent_how, "niet-nodig");
	const char *kv[] = {"tekst", text, "toestemming", consent_how, "toestemming_op", none ? "" : consent_on};
	long long rid, aid;
	rc = case_put_json(st, case_id, ck, "actie", "vp", who, now, kv, 3, &rid);
	if (!rc)
		rc = store_action_add(st, case_id, rid, due_on, &aid);
	if (!rc && !none)
		rc = store_consent_add(st, case_id, "actie", consent_how, 1, consent_on, rid);
	return case_finish(st, &a, &c, vp_id, "actie toegevoegd", now, rc);
}

int cases_action_done(struct store *st, long long case_id, long long vp_id, long long action_id, long long now)
{
	char today[11];
	date_local_today(now, today);
	struct arena a = ARENA_INIT;
	struct case_row c;
	int rc = case_begin(st, &a, case_id, &c);
	if (rc)
		return rc;
	rc = store_action_done(st, case_id, action_id, today);
	return case_finish(st, &a, &c, vp_id, "actie afgerond", now, rc);
}

int cases_refer(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		const char *to, const char *note, const char *consent_how, const char *consent_on, long long now,
		const char **why)
{
	char today[11];
	date_local_today(now, today);
	int rc = 0;
	if (!case_choice_find(referral_kinds, to))
		rc = case_invalid(why, T_("Kies waarnaar u verwijst."));
	else if (case_len(note) > CASE_TEXT_MAX)
		rc = case_invalid(why, T_("De toelichting is te lang (hoogstens 20.000 tekens)."));
	else
		rc = check_consent(consent_how, consent_on, today, 0, why);
	struct arena a = ARENA_INIT;
	struct case_row c;
	struct case_tag *tags;
	size_t n;
	if (rc || (rc = case_begin(st, &a, case_id, &c)))
		return rc;
	const char *kv[] = {"naar", to, "toelichting", note, "toestemming", consent_how, "toestemming_op", consent_on};
	long long rid;
	rc = case_put_json(st, case_id, ck, "verwijzing", "vp", who, now, kv, 4, &rid);
	if (!rc)
		rc = store_consent_add(st, case_id, "verwijzing", consent_how, 1, consent_on, rid);
	if (!rc)
		rc = store_case_tags(st, &a, case_id, &tags, &n);
	const char **codes = rc ? NULL : arena_calloc(&a, n + 1, sizeof(*codes));
	size_t k = 0;
	if (!rc && !codes)
		rc = ERR_NOMEM;
	for (size_t i = 0; !rc && i < n; i++)
		if (!strcmp(tags[i].kind, "verwijzing"))
			codes[k++] = tags[i].code;
	if (!rc) {
		codes[k++] = to;
		rc = store_case_tags_set(st, case_id, "verwijzing", codes, k);
	}
	return case_finish(st, &a, &c, vp_id, "doorverwezen", now, rc);
}

int cases_oral_report(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		      const char *text, long long now, const char **why)
{
	if (!case_len(text) || case_len(text) > CASE_TEXT_MAX)
		return case_invalid(why, T_("Schrijf het verslag (hoogstens 20.000 tekens)."));
	struct arena a = ARENA_INIT;
	struct case_row c;
	long long id;
	int rc = case_begin(st, &a, case_id, &c);
	if (rc)
		return rc;
	rc = case_record_put(st, case_id, ck, "verslag", "vp", who, now, text, &id);
	return case_finish(st, &a, &c, vp_id, "verslag vastgelegd", now, rc);
}

/*
 * Whether report_id is a 'verslag' record of the case (ERR_NOT_FOUND when not)
 * and, unless approved is NULL, whether the consent log has its approval.
 */
static int is_report(struct store *st, long long case_id, long long report_id, int *approved)
{
	struct arena a = ARENA_INIT;
	struct case_record *recs;
	struct case_consent *c = NULL;
	size_t n, k = 0;
	int rc = store_records(st, &a, case_id, &recs, &n), found = 0;
	if (!rc && approved)
		rc = store_consents(st, &a, case_id, &c, &k);
	for (size_t i = 0; !rc && i < n && !found; i++)
		found = recs[i].id == report_id && !strcmp(recs[i].kind, "verslag");
	for (size_t i = 0; !rc && i < k; i++)
		*approved |= c[i].ref == report_id && c[i].given && !strcmp(c[i].what, "verslag");
	arena_free(&a);
	return rc ? rc : found ? 0 : ERR_NOT_FOUND;
}

int cases_report_approve(struct store *st, long long case_id, const unsigned char *ck, const char *author,
			 long long vp_id, const char *who, long long report_id, long long now)
{
	int melder = !strcmp(author, "melder");
	char ref[24], today[11];
	snprintf(ref, sizeof(ref), "%lld", report_id);
	date_local_today(now, today);
	struct arena a = ARENA_INIT;
	struct case_row c;
	int done = 0, rc = is_report(st, case_id, report_id, &done);
	if (!rc && done)
		return 0; /* approved once: a second approval changes nothing */
	if (rc || (rc = case_begin(st, &a, case_id, &c)))
		return rc;
	const char *kv[] = {"verslag", ref, "hoe", melder ? "postvak" : "papier"};
	long long id;
	rc = case_put_json(st, case_id, ck, "goedkeuring", author, melder ? "" : who, now, kv, 2, &id);
	if (!rc)
		rc =
		    store_consent_add(st, case_id, "verslag", melder ? "postvak" : "schriftelijk", 1, today, report_id);
	if (!rc && melder)
		rc = store_case_seen(st, case_id, "melder", id);
	if (!rc && melder)
		rc = case_tell_readers(st, case_id, now);
	return case_finish(st, &a, &c, melder ? 0 : vp_id,
			   melder ? "verslag goedgekeurd door de melder" : "verslag op papier goedgekeurd", now, rc);
}

int cases_report_correct(struct store *st, long long case_id, const unsigned char *ck, long long report_id,
			 const char *text, long long now, const char **why)
{
	if (!case_len(text) || case_len(text) > CASE_TEXT_MAX)
		return case_invalid(why, T_("Schrijf wat er anders moet in het verslag (hoogstens 20.000 tekens)."));
	char ref[24];
	snprintf(ref, sizeof(ref), "%lld", report_id);
	struct arena a = ARENA_INIT;
	struct case_row c;
	int rc = is_report(st, case_id, report_id, NULL);
	if (rc || (rc = case_begin(st, &a, case_id, &c)))
		return rc;
	const char *kv[] = {"verslag", ref, "tekst", text};
	long long id;
	rc = case_put_json(st, case_id, ck, "correctie", "melder", "", now, kv, 2, &id);
	if (!rc)
		rc = store_case_seen(st, case_id, "melder", id);
	if (!rc)
		rc = case_tell_readers(st, case_id, now);
	return case_finish(st, &a, &c, 0, "verslag gecorrigeerd door de melder", now, rc);
}

int cases_search(struct store *st, struct arena *a, const struct case_filter *f, struct case_row **out, size_t *n,
		 long long *total)
{
	int rc = store_case_search(st, a, f, out, n);
	return rc ? rc : store_case_count(st, f, total);
}

int cases_overview(struct store *st, long long vp_id, long long org_id, const char *today, struct case_overview *out)
{
	char week[11];
	long long n[4];
	struct case_filter f = {.user_id = vp_id, .org_id = org_id, .today = today, .week_end = week};
	int rc = date_add_days(today, 7, week);
	if (!rc)
		rc = store_case_overview(st, &f, n);
	*out = rc ? (struct case_overview){0} : (struct case_overview){n[0], n[1], n[2], n[3]};
	return rc;
}

int cases_org_themes(struct store *st, struct arena *a, long long org_id, struct case_choice **out, size_t *n)
{
	struct org_theme *own;
	size_t k;
	int rc = store_org_themes(st, a, org_id, &own, &k);
	*out = rc ? NULL : arena_calloc(a, case_theme_count + k + 1, sizeof(**out));
	if (!rc && !*out)
		rc = ERR_NOMEM;
	if (rc)
		return rc;
	*n = 0;
	for (size_t i = 0; i + 1 < case_theme_count; i++) /* "overig" stays last */
		(*out)[(*n)++] = case_themes[i];
	for (size_t i = 0; i < k; i++)
		(*out)[(*n)++] = (struct case_choice){own[i].code, own[i].label};
	(*out)[(*n)++] = case_themes[case_theme_count - 1];
	return 0;
}

int cases_org_theme_add(struct store *st, long long org_id, const char *label, const char **why)
{
	char slug[SLUG_MAX + 1], code[SLUG_MAX + 8];
	if (!case_len(label) || case_len(label) > 80 || slug_make(label, slug, sizeof(slug)))
		return case_invalid(why, T_("Geef het thema een naam van hoogstens 80 tekens."));
	snprintf(code, sizeof(code), "eigen-%.*s", 60, slug);
	if (case_theme_find(code))
		return case_invalid(why, T_("Dit thema staat al in de lijst."));
	return store_org_theme_add(st, org_id, code, label);
}
