/*
 * Organisations (orgs.h): checked input, one transaction per change with its
 * audit line, the membership rules. Returns 0, ERR_INVALID or ERR_CONFLICT
 * (with a Dutch *why), ERR_NOT_FOUND, ERR_NOMEM or a store error; a failed
 * change is rolled back and leaves the store as it was.
 */
#include <stdio.h>
#include <string.h>

#include "base/dates.h"
#include "base/slug.h"
#include "cases/retention.h"
#include "content/media.h"
#include "store/files.h"
#include "crypto/crypto.h"
#include "orgs/orgs.h"
#include "store/store.h"
#include "store/users.h"

/* Fill o from in (the slug into slugbuf when made from the name); 0 or ERR_INVALID with *why. */
static int check(const struct org_input *in, struct org *o, char slugbuf[SLUG_MAX + 1], const char **why)
{
	if (!in->name || !*in->name || strlen(in->name) > 200) {
		*why = "Vul de naam van de organisatie in (hoogstens 200 tekens).";
		return ERR_INVALID;
	}
	if (in->slug && *in->slug) {
		if (!slug_valid(in->slug)) {
			*why = "Het webadres mag alleen kleine letters, cijfers en streepjes bevatten, zoals "
			       "'gemeente-voorbeeld'.";
			return ERR_INVALID;
		}
		snprintf(slugbuf, SLUG_MAX + 1, "%s", in->slug);
	} else if (slug_make(in->name, slugbuf, SLUG_MAX + 1)) {
		*why = "Uit deze naam is geen webadres te maken; vul zelf een webadres in.";
		return ERR_INVALID;
	}
	if (in->workers < 0 || in->workers > 10000000) {
		*why = "Vul het aantal werkenden in als een getal (0 of meer).";
		return ERR_INVALID;
	}
	if ((in->sector && strlen(in->sector) > 200) || (in->procedure && strlen(in->procedure) > 100000)) {
		*why = "De sector of de meldregeling is te lang.";
		return ERR_INVALID;
	}
	*o = (struct org){.slug = slugbuf,
			  .name = in->name,
			  .workers = in->workers,
			  .sector = in->sector ? in->sector : "",
			  .procedure = in->procedure ? in->procedure : "",
			  .logo = in->logo ? in->logo : "",
			  .listed = in->listed};
	return 0;
}

/* Commit with an audit line, or roll back. */
static int finish(struct store *st, int rc, const char *actor, const char *action, const char *object)
{
	if (!rc)
		rc = store_audit(st, actor, action, object, "");
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	return rc;
}

static const char taken[] = "Dit webadres is al in gebruik bij een andere organisatie. Kies een ander.";

int orgs_add(struct store *st, const char *actor, const struct org_input *in, long long *id, const char **why)
{
	struct org o;
	char slug[SLUG_MAX + 1];
	int rc = check(in, &o, slug, why);
	if (rc)
		return rc;
	vault_random(o.receipt_salt, sizeof(o.receipt_salt));
	if ((rc = store_begin(st)))
		return rc;
	rc = finish(st, store_org_add(st, &o, id), actor, "organisatie toegevoegd", slug);
	if (rc == ERR_CONFLICT)
		*why = taken;
	return rc;
}

int orgs_update(struct store *st, const char *actor, long long id, const struct org_input *in, const char **why)
{
	struct org o;
	char slug[SLUG_MAX + 1];
	int rc = check(in, &o, slug, why);
	if (rc)
		return rc;
	o.id = id;
	if ((rc = store_begin(st)))
		return rc;
	rc = finish(st, store_org_update(st, &o), actor, "organisatie gewijzigd", slug);
	if (rc == ERR_CONFLICT)
		*why = taken;
	return rc;
}

int orgs_case_settings(struct store *st, const char *actor, long long id, long long respond_days,
		       long long retention_months, const char **why)
{
	if (respond_days < 0 || respond_days > ORG_RESPOND_DAYS_MAX) {
		*why = "De termijn voor een eerste reactie is 0 (geen) tot 30 werkdagen.";
		return ERR_INVALID;
	}
	if (retention_months < 0 || retention_months > RETENTION_MONTHS_MAX) {
		*why = "De bewaartermijn is 0 (tot het jaarverslag) of 1 tot 24 maanden na het sluiten.";
		return ERR_INVALID;
	}
	int rc = store_begin(st);
	if (rc)
		return rc;
	char detail[64];
	snprintf(detail, sizeof(detail), "reactie %lld werkdagen, bewaren %lld maanden", respond_days,
		 retention_months);
	return finish(st, store_org_case_settings(st, id, respond_days, retention_months), actor,
		      "termijnen van zaken gewijzigd", detail);
}

int orgs_get(struct store *st, struct arena *a, long long id, struct org *out)
{
	return store_org_get(st, a, id, out);
}

int orgs_find(struct store *st, struct arena *a, const char *slug, struct org *out)
{
	return slug && slug_valid(slug) ? store_org_by_slug(st, a, slug, out) : ERR_NOT_FOUND;
}

int orgs_directory(struct store *st, struct arena *a, const char *query, struct org **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!query || strlen(query) < 2 || strlen(query) > 100)
		return 0;
	return store_org_list(st, a, query, 1, out, n);
}

int orgs_all(struct store *st, struct arena *a, struct org **out, size_t *n)
{
	return store_org_list(st, a, NULL, 0, out, n);
}

/* The user with email, who must hold role; ERR_NOT_FOUND or ERR_INVALID (with *why). */
static int user_in_role(struct store *st, struct arena *a, const char *email, const char *role, struct user *u,
			const char **why)
{
	int rc = email ? store_user_find(st, a, email, u) : ERR_NOT_FOUND;
	if (rc == ERR_NOT_FOUND)
		*why = "Er is geen gebruiker met dit e-mailadres.";
	if (!rc && !(u->roles & role_by_name(role, strlen(role)))) {
		*why = !strcmp(role, ORG_ROLE_VP) ? "Deze gebruiker heeft de rol vertrouwenspersoon niet."
						  : "Deze gebruiker heeft de rol organisatie niet.";
		rc = ERR_INVALID;
	}
	return rc;
}

int orgs_member_add(struct store *st, const char *actor, long long org_id, const char *email, const char *role,
		    const char **why)
{
	struct arena a = ARENA_INIT;
	struct user u;
	struct org o, *mine;
	size_t n = 0;
	struct vp_profile p;
	int rc = strcmp(role, ORG_ROLE_VP) && strcmp(role, ORG_ROLE_CONTACT) ? ERR_INVALID : 0;
	if (!rc)
		rc = store_org_get(st, &a, org_id, &o);
	if (!rc)
		rc = user_in_role(st, &a, email, role, &u, why);
	if (!rc && !strcmp(role, ORG_ROLE_VP) && !(rc = store_vp_profile_get(st, &a, u.id, &p)) &&
	    !strcmp(p.kind, "intern") && !(rc = store_org_of_user(st, &a, u.id, role, &mine, &n)) &&
	    (n > 1 || (n == 1 && mine[0].id != org_id))) {
		*why = "Een interne vertrouwenspersoon werkt voor één organisatie. Maak hem of haar extern (vertrouwd "
		       "org vp --kind extern) om ook deze organisatie te bedienen.";
		rc = ERR_CONFLICT;
	}
	if (!rc && !(rc = store_begin(st)))
		rc = finish(st, store_org_member_add(st, org_id, u.id, role), actor,
			    !strcmp(role, ORG_ROLE_VP) ? "vertrouwenspersoon gekoppeld" : "contactpersoon gekoppeld",
			    arena_printf(&a, "%s: %s", o.slug, u.email));
	arena_free(&a);
	return rc;
}

int orgs_member_remove(struct store *st, const char *actor, long long org_id, const char *email, const char *role)
{
	struct arena a = ARENA_INIT;
	struct user u;
	int rc = store_user_find(st, &a, email, &u);
	if (!rc && !(rc = store_begin(st)))
		rc = finish(st, store_org_member_remove(st, org_id, u.id, role), actor, "lid ontkoppeld",
			    arena_printf(&a, "%lld: %s", org_id, u.email));
	arena_free(&a);
	return rc;
}

int orgs_serves(struct store *st, long long org_id, long long user_id, const char *role)
{
	return store_org_member_has(st, org_id, user_id, role);
}

int orgs_of(struct store *st, struct arena *a, long long user_id, const char *role, struct org **out, size_t *n)
{
	return store_org_of_user(st, a, user_id, role, out, n);
}

int orgs_vps(struct store *st, struct arena *a, long long org_id, struct org_vp **out, size_t *n)
{
	return store_org_vps(st, a, org_id, out, n);
}

int orgs_vp_profile(struct store *st, struct arena *a, long long user_id, struct vp_profile *out)
{
	return store_vp_profile_get(st, a, user_id, out);
}

static int one_of(const char *v, const char *const *options)
{
	for (; v && *options; options++)
		if (!strcmp(v, *options))
			return 1;
	return 0;
}

/* Whether s is empty or a comma-separated list of hr, or, top. */
static int other_roles_ok(const char *s)
{
	static const char *const roles[] = {"hr", "or", "top", NULL};
	char part[8];
	for (const char *p = s ? s : ""; *p;) {
		size_t n = strcspn(p, ",");
		if (n >= sizeof(part))
			return 0;
		memcpy(part, p, n);
		part[n] = '\0';
		if (!one_of(part, roles))
			return 0;
		p += n + (p[n] == ',');
	}
	return 1;
}

int orgs_vp_profile_set(struct store *st, const char *actor, const char *email, const struct vp_profile *p,
			const char **why)
{
	static const char *const kinds[] = {"intern", "extern", NULL};
	static const char *const focuses[] = {"omgangsvormen", "integriteit", "beide", NULL};
	const char *texts[] = {p->languages, p->phone, p->reach, p->photo, p->intro};
	if (!one_of(p->kind, kinds) || !one_of(p->focus, focuses)) {
		*why = "Kies intern of extern, en omgangsvormen, integriteit of beide.";
		return ERR_INVALID;
	}
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (texts[i] && strlen(texts[i]) > 2000) {
			*why = "Een van de teksten is te lang (hoogstens 2000 tekens).";
			return ERR_INVALID;
		}
	if ((p->trained_on && *p->trained_on && !date_valid(p->trained_on)) ||
	    (p->refresher_on && *p->refresher_on && !date_valid(p->refresher_on))) {
		*why = "Geef de datum van de opleiding en van de laatste bijscholing als JJJJ-MM-DD, of laat hem leeg.";
		return ERR_INVALID;
	}
	if (!other_roles_ok(p->other_roles)) {
		*why = "Andere rollen zijn hr, or (ondernemingsraad) en top (directie), met komma's ertussen.";
		return ERR_INVALID;
	}
	struct arena a = ARENA_INIT;
	struct user u;
	struct org *mine;
	size_t n = 0;
	int rc = user_in_role(st, &a, email, ORG_ROLE_VP, &u, why);
	if (!rc && !strcmp(p->kind, "intern") && !(rc = store_org_of_user(st, &a, u.id, ORG_ROLE_VP, &mine, &n)) &&
	    n > 1) {
		*why = "Deze vertrouwenspersoon werkt voor meer dan één organisatie en kan dus niet intern zijn.";
		rc = ERR_CONFLICT;
	}
	if (!rc && !(rc = store_begin(st)))
		rc = finish(st, store_vp_profile_set(st, u.id, p), actor, "profiel vertrouwenspersoon gewijzigd",
			    u.email);
	arena_free(&a);
	return rc;
}

/* Check and store an image; its media name ("HASH.EXT") into out. */
static int store_image(struct store *st, struct arena *a, const char *actor, const char *filename,
		       const unsigned char *data, size_t len, const char *alt, size_t max, const char **out,
		       const char **why)
{
	struct stored_file f;
	struct media_info info;
	/* Checked before it is stored: a PDF is a fine download but no logo, and must not linger in the library. */
	int rc = media_check(data, len, max, &info, why);
	if (!rc && !info.kind->image) {
		*why = "Kies een afbeelding: PNG, JPEG of WebP.";
		rc = ERR_INVALID;
	}
	if (!rc)
		rc = media_upload(st, actor, filename, data, len, alt, max, &f, why);
	const struct media_kind *k = rc ? NULL : media_kind_by_type(f.content_type);
	if (!rc && !(*out = arena_printf(a, "%s.%s", f.hash, k ? k->ext : "bin")))
		rc = ERR_NOMEM;
	return rc;
}

int orgs_logo_bytes(struct store *st, struct arena *a, const struct org *o, struct buf *out)
{
	/* store_image names it "HASH.EXT" */
	const char *dot = strchr(o->logo, '.');
	struct stored_file f;
	if (!dot || dot - o->logo != FILE_HASH_LEN)
		return ERR_NOT_FOUND;
	const char *hash = arena_strndup(a, o->logo, FILE_HASH_LEN);
	int rc = hash ? media_find(st, a, hash, &f) : ERR_NOMEM;
	return rc ? rc : media_read(st, &f, out);
}

int orgs_set_logo(struct store *st, const char *actor, long long org_id, const char *filename,
		  const unsigned char *data, size_t len, size_t max, const char **why)
{
	struct arena a = ARENA_INIT;
	struct org o;
	int rc = store_org_get(st, &a, org_id, &o);
	if (!rc)
		rc = store_image(st, &a, actor, filename, data, len, arena_printf(&a, "Logo van %s", o.name), max,
				 &o.logo, why);
	if (!rc && !(rc = store_begin(st)))
		rc = finish(st, store_org_update(st, &o), actor, "logo gewijzigd", o.slug);
	arena_free(&a);
	return rc;
}

int orgs_set_photo(struct store *st, const char *actor, const char *email, const char *filename,
		   const unsigned char *data, size_t len, size_t max, const char **why)
{
	struct arena a = ARENA_INIT;
	struct user u;
	struct vp_profile p;
	int rc = user_in_role(st, &a, email, ORG_ROLE_VP, &u, why);
	if (!rc)
		rc = store_vp_profile_get(st, &a, u.id, &p);
	if (!rc)
		rc = store_image(st, &a, actor, filename, data, len, arena_printf(&a, "Foto van %s", u.name), max,
				 &p.photo, why);
	if (!rc && !(rc = store_begin(st)))
		rc =
		    finish(st, store_vp_profile_set(st, u.id, &p), actor, "foto vertrouwenspersoon gewijzigd", u.email);
	arena_free(&a);
	return rc;
}
