#!/bin/sh
# Command-line tests: help and usage errors, configuration, init --demo idempotence,
# import error reporting and the import -> export -> import round trip.
# Usage: tests/cli/run.sh BIN
bin=${1:-build/vertrouwd}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "  # $2"; }
check() { desc=$1; shift; if "$@" >/dev/null 2>&1; then ok "$desc"; else not_ok "$desc"; fi; }
exit_code() { "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }
# newdb NAME: a fresh store; tests/pg/run.sh sets TEST_DB_NEW to make PostgreSQL databases.
newdb() { if [ -n "${TEST_DB_NEW:-}" ]; then $TEST_DB_NEW "cli_$1"; else echo "sqlite:$tmp/$1.db"; fi; }
items() { "$bin" export "$tmp/count.$$" --db "$1" | sed -n 's/^Export: \([0-9]*\) items.*/\1/p'; rm -rf "$tmp/count.$$"; }

# --- help and usage ---
check "vertrouwd --help exits 0" "$bin" --help
for c in serve init import export; do
	check "vertrouwd $c --help exits 0" "$bin" "$c" --help
	"$bin" "$c" --help | grep -q -- "--db" && ok "$c --help lists the global options" || not_ok "$c --help lists the global options"
done
"$bin" --version | grep -q '^vertrouwd [0-9]' && ok "--version prints a version" || not_ok "--version"
[ "$(exit_code "$bin")" = 2 ] && ok "no command: exit 2" || not_ok "no command: exit 2"
[ "$(exit_code "$bin" frobnicate)" = 2 ] && grep -q "onbekende opdracht" "$tmp/err" && ok "unknown command: exit 2, Dutch message" || not_ok "unknown command"
[ "$(exit_code "$bin" serve --no-such-flag)" = 2 ] && grep -q "onbekende optie" "$tmp/err" && ok "unknown flag: exit 2" || not_ok "unknown flag"
[ "$(exit_code "$bin" serve --threads abc)" = 2 ] && grep -q -- "--threads" "$tmp/err" && ok "bad flag value: exit 2 naming the flag" || not_ok "bad flag value"
[ "$(VERTROUWD_THREADS=abc exit_code "$bin" init --db "sqlite:$tmp/x.db")" = 2 ] && grep -q "VERTROUWD_THREADS" "$tmp/err" && ok "bad environment value: exit 2 naming the variable" || not_ok "bad environment value"
[ "$(exit_code "$bin" init --db mysql://x)" = 2 ] && ok "unknown store kind: exit 2" || not_ok "unknown store kind"
[ "$(exit_code "$bin" import)" = 2 ] && grep -q "argument ontbreekt" "$tmp/err" && ok "import without DIR: exit 2" || not_ok "import without DIR"
[ "$(exit_code "$bin" init extra)" = 2 ] && ok "unexpected argument: exit 2" || not_ok "unexpected argument"

# --- migrate: only the schema, and says what it did ---
mdb=$(newdb migrate)
"$bin" migrate --db "$mdb" 2>/dev/null | grep -q "bijgewerkt van versie 0 naar" && ok "migrate on a new store: from version 0" || not_ok "migrate on a new store"
"$bin" migrate --db "$mdb" 2>/dev/null | grep -q "Schema is actueel" && ok "migrate again: up to date" || not_ok "migrate again"

# --- init --demo is idempotent; environment and flags both select the store ---
db=$(newdb demo)
check "init --demo" "$bin" init --demo --db "$db"
n1=$(items "$db")
check "init --demo again" "$bin" init --demo --db "$db"
n2=$(items "$db")
[ -n "$n1" ] && [ "$n1" -ge 60 ] && [ "$n1" = "$n2" ] && ok "init --demo twice: same $n1 items" || not_ok "init --demo idempotent" "$n1 vs $n2"
"$bin" user list --db "$db" 2>/dev/null | grep -q 'redactie@demo.vertrouwd.example' && ok "the demo has its editor account" || not_ok "demo editor account"
pdb=$(newdb plain)
"$bin" init --db "$pdb" >/dev/null 2>&1
"$bin" user list --db "$pdb" 2>/dev/null | grep -q 'demo.vertrouwd' && not_ok "a store without --demo has the demo account" || ok "only the demo has demo accounts"
VERTROUWD_DB="sqlite:$tmp/env.db" "$bin" init >/dev/null 2>&1
[ -f "$tmp/env.db" ] && ok "VERTROUWD_DB selects the database" || not_ok "VERTROUWD_DB"
VERTROUWD_DB="sqlite:$tmp/env2.db" "$bin" init --db "sqlite:$tmp/flag.db" >/dev/null 2>&1
[ -f "$tmp/flag.db" ] && [ ! -f "$tmp/env2.db" ] && ok "--db wins over VERTROUWD_DB" || not_ok "--db wins over VERTROUWD_DB"

# --- import: a broken file is reported with path and line and changes nothing ---
mkdir -p "$tmp/in/sub"
cat >"$tmp/in/goed.md" <<'MD'
---
type: nieuws
title: "Een goed bericht"
date: 2026-03-02
categories: [Nieuwe categorie, Melding]
---
Tekst.
MD
cat >"$tmp/in/sub/fout.md" <<'MD'
---
type: nieuws
title: "Fout"
date: 2026-03-02
categories: [Melding]
kleur: rood
---
MD
printf -- '---\ntype: nieuws\ntitle: "Kapotte datum"\ndate: 2026-02-30\ncategories: [A]\n---\n' >"$tmp/in/datum.md"
idb=$(newdb import)
code=$(exit_code "$bin" import "$tmp/in" --db "$idb")
[ "$code" = 1 ] && ok "import with broken files exits 1" || not_ok "import with broken files exits 1" "exit $code"
grep -q "sub/fout.md:6: onbekende sleutel 'kleur'" "$tmp/err" && ok "unknown key reported with file and line" || not_ok "unknown key reported" "$(cat "$tmp/err")"
grep -q "datum.md:.*geldige datum" "$tmp/err" && ok "bad date reported with file" || not_ok "bad date reported"
grep -q "3 bestanden, 1 geïmporteerd, 2 mislukt" "$tmp/out" && ok "import prints a summary" || not_ok "import summary" "$(cat "$tmp/out")"
[ "$(items "$idb")" = 1 ] && ok "the good file imported, the broken ones changed nothing" || not_ok "partial import"
"$bin" import "$tmp/in" --db "$idb" >/dev/null 2>&1
[ "$(items "$idb")" = 1 ] && ok "re-import updates by slug instead of duplicating" || not_ok "re-import by slug"
[ "$(exit_code "$bin" import "$tmp/nope" --db "$idb")" = 1 ] && ok "import of a missing directory: exit 1" || not_ok "missing directory"

# --- round trip: import -> export -> import -> export gives the same files ---
"$bin" export "$tmp/A" --db "$db" >/dev/null 2>&1
rdb=$(newdb rt)
"$bin" import "$tmp/A" --db "$rdb" >/dev/null 2>&1
"$bin" export "$tmp/B" --db "$rdb" >/dev/null 2>&1
if diff -r "$tmp/A" "$tmp/B" >"$tmp/diff"; then ok "import -> export -> import round-trips unchanged"; else not_ok "round trip" "$(head -5 "$tmp/diff")"; fi
[ "$(find "$tmp/A" -name '*.md' | wc -l)" = "$n1" ] && ok "export writes every item" || not_ok "export count"
cmp -s "$tmp/A/downloads/checklist-meldregeling.pdf" demo/downloads/checklist-meldregeling.pdf && ok "attachments are exported byte for byte" || not_ok "attachment export"

# --- accounts: vertrouwd user ---
udb=$(newdb users)
"$bin" user list --db "$udb" | grep -q "Nog geen gebruikers" && ok "user list on an empty store says how to start" || not_ok "user list empty"
"$bin" user add anna@example.nl --name "Anna de Vries" --roles beheerder,redacteur --db "$udb" >/dev/null 2>&1 && ok "user add" || not_ok "user add"
[ "$(exit_code "$bin" user add ANNA@example.nl --name X --db "$udb")" = 1 ] && grep -q "al in gebruik" "$tmp/err" && ok "a taken e-mail address (any case) is refused" || not_ok "duplicate e-mail"
[ "$(exit_code "$bin" user add geen-adres --name X --db "$udb")" = 1 ] && ok "a malformed e-mail address is refused" || not_ok "malformed e-mail"
[ "$(exit_code "$bin" user add b@example.nl --name B --roles baas --db "$udb")" = 2 ] && grep -q "onbekende rol 'baas'" "$tmp/err" && ok "an unknown role is refused by name" || not_ok "unknown role"
echo kort | "$bin" user set-password anna@example.nl --password-stdin --db "$udb" >"$tmp/out" 2>"$tmp/err"
[ $? = 1 ] && grep -q "12 tekens" "$tmp/err" && ok "a short password is refused with advice" || not_ok "short password"
echo "wachtwoord1234" | "$bin" user set-password anna@example.nl --password-stdin --db "$udb" >"$tmp/out" 2>"$tmp/err"
grep -q "veelgebruikte" "$tmp/err" && ok "a common password is refused" || not_ok "common password"
echo "paarse olifant op de fiets" | "$bin" user set-password anna@example.nl --password-stdin --db "$udb" >/dev/null 2>&1 && ok "a good password is set" || not_ok "good password"
[ "$(exit_code "$bin" user set-password nobody@example.nl --password-stdin --db "$udb")" = 1 ] && grep -q "geen gebruiker" "$tmp/err" && ok "set-password for an unknown user says so" || not_ok "unknown user"
"$bin" user roles anna@example.nl --roles vertrouwenspersoon --db "$udb" >/dev/null 2>&1
"$bin" user disable anna@example.nl --db "$udb" >/dev/null 2>&1
"$bin" user list --db "$udb" | grep -q "anna@example.nl .*vertrouwenspersoon .*geblokkeerd" && ok "roles and blocking show in the list" || not_ok "user list after changes"
"$bin" export "$tmp/users-export" --db "$udb" >/dev/null 2>&1
grep -rq "olifant" "$tmp/users-export" "$tmp/users.db" 2>/dev/null && not_ok "the password is stored somewhere in plain text" || ok "no plain-text password in the store"

# --- backup and restore: a snapshot of database and media, back again (SQLite only) ---
if [ -z "${TEST_STORE:-}" ]; then
bdb="sqlite:$tmp/bk/live.db"
"$bin" init --demo --db "$bdb" --root . >/dev/null 2>&1
"$bin" user add bea@example.nl --name "Bea Backup" --roles redacteur --db "$bdb" >/dev/null 2>&1
check "vertrouwd backup --help exits 0" "$bin" backup --help
"$bin" backup "$tmp/snap" --db "$bdb" >"$tmp/out" 2>"$tmp/err" && ok "backup: exit 0" || not_ok "backup" "$(cat "$tmp/err")"
grep -q 'Reservekopie klaar: [0-9]* items, 5 gebruikers' "$tmp/out" && ok "backup prints what it holds" || not_ok "backup summary" "$(cat "$tmp/out")"
[ "$(find "$tmp/snap/media" -type f | wc -l)" = "$(find "$tmp/bk/media" -type f | wc -l)" ] && [ -n "$(find "$tmp/snap/media" -type f)" ] &&
	ok "backup copies the media files" || not_ok "backup media"
[ "$(exit_code "$bin" backup "$tmp/snap" --db "$bdb")" = 1 ] && grep -q 'bestaat al' "$tmp/err" && ok "backup never overwrites an earlier one" || not_ok "backup overwrite"
[ "$(exit_code "$bin" restore "$tmp/snap" --db "$bdb")" = 1 ] && grep -q -- '--force' "$tmp/err" && ok "restore over a database with data needs --force" || not_ok "restore without force"
[ "$(exit_code "$bin" restore "$tmp/nothing-here" --db "sqlite:$tmp/new/r.db")" = 1 ] && ok "restore from a missing backup: exit 1" || not_ok "restore missing"
printf 'not a database' >"$tmp/bad.db"; mkdir -p "$tmp/badsnap"; cp "$tmp/bad.db" "$tmp/badsnap/vertrouwd.db"
[ "$(exit_code "$bin" restore "$tmp/badsnap" --db "sqlite:$tmp/new/r.db")" = 1 ] && ok "restore refuses a file that is no database" || not_ok "restore garbage"
"$bin" restore "$tmp/snap" --db "sqlite:$tmp/new/r.db" >"$tmp/out" 2>"$tmp/err" && ok "restore into a new place: exit 0" || not_ok "restore" "$(cat "$tmp/err")"
"$bin" export "$tmp/E1" --db "$bdb" >/dev/null 2>&1
"$bin" export "$tmp/E2" --db "sqlite:$tmp/new/r.db" >/dev/null 2>&1
if diff -r "$tmp/E1" "$tmp/E2" >"$tmp/diff"; then ok "restored content equals the original, attachments included"; else not_ok "restore round trip" "$(head -5 "$tmp/diff")"; fi
"$bin" user list --db "sqlite:$tmp/new/r.db" | grep -q bea@example.nl && ok "accounts come back too" || not_ok "restored accounts"
[ "$(exit_code "$bin" backup "$tmp/pg" --db postgresql://127.0.0.1:1/x)" = 1 ] && grep -q pg_dump "$tmp/err" && ok "backup on PostgreSQL points to pg_dump" || not_ok "backup pg message" "$(cat "$tmp/err")"
fi

line="cli${TEST_STORE:+ ($TEST_STORE)}: $passed passed, $failed failed"
echo "$line"
[ -n "${SUMMARY:-}" ] && echo "$line" >>"$SUMMARY"
[ "$failed" = 0 ]
