/*
 * Organisations (tenants) in the store: their public facts, who serves them
 * (VPs and the organisation's contacts) and what a melder sees of each VP.
 * Strings of results live in the caller's arena.
 */
#ifndef VERTROUWD_STORE_ORGS_H
#define VERTROUWD_STORE_ORGS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

struct store;

#define ORG_SALT_BYTES 16

struct org {
	long long id;
	const char *slug, *name, *sector;
	const char *logo;      /* a media file's name ("HASH.EXT"), or "" */
	const char *procedure; /* the meldregeling, Markdown */
	long long workers;
	int listed; /* found by name in the public directory (else only by its direct link) */
	unsigned char receipt_salt[ORG_SALT_BYTES];
	long long respond_days; /* working days to a first reply it promises in cases without a legal clock; 0: none */
	long long retention_months; /* months after closing until destruction; 0: once the annual report counted it */
};

/* What a melder sees of a VP, and what the workspace needs. */
struct vp_profile {
	const char *kind;      /* intern, extern */
	const char *focus;     /* omgangsvormen, integriteit, beide */
	const char *languages; /* "Nederlands, Engels" */
	const char *phone;
	const char *reach; /* how and when: "ma-do 9-17 uur, ook op locatie" */
	const char *photo; /* a media file's name, or "" */
	const char *intro;
	const char *trained_on, *refresher_on; /* "YYYY-MM-DD", or "" when not known */
	const char *other_roles;	       /* other hats, comma-separated: hr, or (works council), top */
};

struct org_vp {
	long long user_id;
	const char *name, *email;
	struct vp_profile profile;
};

/* A new organisation (id ignored; *id gets the new one); ERR_CONFLICT when the slug is taken. */
int store_org_add(struct store *st, const struct org *o, long long *id) WUR;
/* Change everything but the id and the salt; ERR_NOT_FOUND, ERR_CONFLICT (slug). */
int store_org_update(struct store *st, const struct org *o) WUR;
/* How an organisation's cases are followed: see struct org; ERR_NOT_FOUND. */
int store_org_case_settings(struct store *st, long long org_id, long long respond_days, long long retention_months) WUR;
int store_org_get(struct store *st, struct arena *a, long long id, struct org *out) WUR;
int store_org_by_slug(struct store *st, struct arena *a, const char *slug, struct org *out) WUR;
/* Organisations by name; query (or NULL) must occur in the name (case does not matter); listed_only for the public. */
int store_org_list(struct store *st, struct arena *a, const char *query, int listed_only, struct org **out,
		   size_t *n) WUR;

/* role: "vertrouwenspersoon" or "organisatie". Adding twice is no error. */
int store_org_member_add(struct store *st, long long org_id, long long user_id, const char *role) WUR;
int store_org_member_remove(struct store *st, long long org_id, long long user_id, const char *role) WUR;
/* Whether user_id serves org_id in role: 1 or 0, or ERR_DB. */
int store_org_member_has(struct store *st, long long org_id, long long user_id, const char *role);
/* The organisations user_id serves in role, by name. */
int store_org_of_user(struct store *st, struct arena *a, long long user_id, const char *role, struct org **out,
		      size_t *n) WUR;
/* The VPs of an organisation who can sign in (not blocked), with their profiles, by name. */
int store_org_vps(struct store *st, struct arena *a, long long org_id, struct org_vp **out, size_t *n) WUR;

int store_vp_profile_set(struct store *st, long long user_id, const struct vp_profile *p) WUR;
/* A VP's profile; the defaults when none was set. */
int store_vp_profile_get(struct store *st, struct arena *a, long long user_id, struct vp_profile *out) WUR;

#endif
