#!/bin/sh
# House rules a machine can check: no banned functions, no SQL or SQLite outside
# store/, handlers reach the store only through the domain, every C file opens
# with a comment, clang-format clean.
set -u
fail=0
banned=$(grep -rnE '\b(sprintf|vsprintf|strcpy|strcat|gets|strtok|atoi|system)[[:space:]]*\(' src tests/unit fuzz 2>/dev/null)
if [ -n "$banned" ]; then
	echo "lint: banned functions (use the buf API, snprintf, strtol):"; echo "$banned"; fail=1
fi
leak=$(grep -rlE 'sqlite3|PQexec|PQprepare' src | grep -v '^src/store/')
if [ -n "$leak" ]; then
	echo "lint: database calls outside src/store/:"; echo "$leak"; fail=1
fi
# Handlers go through the domain (content/, accounts/), so its checks have one home;
# app.c opens and closes the per-thread store, which is infrastructure.
direct=$(grep -nE '\bstore_[a-z_]+\(' src/web/*.c | grep -v '^src/web/app\.c:')
if [ -n "$direct" ]; then
	echo "lint: handlers calling the store directly (call content_*, media_* or accounts_*):"; echo "$direct"; fail=1
fi
# Every source file opens with a comment: what it owns and how it fails.
bare=$(for f in $(find src -name '*.c' | sort); do head -c 2 "$f" | grep -q '^/\*' || echo "$f"; done)
if [ -n "$bare" ]; then
	echo "lint: files without a header comment (what the file owns, how it fails):"; echo "$bare"; fail=1
fi
if ! clang-format --dry-run -Werror $(find src tests/unit fuzz -name '*.[ch]') 2>/tmp/vertrouwd-format.log; then
	head -20 /tmp/vertrouwd-format.log
	echo "lint: run 'make format'"; fail=1
fi
if ! sh scripts/po.sh check >/tmp/vertrouwd-po.log 2>&1; then
	cat /tmp/vertrouwd-po.log; echo "lint: every text of the melder's pages needs its translation (scripts/po.sh)"; fail=1
fi
if [ $fail = 0 ]; then echo "lint: ok"; echo "lint: 1 passed, 0 failed" >> "${SUMMARY:-/dev/null}"; fi
exit $fail
