/*
 * For the case tests: a fresh store with two organisations, and a VP of an
 * organisation with a fresh key pair (the secret key kept in *sk for the test).
 */
#ifndef VERTROUWD_VP_FIXTURE_H
#define VERTROUWD_VP_FIXTURE_H

#include "testutil.h"

#include "crypto/crypto.h"
#include "orgs/orgs.h"
#include "store/keys.h"
#include "store/store.h"
#include "store/users.h"

#include <stdlib.h>

/* A store in a new directory (dir: a mkdtemp template; SQLite file there, or $TEST_DB) with organisations a and b. */
static inline int test_store_orgs(char *dir, char *dsn, size_t dsn_n, const char *file, struct store **st,
				  const struct org_input *a, long long *org_a, const struct org_input *b,
				  long long *org_b)
{
	char err[256];
	const char *why;
	if (!mkdtemp(dir) || vault_start())
		return -1;
	test_dsn(dsn, dsn_n, dir, file);
	if (store_open(dsn, st, err, sizeof(err)) || store_migrate(*st, err, sizeof(err)))
		return -1;
	return orgs_add(*st, "test", a, org_a, &why) || orgs_add(*st, "test", b, org_b, &why) ? -1 : 0;
}

static inline long long test_vp(struct store *st, const char *email, const char *name, long long org,
				unsigned char **sk)
{
	long long id;
	const char *why;
	struct user_key k = {.created_at = 1};
	*sk = vault_secret_new();
	assert_int_equal(store_user_add(st, email, name, ROLE_VP, &id), 0);
	assert_int_equal(vault_keypair(k.pk, *sk), 0);
	assert_int_equal(store_key_set(st, id, &k), 0);
	assert_int_equal(orgs_member_add(st, "test", org, email, ORG_ROLE_VP, &why), 0);
	return id;
}

#endif
