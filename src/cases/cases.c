/*
 * The case model (cases.h): filing a report, a VP opening a case, and records
 * in and out of their boxes (the melder's mailbox sessions are in session.c,
 * files in files.c). Returns 0, ERR_INVALID (bad input with a Dutch *why, or
 * a box that does not open), ERR_NOT_FOUND (no such case, access or session;
 * a wrong receipt code too), ERR_TOO_LARGE (a rate limit), ERR_NOMEM or a
 * store error. Every change is
 * one transaction, rolled back on error; keys are wiped before returning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "base/i18n.h"
#include "cases/cases.h"
#include "cases/records.h"
#include "orgs/orgs.h"
#include "store/keys.h"
#include "store/notify.h"
#include "store/orgs.h"
#include "store/store.h"

_Static_assert(CASE_SEALED_BYTES == VAULT_SEALED_BYTES, "a sealed case key");
_Static_assert(CASE_BOX_BYTES == VAULT_KEY_BYTES + VAULT_BOX_OVERHEAD, "a boxed case key");

int case_settle(struct store *st, int rc)
{
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	return rc;
}

/* What a record's box is bound to: its case, kind and id, so records cannot be swapped. */
static size_t record_ad(char out[96], long long case_id, const char *kind, long long id)
{
	int n = snprintf(out, 96, "case:%lld|%s|%lld", case_id, kind, id);
	return n > 0 && n < 96 ? (size_t) n : 0;
}

int case_record_put(struct store *st, long long case_id, const unsigned char *ck, const char *kind, const char *author,
		    const char *who, long long at, const char *text, long long *id)
{
	size_t tlen = strlen(text), wlen = strlen(who);
	size_t plen = 24 + wlen + tlen;
	char *plain = malloc(plen);
	unsigned char *box = malloc(plen + VAULT_BOX_OVERHEAD);
	char ad[96];
	int rc = plain && box ? store_record_add(st, case_id, kind, author, id) : ERR_NOMEM;
	if (!rc) {
		int head = snprintf(plain, 24, "%lld\x1f", at);
		memcpy(plain + head, who, wlen);
		plain[head + wlen] = '\x1f';
		memcpy(plain + head + wlen + 1, text, tlen);
		size_t n = (size_t) head + wlen + 1 + tlen;
		vault_box(ck, plain, n, ad, record_ad(ad, case_id, kind, *id), box);
		rc = store_record_body(st, *id, box, n + VAULT_BOX_OVERHEAD);
		vault_wipe(plain, plen);
	}
	free(plain);
	free(box);
	return rc;
}

int case_record_open(struct arena *a, long long case_id, const unsigned char *ck, const struct case_record *r,
		     struct case_entry *e, char **plain)
{
	char ad[96];
	size_t plen = r->len > VAULT_BOX_OVERHEAD ? r->len - VAULT_BOX_OVERHEAD : 0;
	char *p = arena_alloc(a, plen + 1);
	if (!p)
		return ERR_NOMEM;
	if (vault_open(ck, r->body, r->len, ad, record_ad(ad, case_id, r->kind, r->id), (unsigned char *) p))
		return ERR_INVALID;
	p[plen] = '\0';
	if (plain)
		*plain = p;
	char *sep1 = memchr(p, '\x1f', plen);
	char *sep2 = sep1 ? memchr(sep1 + 1, '\x1f', plen - (size_t) (sep1 + 1 - p)) : NULL;
	if (!sep2)
		return ERR_INVALID;
	*sep1 = *sep2 = '\0';
	*e = (struct case_entry){.id = r->id,
				 .kind = r->kind,
				 .author = r->author,
				 .who = sep1 + 1,
				 .at = strtoll(p, NULL, 10),
				 .text = sep2 + 1};
	return 0;
}

int case_one_of(const char *v, const char *const *options)
{
	for (; v && *options; options++)
		if (!strcmp(v, *options))
			return 1;
	return 0;
}

/* The melder's input checked; 0 or ERR_INVALID with *why. */
static int check_report(const struct report_input *in, const char **why)
{
	static const char *const modes[] = {"sparren", "melden", NULL};
	static const char *const reaches[] = {"postvak", "telefoon", "email", "gesprek", NULL};
	if (!case_one_of(in->mode, modes))
		*why = T_("Kies of u wilt sparren (er samen over praten) of een melding wilt doen.");
	else if (!in->message || !*in->message)
		*why = T_("Schrijf in een paar zinnen wat er aan de hand is.");
	else if (strlen(in->message) > CASE_MESSAGE_MAX)
		*why = T_("Uw bericht is te lang (hoogstens 20.000 tekens). Kort het in; u kunt later meer sturen.");
	else if (in->theme && *in->theme && !case_theme_find(in->theme))
		*why = T_("Kies een onderwerp uit de lijst, of laat het leeg.");
	else if (in->reach && *in->reach && !case_one_of(in->reach, reaches))
		*why = T_("Kies hoe de vertrouwenspersoon u kan bereiken.");
	else if ((in->name && strlen(in->name) > 200) || (in->contact && strlen(in->contact) > 200))
		*why = T_("Uw naam of contactgegevens zijn te lang (hoogstens 200 tekens).");
	else if (in->passphrase && strlen(in->passphrase) > 1024)
		*why = T_("Uw eigen wachtwoordzin is te lang (hoogstens 1024 tekens).");
	else if (in->file.len > CASE_FILE_MAX)
		*why = T_("De bijlage is te groot (hoogstens 900 kB). Maak hem kleiner of laat hem weg.");
	else if (!in->consent)
		*why =
		    T_("Zonder uw toestemming mag de vertrouwenspersoon uw bericht niet vastleggen. Vink het vakje aan "
		       "als u akkoord bent, of neem liever eerst anoniem telefonisch contact op.");
	else
		return 0;
	return ERR_INVALID;
}

/* The VPs who receive the report: the chosen one, or every VP of the organisation, each with a key. */
static int recipients(struct store *st, struct arena *a, const struct report_input *in, struct org_vp **to, size_t *n,
		      struct user_key **keys)
{
	struct org_vp *vps;
	size_t all;
	int rc = store_org_vps(st, a, in->org_id, &vps, &all);
	*to = arena_calloc(a, all + 1, sizeof(**to));
	*keys = arena_calloc(a, all + 1, sizeof(**keys));
	*n = 0;
	if (!rc && (!*to || !*keys))
		rc = ERR_NOMEM;
	for (size_t i = 0; !rc && i < all; i++) {
		if (in->vp_id && vps[i].user_id != in->vp_id)
			continue;
		int k = store_key_get(st, vps[i].user_id, &(*keys)[*n]);
		if (k == ERR_NOT_FOUND)
			continue; /* a VP who has not finished setting up cannot read yet */
		if (k)
			rc = k;
		else
			(*to)[(*n)++] = vps[i];
	}
	return rc ? rc : *n ? 0 : ERR_NOT_FOUND;
}

int case_tell_readers(struct store *st, long long case_id, long long now)
{
	struct arena a = ARENA_INIT;
	long long *ids;
	size_t n;
	int rc = store_case_readers(st, &a, case_id, &ids, &n);
	for (size_t i = 0; !rc && i < n; i++)
		rc = store_notify_add(st, ids[i], now);
	arena_free(&a);
	return rc;
}

size_t case_melder_ad(char out[96], const unsigned char lookup[CASE_LOOKUP_BYTES])
{
	char hex[33];
	vault_hex(hex, lookup, 16);
	int n = snprintf(out, 96, "melder-ck:%s", hex);
	return n > 0 && n < 96 ? (size_t) n : 0;
}

/* The details a melder gave about themselves, as one record (or "" when they gave none). */
static const char *details(struct arena *a, const struct report_input *in)
{
	int named = in->name && *in->name, contact = in->contact && *in->contact;
	int other = in->reach && *in->reach && strcmp(in->reach, "postvak");
	if (!named && !contact && !other)
		return "";
	return arena_printf(a, "Naam: %s\nContact: %s\nBereikbaar via: %s", named ? in->name : "(anoniem)",
			    contact ? in->contact : "-", in->reach && *in->reach ? in->reach : "postvak");
}

/* A new online case's row completed: the organisation's promised first reply, the next deadline, the audit line. */
static int first_deadlines(struct store *st, struct arena *a, long long case_id, const struct org *org, long long now)
{
	struct case_row c;
	char respond[11];
	int rc = case_load(st, a, case_id, &c);
	if (!rc && !strcmp(c.mode, "sparren") && org->respond_days > 0) {
		rc = date_add_workdays(c.received_on, (int) org->respond_days, respond);
		c.respond_due = respond;
	}
	if (!rc)
		rc = store_case_audit_add(st, case_id, 0, "online ontvangen", now);
	return rc ? rc : case_save(st, &c);
}

int cases_report(struct store *st, const struct report_input *in, long long now, struct receipt *out, const char **why)
{
	int rc = check_report(in, why);
	if (rc)
		return rc;
	struct arena a = ARENA_INIT;
	struct org org;
	struct org_vp *to;
	struct user_key *keys;
	size_t n;
	memset(out, 0, sizeof(*out));
	if ((rc = store_org_get(st, &a, in->org_id, &org)) || (rc = recipients(st, &a, in, &to, &n, &keys))) {
		if (rc == ERR_NOT_FOUND)
			*why =
			    T_("Deze organisatie heeft nog geen vertrouwenspersoon die online berichten kan ontvangen. "
			       "Neem "
			       "telefonisch of persoonlijk contact op.");
		arena_free(&a);
		return rc;
	}
	unsigned char *ck = vault_secret_new(), *mk = vault_secret_new();
	unsigned char lookup[CASE_LOOKUP_BYTES], mbox[CASE_BOX_BYTES], sealed[CASE_SEALED_BYTES];
	char digits[VAULT_RECEIPT_DIGITS + 1], ad[96], month[8];
	rc = ck && mk ? 0 : ERR_NOMEM;
	if (!rc) {
		vault_random(ck, VAULT_KEY_BYTES);
		vault_receipt_new(out->code);
		rc = vault_receipt_parse(out->code, digits);
	}
	if (!rc)
		rc = vault_receipt_keys(digits, in->passphrase, org.receipt_salt, &pw_receipt, lookup, mk);
	if (!rc) {
		vault_box(mk, ck, VAULT_KEY_BYTES, ad, case_melder_ad(ad, lookup), mbox);
		date_local_today(now, out->received_on);
		snprintf(month, sizeof(month), "%.7s", out->received_on);
		if (!strcmp(in->mode, "melden"))
			rc = date_add_days(out->received_on, CASE_ACK_DAYS, out->ack_due);
	}
	struct case_new c = {.org_id = in->org_id,
			     .month = month,
			     .mode = in->mode,
			     .channel = "online",
			     .received_on = out->received_on,
			     .ack_due = out->ack_due,
			     .lookup = lookup,
			     .melder_box = mbox,
			     .ops = (long long) pw_receipt.ops,
			     .mem = (long long) pw_receipt.mem};
	long long rid;
	if (!rc)
		rc = store_begin(st);
	if (!rc) {
		rc = store_case_add(st, &c, &out->case_id);
		if (!rc && in->theme && *in->theme)
			rc = store_case_theme_add(st, out->case_id, in->theme);
		for (size_t i = 0; !rc && i < n; i++)
			if (!(rc = vault_seal(keys[i].pk, ck, sealed)) &&
			    !(rc = store_case_access_add(st, out->case_id, to[i].user_id, sealed)))
				rc = store_notify_add(st, to[i].user_id, now);
		if (!rc)
			rc = case_record_put(st, out->case_id, ck, "bericht", "melder", "", now, in->message, &rid);
		const char *d = details(&a, in);
		if (!rc && !d)
			rc = ERR_NOMEM;
		if (!rc && *d)
			rc = case_record_put(st, out->case_id, ck, "gegevens", "melder", "", now, d, &rid);
		if (!rc && in->file.len)
			rc = case_attach(st, out->case_id, ck, "bijlage", "melder", &in->file, now, &rid, why);
		if (!rc)
			rc = store_case_seen(st, out->case_id, "melder", rid);
		if (!rc)
			rc = store_consent_add(st, out->case_id, "registratie", "online", 1, out->received_on, 0);
		if (!rc)
			rc = first_deadlines(st, &a, out->case_id, &org, now);
		rc = case_settle(st, rc);
	}
	vault_secret_free(ck);
	vault_secret_free(mk);
	vault_wipe(digits, sizeof(digits));
	if (rc)
		vault_wipe(out, sizeof(*out));
	arena_free(&a);
	return rc;
}

int cases_vp_open(struct store *st, long long case_id, long long vp_id, const unsigned char *sk, unsigned char *ck)
{
	unsigned char sealed[CASE_SEALED_BYTES];
	struct user_key k;
	int rc = store_case_sealed(st, case_id, vp_id, sealed);
	if (!rc)
		rc = store_key_get(st, vp_id, &k);
	if (!rc && vault_unseal(k.pk, sk, sealed, ck))
		rc = ERR_NOT_FOUND; /* sealed to an older key of this VP: no access with this one */
	return rc;
}

int case_shared(const char *kind)
{
	static const char *const shared[] = {"bericht", "bijlage",     "gegevens",  "verzoek",
					     "verslag", "goedkeuring", "correctie", NULL};
	return case_one_of(kind, shared);
}

int cases_entries(struct store *st, struct arena *a, long long case_id, const unsigned char *ck,
		  enum case_audience audience, struct case_entry **out, size_t *n)
{
	struct case_record *recs;
	size_t all;
	int rc = store_records(st, a, case_id, &recs, &all);
	*out = rc ? NULL : arena_calloc(a, all + 1, sizeof(**out));
	if (!rc && !*out)
		rc = ERR_NOMEM;
	*n = 0;
	for (size_t j = 0; !rc && j < all; j++) {
		if (audience == CASE_FOR_MELDER && !case_shared(recs[j].kind))
			continue; /* the VP's own notes, plans and registration */
		struct case_entry *e = &(*out)[(*n)++];
		rc = case_record_open(a, case_id, ck, &recs[j], e, NULL);
		if (!rc)
			rc = case_file_entry(e);
	}
	return rc;
}

/* A VP wrote to the melder: the first reply the organisation promised is given. */
static int replied(struct store *st, long long case_id, long long now)
{
	struct arena a = ARENA_INIT;
	struct case_row c;
	char today[11];
	int rc = case_load(st, &a, case_id, &c);
	if (!rc && !*c.responded_on) {
		date_local_today(now, today);
		c.responded_on = today;
		rc = case_save(st, &c);
	}
	arena_free(&a);
	return rc;
}

int cases_message(struct store *st, long long case_id, const unsigned char *ck, const char *author, const char *who,
		  const char *reader, const char *text, const struct case_file_in *file, long long now,
		  const char **why)
{
	int has_file = file && file->len;
	if ((!text || !*text) && !has_file) {
		*why = T_("Schrijf eerst een bericht.");
		return ERR_INVALID;
	}
	if (text && strlen(text) > CASE_MESSAGE_MAX) {
		*why = T_("Dit bericht is te lang (hoogstens 20.000 tekens). Verdeel het over twee berichten.");
		return ERR_INVALID;
	}
	long long id = 0;
	int rc = store_begin(st);
	if (rc)
		return rc;
	if (text && *text)
		rc = case_record_put(st, case_id, ck, "bericht", author, who ? who : "", now, text, &id);
	if (!rc && has_file)
		rc = case_attach(st, case_id, ck, "bijlage", author, file, now, &id, why);
	if (!rc)
		rc = store_case_seen(st, case_id, reader, id);
	if (!rc && !strcmp(author, "melder"))
		rc = case_tell_readers(st, case_id, now);
	if (!rc && !strcmp(author, "vp"))
		rc = replied(st, case_id, now);
	return case_settle(st, rc);
}

int cases_seen(struct store *st, long long case_id, const char *reader)
{
	struct arena a = ARENA_INIT;
	struct case_record *recs;
	size_t n;
	int rc = store_records(st, &a, case_id, &recs, &n);
	if (!rc && n)
		rc = store_case_seen(st, case_id, reader, recs[n - 1].id);
	arena_free(&a);
	return rc;
}

int cases_get(struct store *st, struct arena *a, long long org_id, long long case_id, struct case_row *out)
{
	return store_case_get(st, a, org_id, case_id, out);
}

int cases_unseen(struct store *st, long long case_id, const char *reader, const char *author, long long *n)
{
	return store_case_unseen(st, case_id, reader, author, n);
}

int cases_mailbox_case(struct store *st, struct arena *a, long long case_id, struct case_row *out)
{
	return store_case_by_id(st, a, case_id, out);
}

int cases_vp_org(struct store *st, struct arena *a, const char *slug, long long user_id, struct org *org)
{
	int rc = orgs_find(st, a, slug, org);
	if (!rc) {
		int serves = orgs_serves(st, org->id, user_id, ORG_ROLE_VP);
		rc = serves < 0 ? serves : serves ? 0 : ERR_NOT_FOUND;
	}
	return rc;
}

int cases_vp_case(struct store *st, struct arena *a, const char *slug, const char *case_id, long long user_id,
		  const unsigned char *sk, struct org *org, struct case_row *row, unsigned char *ck)
{
	char *end;
	long long id = case_id ? strtoll(case_id, &end, 10) : 0;
	if (!case_id || !*case_id || *end || id <= 0 || !sk)
		return ERR_NOT_FOUND;
	int rc = cases_vp_org(st, a, slug, user_id, org);
	if (!rc)
		rc = store_case_get(st, a, org->id, id, row);
	if (!rc)
		rc = cases_vp_open(st, id, user_id, sk, ck);
	return rc;
}

int cases_share(struct store *st, long long case_id, long long org_id, const unsigned char *ck, long long by_vp,
		long long to_vp, const char *consent_how, long long now, const char **why)
{
	static const char *const hows[] = {"postvak", "mondeling", "schriftelijk", NULL};
	if (!case_one_of(consent_how, hows)) {
		*why =
		    "Delen met een andere vertrouwenspersoon mag alleen met toestemming van de melder. Leg vast hoe de "
		    "melder die gaf.";
		return ERR_INVALID;
	}
	int serves = store_org_member_has(st, org_id, to_vp, "vertrouwenspersoon");
	struct user_key k;
	unsigned char sealed[CASE_SEALED_BYTES];
	char today[11];
	int rc = serves < 0 ? serves : serves ? store_key_get(st, to_vp, &k) : ERR_NOT_FOUND;
	if (!rc)
		rc = vault_seal(k.pk, ck, sealed);
	if (!rc)
		rc = store_begin(st);
	if (rc)
		return rc;
	date_local_today(now, today);
	rc = store_consent_add(st, case_id, "tweede-vertrouwenspersoon", consent_how, 1, today, 0);
	if (!rc)
		rc = store_case_access_add(st, case_id, to_vp, sealed);
	if (!rc)
		rc = store_case_audit_add(st, case_id, by_vp, "gedeeld met een tweede vertrouwenspersoon", now);
	if (!rc)
		rc = store_notify_add(st, to_vp, now);
	return case_settle(st, rc);
}

int cases_melder_request(struct store *st, long long case_id, const unsigned char *ck, enum melder_request what,
			 long long now)
{
	char today[11];
	long long id;
	date_local_today(now, today);
	int withdraw = what == MELDER_WITHDRAW_CONSENT;
	int rc = store_begin(st);
	if (rc)
		return rc;
	rc = store_consent_add(st, case_id, withdraw ? "registratie" : "verwijdering", "postvak", withdraw ? 0 : 1,
			       today, 0);
	if (!rc)
		rc = case_record_put(st, case_id, ck, "verzoek", "melder", "", now,
				     withdraw ? T_("De melder trekt de toestemming voor registratie in.")
					      : T_("De melder vraagt om de zaak te verwijderen."),
				     &id);
	if (!rc)
		rc = store_case_seen(st, case_id, "melder", id);
	if (!rc)
		rc = case_tell_readers(st, case_id, now);
	return case_settle(st, rc);
}

int cases_notify_due(struct store *st, int (*send)(void *ctx, const char *email, int deadline), void *ctx, int *sent)
{
	struct arena a = ARENA_INIT;
	struct notify_due *due;
	size_t n;
	*sent = 0;
	int rc = store_notify_due(st, &a, &due, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		/* Without a mail server nobody can be told: the notices are dropped, the workspace still counts. */
		if (send && send(ctx, due[i].email, due[i].deadline))
			continue; /* tried again next round */
		rc = store_notify_done(st, due[i].user_id, due[i].deadline);
		*sent += send != NULL;
	}
	arena_free(&a);
	return rc;
}
