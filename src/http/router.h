/*
 * The route table and matching.
 *
 * A route is {method, pattern, flags, handler}. Patterns are literal segments
 * and parameters: "/nieuws/{slug}" binds slug; a final "{path*}" binds the
 * rest of the path. Parameters are percent-decoded per segment after the path
 * is split, so "%2F" inside a slug stays part of the slug. HEAD matches GET
 * routes. The flags say what a route needs (a session, a role, CSRF, a
 * tenant); the gate in dispatch.c checks them before any handler runs, and a
 * route without flags is public. A path parameter's name says what it is
 * (routes.c lists them): "{zaak}" is a case, "{org}" an organisation, so the
 * tenant isolation tests can be generated from the table.
 */
#ifndef VERTROUWD_HTTP_ROUTER_H
#define VERTROUWD_HTTP_ROUTER_H

#include <stddef.h>

#include "base/roles.h"
#include "http/req.h"

enum route_flag {
	ROUTE_SESSION = 1u << 0,  /* a signed-in user */
	ROUTE_CSRF = 1u << 1,	  /* a valid CSRF token on POST */
	ROUTE_TENANT = 1u << 2,	  /* takes an organisation's object from its path (implies a session) */
	ROUTE_NO_STORE = 1u << 3, /* Cache-Control: no-store (confidential pages) */
	ROUTE_CACHE = 1u << 4,	  /* the same for every visitor: may come from the page cache */
	ROUTE_UPLOAD = 1u << 5,	  /* accepts bodies up to cfg->upload_max (from a signed-in client) */
	ROUTE_OPEN = 1u << 6,	  /* a form anyone may send without a cookie: guarded by its Origin, not a token */
	ROUTE_MELDER = 1u << 7,	  /* a melder's mailbox session (its own cookie; CSRF against it) */
};

/*
 * Roles, written once: ROUTE_ROLE(ROLE_REDACTEUR | ROLE_BEHEERDER) needs a
 * session holding any of them (ROUTE_SESSION is implied).
 */
#define ROUTE_ROLE_SHIFT    8
#define ROUTE_ROLE(roles)   ((unsigned) (roles) << ROUTE_ROLE_SHIFT)
#define ROUTE_ROLES_OF(f)   (((f) >> ROUTE_ROLE_SHIFT) & ROLE_ALL)
#define ROUTE_NEEDS_SESSION (ROUTE_SESSION | ROUTE_TENANT | ROUTE_ROLE(ROLE_ALL))
_Static_assert(ROUTE_MELDER < (1u << ROUTE_ROLE_SHIFT), "route flags stay below the role bits");
_Static_assert(ROUTE_ROLES_OF(ROUTE_ROLE(ROLE_ALL)) == ROLE_ALL, "every role has a route bit");

typedef int (*route_handler)(struct req *r);

struct route {
	const char *method;
	const char *pattern;
	unsigned flags;
	route_handler handler;
};

enum route_result { ROUTE_FOUND, ROUTE_NOT_FOUND, ROUTE_BAD_METHOD, ROUTE_BAD_PATH };

/*
 * Match method and raw path against routes. On ROUTE_FOUND *match is the route
 * and params are filled (strings in the arena). On ROUTE_BAD_METHOD, allow
 * gets the methods the path accepts ("GET, HEAD"). ROUTE_BAD_PATH is a path
 * that is not a valid percent-encoded path.
 */
enum route_result router_match(const struct route *routes, size_t n, const char *method, const char *path,
			       struct arena *a, struct req_in *in, const struct route **match, struct buf *allow);

/* What a path parameter stands for ({zaak}: a case); tenant objects belong to one organisation. */
struct route_param {
	const char *name; /* as written between braces, "path*" for the rest of a path */
	int tenant;	  /* an object of one organisation: its route must be ROUTE_TENANT */
	const char *what; /* for people reading the table and its errors */
};

/*
 * The next "{name}" of pattern after *pos (start with *pos = pattern): its
 * name (without braces, "path*" kept) into name; 0 when there is none left.
 */
int router_next_param(const char **pos, char *name, size_t namelen);

/*
 * Check a route table against the rules the gate relies on; 0, or ERR_INVALID
 * with the first broken rule and its row in err:
 *  - every route other than GET and HEAD has ROUTE_CSRF (a token) or
 *    ROUTE_OPEN (its Origin), never both, and ROUTE_OPEN needs no session;
 *  - every melder route is ROUTE_NO_STORE and needs no staff session;
 *  - every route that needs a session is ROUTE_NO_STORE and never ROUTE_CACHE;
 *  - every path parameter is one of params;
 *  - a ROUTE_TENANT route takes a tenant object from its path, and a route
 *    that takes one is ROUTE_TENANT (so isolation tests can be generated);
 *  - ROUTE_UPLOAD only on a POST that needs a session.
 */
int router_check(const struct route *routes, size_t n, const struct route_param *params, size_t nparams, char *err,
		 size_t errlen) WUR;

#endif
