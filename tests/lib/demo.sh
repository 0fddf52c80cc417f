# The start the suites on the demo organisation share: a temporary directory
# removed at exit with the server, the demo store (SQLite there, or $TEST_DB),
# a server on a free port at $u, and finish() closing with the suite's line.
#
#   bin=...; . tests/lib/demo.sh; demo_suite NAME
. tests/lib/tap.sh
. tests/lib/tls.sh
. tests/lib/serve.sh

finish() { tap_finish "$suite${TEST_DB:+ (postgresql)}"; }

demo_suite() {
	suite=$1
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/vertrouwd-$suite.XXXXXX")
	srv_pid=""
	trap 'for p in $srv_pid; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
	db=${TEST_DB:-sqlite:$tmp/$suite.db}
	"$bin" init --demo --db "$db" --root . >"$tmp/init.log" 2>&1 ||
		{ not_ok "init --demo" "$(tail -2 "$tmp/init.log")"; finish; }
	serve_free "$bin" "$tmp/log" --db "$db" --root . || { not_ok "the server starts"; finish; }
	u=$BASE
}
