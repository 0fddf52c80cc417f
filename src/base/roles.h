/*
 * Roles: what a signed-in person may do. One enum and one table of names for
 * every layer: the store keeps the names, the route table asks for the bits
 * (http/router.h ROUTE_ROLE), accounts parse and print them.
 */
#ifndef VERTROUWD_BASE_ROLES_H
#define VERTROUWD_BASE_ROLES_H

#include <stddef.h>

enum role {
	ROLE_BEHEERDER = 1u << 0,   /* the platform's administrator: accounts, never cases */
	ROLE_REDACTEUR = 1u << 1,   /* the portal's editor */
	ROLE_VP = 1u << 2,	    /* a vertrouwenspersoon */
	ROLE_ORGANISATIE = 1u << 3, /* an organisation's contact: aggregated figures only */
};

#define ROLE_COUNT 4
#define ROLE_ALL   ((1u << ROLE_COUNT) - 1)

/* The name of role bit i (0 <= i < ROLE_COUNT), as stored and shown: "beheerder", ... */
extern const char *const role_names[ROLE_COUNT];

/* The bit of the role named by the n bytes at name, or 0 when there is no such role. */
unsigned role_by_name(const char *name, size_t n);

#endif
