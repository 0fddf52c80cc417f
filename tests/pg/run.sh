#!/bin/sh
# The store's unit tests and the integration suites again, on PostgreSQL: a throw-away cluster
# (tests/pg/cluster.sh), a fresh database per suite passed as $TEST_DB, and
# the cluster stopped at the end whatever happened.
#
#   sh tests/pg/run.sh BIN BUILD
#
# Each suite adds its own "NAME (postgresql): N passed, M failed" line to $SUMMARY.
# PG_SUITES="http" runs fewer suites (a blank runs only the outage check).
set -u
bin=${1:?usage: sh tests/pg/run.sh BIN BUILD}
build=${2:-build}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/vertrouwd-pg.XXXXXX") || exit 1
trap 'sh "$here/cluster.sh" stop "$dir"' EXIT INT TERM
if ! sh "$here/cluster.sh" start "$dir" >/dev/null; then
	echo "pg: 0 passed, 1 failed (the test cluster did not start)"
	[ -n "${SUMMARY:-}" ] && echo "pg: 0 passed, 1 failed" >>"$SUMMARY"
	exit 1
fi
export TEST_STORE=postgresql
status=0
n=0
for suite in ${PG_SUITES:-http pages account cli melder workspace orgdash reports handover purge}; do
	n=$((n + 1))
	TEST_DB=$(sh "$here/cluster.sh" db "$dir" "t$n") || { status=1; continue; }
	export TEST_DB
	case $suite in
	http) sh tests/http/run.sh "$bin" "$build" || status=1 ;;
	cli) TEST_DB_NEW="sh $here/cluster.sh db $dir" sh tests/cli/run.sh "$bin" || status=1 ;;
	*) sh "tests/$suite/run.sh" "$bin" || status=1 ;;
	esac
done

# The unit tests that open a store, each on a fresh database of its own.
for t in test_store test_search_quality test_web test_faults test_accounts test_cases test_work test_handover test_purge test_isolation test_reports; do
	TEST_DB=$(sh "$here/cluster.sh" db "$dir" "$t") || { status=1; continue; }
	TEST_DB=$TEST_DB sh tests/run-unit.sh "$build, postgresql" "$build/tests/$t" || status=1
done

# An outage: a page during it is a 503 with the Dutch page, and the same
# server answers again once the database is back.
passed=0
failed=0
check() {
	if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok - $1"; else
		failed=$((failed + 1)); echo "not ok - $1 (got '$2', want '$3')"; fi
}
TEST_DB=$(sh "$here/cluster.sh" db "$dir" outage)
"$bin" init --demo --db "$TEST_DB" >/dev/null 2>&1
. tests/lib/serve.sh
serve_free "$bin" "$dir/serve.log" --db "$TEST_DB" --log-level error || echo "# the server did not start"
srv=$srv_pid
code() { curl -s -o "$dir/page" -w '%{http_code}' "$BASE$1"; }
check "a page before the outage: 200" "$(code /nieuws)" 200
# A signed-in editor (the demo's): while the store is down the session cannot be read: 503, never "signed out".
jar=$dir/jar
csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/inloggen" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
check "the demo editor signs in before the outage" "$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
	--data-urlencode "csrf=$csrf" --data-urlencode email=redactie@demo.vertrouwd.example \
	--data-urlencode password=demo-redactie-wachtwoord "$BASE/inloggen")" 303
sh "$here/cluster.sh" halt "$dir"
check "a signed-in page while the database is down: 503, not 401" "$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$BASE/account")" 503
check "a page while the database is down: 503" "$(code /zoeken?q=melding)" 503
# The HTML page from a worker that has its connection, plain text from one that never had one.
check "the 503 says so in Dutch" "$(grep -q 'Even niet beschikbaar\|opslag niet bereiken' "$dir/page" && echo yes)" yes
check "the server still runs" "$(kill -0 $srv 2>/dev/null && echo yes)" yes
sh "$here/cluster.sh" resume "$dir" >/dev/null
check "the same page after the database is back: 200" "$(code /zoeken?q=melding)" 200
kill $srv 2>/dev/null
wait $srv 2>/dev/null

# PostgreSQL's errors reach the log as SQLSTATE and primary message only: DETAIL
# quotes the row's values, here the e-mail address that was taken.
"$bin" user add dubbel@example.nl --name "Een" --db "$TEST_DB" >/dev/null 2>&1
"$bin" user add Dubbel@Example.nl --name "Twee" --db "$TEST_DB" >"$dir/dup.out" 2>"$dir/dup.log"
check "a duplicate e-mail address is refused" "$(grep -c 'al in gebruik' "$dir/dup.log")" 1
check "the store's log line names the SQLSTATE" "$(grep 'store:' "$dir/dup.log" | grep -c 'SQLSTATE 23505')" 1
check "the store's log line never quotes the address" "$(grep 'store:' "$dir/dup.log" | grep -ci 'dubbel@example')" 0
line="pg outage: $passed passed, $failed failed"
echo "$line"
[ -n "${SUMMARY:-}" ] && echo "$line" >>"$SUMMARY"
[ "$failed" = 0 ] || status=1
exit $status
