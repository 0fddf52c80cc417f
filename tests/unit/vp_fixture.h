/* A VP of an organisation with a fresh key pair, for the case tests (the secret key kept in *sk for the test). */
#ifndef VERTROUWD_VP_FIXTURE_H
#define VERTROUWD_VP_FIXTURE_H

#include "testutil.h"

#include "crypto/crypto.h"
#include "orgs/orgs.h"
#include "store/keys.h"
#include "store/users.h"

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
