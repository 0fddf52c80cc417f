#!/bin/sh
# vertrouwd copy: a SQLite installation (with files on disk) to a throw-away
# PostgreSQL database and back again; each copy is checked by export, a
# sign-in on the copy, and search there.
#
#   sh tests/pg/copy.sh BIN
set -u
bin=${1:-build/vertrouwd}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vertrouwd-copy.XXXXXX")
chmod 755 "$tmp" # the cluster runs as postgres when we are root
srv=""
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; sh tests/pg/cluster.sh stop "$tmp/pg"; rm -rf "$tmp"' EXIT INT TERM
. tests/lib/tap.sh
finish() { tap_finish "copy (postgresql)"; }
sh tests/pg/cluster.sh start "$tmp/pg" >/dev/null || { not_ok "the PostgreSQL test cluster starts"; finish; }
pg=$(sh tests/pg/cluster.sh db "$tmp/pg" copied)
lite="sqlite:$tmp/lite/v.db"
"$bin" init --demo --db "$lite" --root . >/dev/null 2>&1
"$bin" user add red@example.nl --name "Rita" --roles redacteur --db "$lite" >/dev/null 2>&1
echo "paarse olifant op de fiets" | "$bin" user set-password red@example.nl --password-stdin --db "$lite" >/dev/null 2>&1
[ -n "$(find "$tmp/lite/media" -type f)" ] && ok "the source keeps its files on disk" || not_ok "source media on disk"

"$bin" copy --from "$lite" --to "$pg" >"$tmp/out" 2>"$tmp/err" && ok "copy SQLite -> PostgreSQL: exit 0" || not_ok "copy to PostgreSQL" "$(tail -3 "$tmp/err")"
grep -q 'alles teruggelezen en gelijk' "$tmp/out" && ok "every table is read back and compared" || not_ok "copy report" "$(tail -3 "$tmp/out")"
check "the report lists thirty-two tables, all equal" "$(grep -c ' gelijk$' "$tmp/out")" 32
"$bin" export "$tmp/E1" --db "$lite" >/dev/null 2>&1
"$bin" export "$tmp/E2" --db "$pg" >/dev/null 2>&1
if diff -r "$tmp/E1" "$tmp/E2" >"$tmp/diff"; then ok "PostgreSQL holds the same content, attachments byte for byte"; else not_ok "content after copy" "$(head -3 "$tmp/diff")"; fi
"$bin" search "klokkenluider" --db "$pg" | grep -q 'resultaten voor' && ok "the copy's search index is built" || not_ok "search on the copy"
[ "$("$bin" copy --from "$lite" --to "$pg" >/dev/null 2>"$tmp/err"; echo $?)" = 1 ] && grep -q 'niet leeg' "$tmp/err" &&
	ok "copying onto a store with data is refused" || not_ok "copy onto data" "$(cat "$tmp/err")"
[ "$("$bin" copy --db "$lite" >/dev/null 2>&1; echo $?)" = 2 ] && ok "copy without --to: exit 2" || not_ok "copy without --to"

# The password works on the copy: salt and key came over intact.
. tests/lib/serve.sh
serve_free "$bin" "$tmp/log" --db "$pg" --root . || not_ok "a server on the copy starts"
srv=$srv_pid
csrf=$(curl -s -c "$tmp/jar" -b "$tmp/jar" "$BASE/inloggen" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
check "signing in on the copy works" "$(curl -s -c "$tmp/jar" -b "$tmp/jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" \
	--data-urlencode email=red@example.nl --data-urlencode 'password=paarse olifant op de fiets' "$BASE/inloggen")" 303
kill "$srv"; wait "$srv" 2>/dev/null; srv=""

# And back: the files return to a media directory beside the new SQLite database.
"$bin" copy --from "$pg" --to "sqlite:$tmp/back/v.db" >"$tmp/out" 2>"$tmp/err" && ok "copy PostgreSQL -> SQLite: exit 0" || not_ok "copy back" "$(tail -3 "$tmp/err")"
"$bin" export "$tmp/E3" --db "sqlite:$tmp/back/v.db" >/dev/null 2>&1
if diff -r "$tmp/E1" "$tmp/E3" >"$tmp/diff"; then ok "the round trip gives the same content"; else not_ok "round trip" "$(head -3 "$tmp/diff")"; fi
check "the files are on disk again" "$(find "$tmp/back/media" -type f | wc -l)" "$(find "$tmp/lite/media" -type f | wc -l)"
finish
