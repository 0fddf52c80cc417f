/*
 * orgs: organisations (tenants), who serves them and what a melder sees of
 * them. Plain functions over the store; every change is audited with who made
 * it. The tenant check of every later route lives here: orgs_serves() says
 * whether a user serves an organisation in a role, and an object of another
 * organisation is answered as if it did not exist (ERR_NOT_FOUND).
 */
#ifndef VERTROUWD_ORGS_ORGS_H
#define VERTROUWD_ORGS_ORGS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "store/orgs.h"

struct store;

#define ORG_ROLE_VP	      "vertrouwenspersoon"
#define ORG_ROLE_CONTACT      "organisatie"
#define ORG_PROCEDURE_WORKERS 50 /* the Wet bescherming klokkenluiders: an internal reporting procedure */
#define ORG_VP_WORKERS	      10 /* the pending VP bill: access to a vertrouwenspersoon */

/* What a beheerder fills in for an organisation. */
struct org_input {
	const char *name;
	const char *slug; /* NULL or "": made from the name */
	long long workers;
	const char *sector;
	const char *procedure; /* Markdown */
	const char *logo;      /* a media file's name, or "" */
	int listed;
};

/*
 * Add an organisation (a new random salt for its melders' receipt codes).
 * ERR_INVALID with *why (Dutch) for a missing name, a bad slug or a negative
 * number of workers; ERR_CONFLICT (and *why) when the slug is taken.
 */
int orgs_add(struct store *st, const char *actor, const struct org_input *in, long long *id, const char **why) WUR;
/* Change an organisation's facts (never its salt); the same errors, and ERR_NOT_FOUND. */
int orgs_update(struct store *st, const char *actor, long long id, const struct org_input *in, const char **why) WUR;
/*
 * How the organisation's cases are followed: the first reply it promises in
 * cases without a legal clock (0-ORG_RESPOND_DAYS_MAX working days; 0: none)
 * and its retention (0: once the annual report counted a case, else 1-24
 * months after closing). ERR_INVALID with *why, ERR_NOT_FOUND.
 */
#define ORG_RESPOND_DAYS_MAX 30
int orgs_case_settings(struct store *st, const char *actor, long long id, long long respond_days,
		       long long retention_months, const char **why) WUR;
int orgs_get(struct store *st, struct arena *a, long long id, struct org *out) WUR;
/* By slug, as a direct link finds it (listed or not); ERR_NOT_FOUND. */
int orgs_find(struct store *st, struct arena *a, const char *slug, struct org *out) WUR;
/* The public directory: listed organisations whose name holds query (at least 2 characters, else none). */
int orgs_directory(struct store *st, struct arena *a, const char *query, struct org **out, size_t *n) WUR;
/* Every organisation, for the beheerder. */
int orgs_all(struct store *st, struct arena *a, struct org **out, size_t *n) WUR;

/*
 * Let the user with email serve an organisation in role (ORG_ROLE_VP or
 * ORG_ROLE_CONTACT). The user must hold that role; an internal VP serves one
 * organisation only. ERR_NOT_FOUND (no such user), ERR_INVALID or
 * ERR_CONFLICT with *why.
 */
int orgs_member_add(struct store *st, const char *actor, long long org_id, const char *email, const char *role,
		    const char **why) WUR;
int orgs_member_remove(struct store *st, const char *actor, long long org_id, const char *email, const char *role) WUR;
/* 1 when user_id serves org_id in role, 0 when not, or a store error (<0). */
int orgs_serves(struct store *st, long long org_id, long long user_id, const char *role);
/* The organisations user_id serves in role. */
int orgs_of(struct store *st, struct arena *a, long long user_id, const char *role, struct org **out, size_t *n) WUR;
/* The VPs of an organisation a melder may choose from. */
int orgs_vps(struct store *st, struct arena *a, long long org_id, struct org_vp **out, size_t *n) WUR;

/*
 * Set what melders see of the VP with email. kind: intern or extern; focus:
 * omgangsvormen, integriteit or beide. An internal VP who serves more than one
 * organisation cannot be made internal (ERR_CONFLICT). ERR_INVALID with *why.
 */
int orgs_vp_profile_set(struct store *st, const char *actor, const char *email, const struct vp_profile *p,
			const char **why) WUR;
/*
 * An organisation's logo, or a VP's photo: an image (PNG, JPEG or WebP, its
 * type read from its bytes as for the editor's media) of at most max bytes,
 * stored in the media library and set. ERR_INVALID or ERR_TOO_LARGE with *why.
 */
/* The bytes of the organisation's logo into out; ERR_NOT_FOUND when it has none. */
int orgs_logo_bytes(struct store *st, struct arena *a, const struct org *o, struct buf *out) WUR;
int orgs_set_logo(struct store *st, const char *actor, long long org_id, const char *filename,
		  const unsigned char *data, size_t len, size_t max, const char **why) WUR;
int orgs_set_photo(struct store *st, const char *actor, const char *email, const char *filename,
		   const unsigned char *data, size_t len, size_t max, const char **why) WUR;
int orgs_vp_profile(struct store *st, struct arena *a, long long user_id, struct vp_profile *out) WUR;

#endif
