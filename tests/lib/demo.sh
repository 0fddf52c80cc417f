# The start the suites on the demo organisation share: suite_start
# (tests/lib/suite.sh), the demo store (SQLite in $tmp, or $TEST_DB) and a
# server on a free port at $u.
#
#   bin=...; . tests/lib/demo.sh; demo_suite NAME
. tests/lib/suite.sh

demo_suite() {
	suite_start "$1"
	db=${TEST_DB:-sqlite:$tmp/$suite.db}
	"$bin" init --demo --db "$db" --root . >"$tmp/init.log" 2>&1 ||
		{ not_ok "init --demo" "$(tail -2 "$tmp/init.log")"; finish; }
	serve_free "$bin" "$tmp/log" --db "$db" --root . || { not_ok "the server starts"; finish; }
	u=$BASE
}
