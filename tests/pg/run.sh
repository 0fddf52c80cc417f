#!/bin/sh
# The integration suites again, on PostgreSQL: a throw-away cluster
# (tests/pg/cluster.sh), a fresh database per suite passed as $TEST_DB, and
# the cluster stopped at the end whatever happened.
#
#   sh tests/pg/run.sh BIN BUILD
#
# Each suite adds its own "NAME (postgresql): N passed, M failed" line to $SUMMARY.
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
for suite in http pages account; do
	n=$((n + 1))
	TEST_DB=$(sh "$here/cluster.sh" db "$dir" "t$n") || { status=1; continue; }
	export TEST_DB
	case $suite in
	http) sh tests/http/run.sh "$bin" "$build" || status=1 ;;
	*) sh "tests/$suite/run.sh" "$bin" || status=1 ;;
	esac
done
exit $status
