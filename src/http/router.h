/*
 * The route table and matching.
 *
 * A route is {method, pattern, flags, handler}. Patterns are literal segments
 * and parameters: "/nieuws/{slug}" binds slug; a final "{path*}" binds the
 * rest of the path. Parameters are percent-decoded per segment after the path
 * is split, so "%2F" inside a slug stays part of the slug. HEAD matches GET
 * routes. The flags say what a route needs (a session, a role, CSRF, a tenant);
 * role flags follow the bit order of a session's roles (beheerder, redacteur,
 * vertrouwenspersoon, organisatie);
 * the gate in dispatch.c checks them before any handler runs, and a route
 * without flags is public.
 */
#ifndef VERTROUWD_HTTP_ROUTER_H
#define VERTROUWD_HTTP_ROUTER_H

#include <stddef.h>

#include "http/req.h"

enum route_flag {
	ROUTE_SESSION = 1u << 0,  /* a signed-in user */
	ROUTE_CSRF = 1u << 1,	  /* a valid CSRF token on POST */
	ROUTE_TENANT = 1u << 2,	  /* objects are checked against the user's organisation */
	ROUTE_NO_STORE = 1u << 3, /* Cache-Control: no-store (confidential pages) */
	ROUTE_CACHE = 1u << 4,	  /* the same for every visitor: may come from the page cache */
	/* Roles: a route with any of these needs a session holding one of them (and ROUTE_SESSION is implied). */
	ROUTE_BEHEERDER = 1u << 5,
	ROUTE_REDACTEUR = 1u << 6,
	ROUTE_VP = 1u << 7,
	ROUTE_ORGANISATIE = 1u << 8,
	ROUTE_UPLOAD = 1u << 9, /* accepts bodies up to cfg->upload_max (from a signed-in client) */
};

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

#endif
