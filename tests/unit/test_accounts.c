#include "testutil.h"

#include <unistd.h>

#include "accounts/accounts.h"
#include "store/sessions.h"
#include "store/store.h"

static struct store *open_store(void)
{
	char dir[] = "/tmp/vertrouwd-accounts-XXXXXX", dsn[256], err[512];
	struct store *st;
	assert_non_null(mkdtemp(dir));
	test_dsn(dsn, sizeof(dsn), dir, "t.db");
	assert_int_equal(store_open(dsn, &st, err, sizeof(err)), 0);
	assert_int_equal(store_migrate(st, err, sizeof(err)), 0);
	return st;
}

/* What the handlers read goes through accounts_*: users, the audit log, a user's sessions. */
static void reading_accounts(void **state)
{
	struct store *st = open_store();
	struct arena a = ARENA_INIT;
	long long id;
	assert_int_equal(accounts_add(st, "beheer@example.org", "vp@example.org", "Vera", ROLE_VP, &id), 0);
	assert_int_equal(accounts_add(st, "beheer@example.org", "ad@example.org", "Adam", ROLE_BEHEERDER, &id), 0);

	struct user u;
	assert_int_equal(accounts_find(st, &a, "VP@example.org", &u), 0);
	assert_string_equal(u.name, "Vera");
	assert_int_equal(u.roles, ROLE_VP);
	assert_int_equal(accounts_find(st, &a, "niemand@example.org", &u), ERR_NOT_FOUND);

	struct user *users;
	size_t n;
	assert_int_equal(accounts_list(st, &a, &users, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(users[0].email, "ad@example.org"); /* by e-mail address */

	struct audit_line *lines;
	assert_int_equal(accounts_audit_list(st, &a, 1, &lines, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(lines[0].actor, "beheer@example.org");
	assert_string_equal(lines[0].object, "ad@example.org"); /* newest first */

	struct session_row *rows;
	assert_int_equal(accounts_sessions(st, &a, id, &rows, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_session_add(st, "ab12", id, 1000, "test"), 0);
	assert_int_equal(accounts_sessions(st, &a, id, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].id, "ab12");
	assert_string_equal(rows[0].user.email, "ad@example.org");
	arena_free(&a);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(reading_accounts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
