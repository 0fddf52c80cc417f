# Shared by the shell suites: "ok - ..." / "not ok - ..." lines and the closing count.
#
#   . tests/lib/tap.sh
#   check "what" "$got" "$want"; ok "what"; not_ok "what" ["why"]
#   tap_finish NAME   # prints "NAME: N passed, M failed" (also to $SUMMARY) and exits 0 or 1
passed=0
failed=0
# The server's calendar is Dutch (src/base/dates.c), so "today" and "tomorrow"
# in a suite are Amsterdam's too, also between 23:00 and 01:00 UTC.
export TZ=Europe/Amsterdam
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "  # $2"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got $2, want $3"; fi; }
tap_finish() {
	_line="$1: $passed passed, $failed failed"
	echo "$_line"
	[ -n "${SUMMARY:-}" ] && echo "$_line" >>"$SUMMARY"
	[ "$failed" = 0 ]
	exit $?
}
