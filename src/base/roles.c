/* The role names (roles.h); nothing here can fail. */
#include "base/roles.h"

#include <string.h>

const char *const role_names[ROLE_COUNT] = {"beheerder", "redacteur", "vertrouwenspersoon", "organisatie"};

_Static_assert(ROLE_ORGANISATIE == 1u << (ROLE_COUNT - 1), "role_names has a name for every role bit");

unsigned role_by_name(const char *name, size_t n)
{
	for (unsigned i = 0; i < ROLE_COUNT; i++)
		if (strlen(role_names[i]) == n && !strncmp(name, role_names[i], n))
			return 1u << i;
	return 0;
}
