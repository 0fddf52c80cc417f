# The start the shell suites share: their libraries, a temporary directory that
# is removed at exit together with the processes the suite started ($srv_pid,
# $lb_pid, $sink_pid and any pid in $pids), and finish() closing with the
# suite's line ("NAME (postgresql)" when $TEST_DB names a PostgreSQL database).
#
#   bin=...; . tests/lib/suite.sh; suite_start NAME
. tests/lib/tap.sh
. tests/lib/tls.sh
. tests/lib/serve.sh
. tests/lib/balancer.sh

finish() { tap_finish "$suite${TEST_DB:+ (postgresql)}"; }

suite_start() {
	suite=$1
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/vertrouwd-$suite.XXXXXX")
	srv_pid="" lb_pid="" sink_pid="" pids=""
	trap 'for p in $srv_pid $lb_pid $sink_pid $pids; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
}
