#!/bin/sh
# Browser tests: start vertrouwd with the demo content on a free loopback port
# and drive the system Chromium with playwright-core (tests/browser/portal.mjs).
#
#   sh tests/browser/run.sh BIN        (the Makefile: build/vertrouwd)
#
# Needs node (18 or later), /usr/bin/chromium, curl and the npm packages of
# package.json (installed here with `npm ci` when node_modules lacks them; no
# browser is ever downloaded). Prints the checks of portal.mjs, then
# "browser: N passed, M failed" (also appended to $SUMMARY when set); exits 1
# when a check failed. Screenshots go to test-output/.
set -u

BIN=${1:?usage: sh tests/browser/run.sh BIN}

here=$(pwd)
case $BIN in /*) ;; *) BIN=$here/$BIN ;; esac
case ${SUMMARY:-} in '' | /*) ;; *) SUMMARY=$here/$SUMMARY ;; esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
START_TMO=20   # seconds until /healthz answers
STOP_TMO=10    # seconds from SIGTERM to exit

# summary LINE: print the closing line and add it to $SUMMARY.
summary() {
	echo "$1"
	if [ -n "${SUMMARY:-}" ]; then
		echo "$1" >>"$SUMMARY"
	fi
}

# fail_setup WHY: the tests could not run at all; that counts as one failure.
fail_setup() {
	echo "not ok - browser test setup: $1"
	summary "browser: 0 passed, 1 failed"
	exit 1
}

command -v node >/dev/null 2>&1 || fail_setup "node not found (apt-get install nodejs npm)"
command -v curl >/dev/null 2>&1 || fail_setup "curl not found"
[ -x "$CHROMIUM" ] || fail_setup "$CHROMIUM not found (apt-get install chromium)"
[ -x "$BIN" ] || fail_setup "$BIN not found (run make first)"
if [ ! -f node_modules/playwright-core/package.json ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
	command -v npm >/dev/null 2>&1 || fail_setup "npm not found (apt-get install npm)"
	echo "# installing playwright-core and axe-core (npm ci)"
	npm ci --no-audit --no-fund >/dev/null 2>&1 || fail_setup "npm ci failed"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vertrouwd-browser.XXXXXX") || exit 1
srv_pid=
cleanup() {
	if [ -n "$srv_pid" ]; then
		kill -TERM "$srv_pid" 2>/dev/null && sleep 1 && kill -KILL "$srv_pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

now() { date +%s; }

if ! "$BIN" init --demo --db "sqlite:$tmp/b.db" --root "$ROOT" >"$tmp/init.log" 2>&1; then
	tail -n 5 "$tmp/init.log"
	fail_setup "vertrouwd init --demo failed"
fi

# The demo editor with a second factor, for editor.mjs.
totp_secret=$("$BIN" user totp redactie@demo.vertrouwd.example --db "sqlite:$tmp/b.db" --root "$ROOT" 2>/dev/null |
	sed -n 's/.*secret=\([A-Z2-7]*\).*/\1/p')
[ -n "$totp_secret" ] || fail_setup "could not give the demo editor a TOTP secret"

# Start the server on a free port.
log=$tmp/server.log
. tests/lib/serve.sh
serve_free "$BIN" "$log" --db "sqlite:$tmp/b.db" --root "$ROOT" --publish-interval 1 || fail_setup "the server did not start"
echo "# server: http://127.0.0.1:$port (pid $srv_pid)"

mkdir -p test-output
CHROMIUM=$CHROMIUM node tests/browser/portal.mjs "http://127.0.0.1:$port" >"$tmp/portal.out" 2>"$tmp/portal.err"
node_rc=$?
EDITOR_EMAIL=redactie@demo.vertrouwd.example EDITOR_PASSWORD=demo-redactie-wachtwoord EDITOR_TOTP=$totp_secret \
	CHROMIUM=$CHROMIUM node tests/browser/editor.mjs "http://127.0.0.1:$port" >>"$tmp/portal.out" 2>>"$tmp/portal.err" ||
	node_rc=1
VP_EMAIL=erik@demo.vertrouwd.example VP_PASSWORD=demo-vertrouwenspersoon-wachtwoord VP_TOTP=5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC \
	CHROMIUM=$CHROMIUM node tests/browser/melder.mjs "http://127.0.0.1:$port" >>"$tmp/portal.out" 2>>"$tmp/portal.err" ||
	node_rc=1
VP_PASSWORD=demo-vertrouwenspersoon-wachtwoord VP_TOTP=5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC VT_BIN=$BIN VT_DB=sqlite:$tmp/b.db \
	CHROMIUM=$CHROMIUM node tests/browser/workspace.mjs "http://127.0.0.1:$port" >>"$tmp/portal.out" 2>>"$tmp/portal.err" ||
	node_rc=1
ORG_EMAIL=hr@demo.vertrouwd.example ORG_PASSWORD=demo-organisatie-wachtwoord VP_PASSWORD=demo-vertrouwenspersoon-wachtwoord \
	VP_TOTP=5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC CHROMIUM=$CHROMIUM node tests/browser/reports.mjs "http://127.0.0.1:$port" \
	>>"$tmp/portal.out" 2>>"$tmp/portal.err" || node_rc=1
cat "$tmp/portal.out"

# Stop the server: SIGTERM, and it must be gone within STOP_TMO seconds.
kill -TERM "$srv_pid" 2>/dev/null
deadline=$(($(now) + STOP_TMO))
while kill -0 "$srv_pid" 2>/dev/null && [ "$(now)" -le "$deadline" ]; do
	sleep 0.2
done
if kill -0 "$srv_pid" 2>/dev/null; then
	kill -KILL "$srv_pid" 2>/dev/null
	echo "# warning: the server did not stop within ${STOP_TMO}s of SIGTERM"
fi
wait "$srv_pid" 2>/dev/null
srv_pid=

pass=$(grep -c '^ok - ' "$tmp/portal.out")
fail=$(grep -c '^not ok - ' "$tmp/portal.out")
if [ "$node_rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
	# portal.mjs itself broke (it reports its own failed checks and exits 1).
	echo "not ok - portal.mjs exited with $node_rc"
	fail=1
fi
if [ -s "$tmp/portal.err" ]; then
	echo "# portal.mjs stderr:"
	sed 's/^/#   /' "$tmp/portal.err" | tail -n 30
fi
if [ "$fail" -gt 0 ]; then
	echo "# server log (last lines):"
	tail -n 15 "$log" | sed 's/^/#   /'
fi
summary "browser: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
