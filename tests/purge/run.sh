#!/bin/sh
# Scheduled destruction through the real binary, as a VP and an operator meet it:
#  - a VP registers a phone contact with a unique canary in every field, adds a
#    note with a document and closes the case; the bytes of its records, its
#    document and its sealed key are read out of the database first;
#  - `vertrouwd purge --dry-run` lists it and changes nothing; `vertrouwd purge`
#    with a day past its date destroys it: then none of those bytes is left in
#    the database file, its WAL or its shared memory (on PostgreSQL: in pg_dump's
#    output), the case page is a 404, and the statistics row with its themes
#    and tags stays;
#  - on the case page: the destruction date, a warning within 30 days with the
#    postpone form (a reason is required, the limit holds, the audit trail gets
#    only the date), "nu vernietigen" only with its box ticked, and a melder's
#    deletion request through the mailbox handled the same way (their code
#    opens nothing after); the VP switches the deadline e-mails off and on;
#  - the server's daily job destroys a case whose schedule lies in the past,
#    logs one line with the counts, and sends the VP a deadline reminder that
#    names nothing of any case.
#
#   sh tests/purge/run.sh BIN      ($TEST_DB: a PostgreSQL database instead of SQLite)
set -u
bin=${1:-build/vertrouwd}
. tests/lib/suite.sh
suite_start purge

db=${TEST_DB:-sqlite:$tmp/p.db}
psql=${PG_BIN:-/usr/lib/postgresql/15/bin}/psql
[ -x "$psql" ] || psql=psql
sql() { # one query; rows as text, columns joined by '|'
	if [ -z "${TEST_DB:-}" ]; then
		sqlite3 "$tmp/p.db" "$1"
	elif [ "$(id -u)" = 0 ]; then
		(cd / && runuser -u postgres -- "$psql" -X -q -At -d "$TEST_DB" -c "$1")
	else
		"$psql" -X -q -At -d "$TEST_DB" -c "$1"
	fi
}
hex() { # a blob column as lower-case hex, in the dialect's words
	if [ -z "${TEST_DB:-}" ]; then echo "lower(hex($1))"; else echo "encode($1, 'hex')"; fi
}
# Everything at rest as one hex line per file: the SQLite file, its WAL and shared memory; or pg_dump's output.
at_rest() {
	if [ -z "${TEST_DB:-}" ]; then
		for f in "$tmp/p.db" "$tmp/p.db-wal" "$tmp/p.db-shm"; do
			[ -f "$f" ] && xxd -p "$f" | tr -d '\n'
			echo
		done
	else
		dump=${PG_BIN:-/usr/lib/postgresql/15/bin}/pg_dump
		{ (cd / && runuser -u postgres -- "$dump" -d "$TEST_DB") 2>/dev/null || "$dump" -d "$TEST_DB"; } | tr -d '\n'
	fi >"$tmp/rest.hex"
}
# How many of the hex strings in file $1 are at rest.
found() {
	at_rest
	n=0
	while read -r needle; do grep -q "$needle" "$tmp/rest.hex" && n=$((n + 1)); done <"$1"
	echo "$n"
}
# Byte strings of case $1 (40 bytes of each record's and document's ciphertext past the nonce, each sealed key) into $2.
needles() {
	sql "SELECT $(hex body) FROM case_records WHERE case_id = $1 UNION ALL SELECT $(hex data) FROM case_files WHERE case_id = $1" |
		cut -c49-128 >"$2"
	sql "SELECT $(hex sealed) FROM case_access WHERE case_id = $1" >>"$2"
}

"$bin" init --demo --db "$db" --root . >"$tmp/init.log" 2>&1 || { not_ok "init --demo" "$(tail -2 "$tmp/init.log")"; finish; }
check "purge --help exits 0" "$("$bin" purge --help >"$tmp/help" 2>&1; echo $?)" 0
grep -q -- '--dry-run' "$tmp/help" && grep -q -- '--today' "$tmp/help" && grep -q -- '--db' "$tmp/help" &&
	ok "and names --dry-run, --today (for tests) and the global options" || not_ok "purge --help" "$(head -5 "$tmp/help")"
check "a --today that is no date: exit 2" "$("$bin" purge --today 2027-02-30 --db "$db" >/dev/null 2>"$tmp/err"; echo $?)" 2
grep -q 'JJJJ-MM-DD' "$tmp/err" && ok "and the message says how to write it" || not_ok "bad --today message" "$(cat "$tmp/err")"

smtp_sink "$tmp/mail" || { not_ok "the mail sink listens"; finish; }
start() {
	serve_free "$bin" "$tmp/log" --db "$db" --root . --smtp "smtp://127.0.0.1:$sink" \
		--mail-from vertrouwd@example.nl --publish-interval 1
}
start || { not_ok "the server starts"; finish; }
u=$BASE
CANARY="kanarie-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
org=gemeente-rivierstad
vj=$tmp/vp.jar
vc=$(signin_form "$u" "$vj")
check "the VP signs in" "$(signin_post "$u" "$vj" "$vc" erik@demo.vertrouwd.example demo-vertrouwenspersoon-wachtwoord "$(oathtool --totp -b 5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC)")" 303

# A phone contact with the canary in every field; "$1" tells the cases apart, "$2" is sparren or melden, "$3" the date.
register() {
	curl -s -b "$vj" -o "$tmp/regform" "$u/werkruimte/$org/registreren"
	curl -s -b "$vj" -D "$tmp/head" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$(csrf_of "$tmp/regform")" \
		--data-urlencode kanaal=telefoon --data-urlencode "datum=$3" --data-urlencode minuten=25 \
		--data-urlencode "samenvatting=Gesprek $1 $CANARY" --data-urlencode "soort=$2" \
		--data-urlencode "naam=Naam $1 $CANARY" --data-urlencode "contact=06 $1 $CANARY" \
		--data-urlencode relatie=werknemer --data-urlencode "betrokkenen=Chef $1 $CANARY" \
		--data-urlencode "sinds=Sinds $1 $CANARY" --data-urlencode "verhaal=Verhaal $1 $CANARY" \
		--data-urlencode "wensen=Wens $1 $CANARY" --data-urlencode "opties=Opties $1 $CANARY" \
		--data-urlencode thema=pesten --data-urlencode betrokkene=leidinggevende --data-urlencode hulp=advies \
		--data-urlencode toestemming=mondeling "$u/werkruimte/$org/registreren"
}
location() { tr -d '\r' <"$tmp/head" | sed -n 's/^[Ll]ocation: //p'; }
post() { # path, then curl form arguments -> status
	_p=$1
	shift
	curl -s -b "$vj" -o "$tmp/page" -w '%{http_code}' "$@" "$u$_p"
}
today=$(date +%F)

# ---- a case, closed, destroyed by `vertrouwd purge` ----
check "the VP registers a phone contact: 303" "$(register een sparren "$today")" 303
case_url=$(location)
id=${case_url##*/}
curl -s -b "$vj" -o "$tmp/case" "$u$case_url"
grep -q "Verhaal een $CANARY" "$tmp/case" && ok "the case page shows the story" || not_ok "case page" "$case_url"
csrf=$(csrf_of "$tmp/case")
printf 'Document met %s erin.\n' "$CANARY" >"$tmp/stuk.txt"
check "a note with a document: 303" "$(post "$case_url/notitie" -F "csrf=$csrf" -F "notitie=Notitie $CANARY" -F "bijlage=@$tmp/stuk.txt;filename=stuk.txt")" 303
check "the case is closed: 303" "$(post "$case_url/sluiten" --data-urlencode "csrf=$csrf" --data-urlencode uitkomst=opgelost --data-urlencode "toelichting=Afgesloten $CANARY")" 303
check "it is scheduled for destruction" "$(sql "SELECT count(*) FROM cases WHERE id = $id AND destroy_on > '$today'")" 1
needles "$id" "$tmp/one"
total=$(wc -l <"$tmp/one")
[ "$total" -ge 7 ] && ok "its records, document and sealed key: $total byte strings" || not_ok "needles" "$total"
check "before: every one of them is at rest" "$(found "$tmp/one")" "$total"

"$bin" purge --dry-run --today 2099-01-01 --db "$db" >"$tmp/dry" 2>&1
check "purge --dry-run: exit 0" "$?" 0
grep -q "zaak $id ($org" "$tmp/dry" && grep -q '^1 zaak te vernietigen; er is niets veranderd' "$tmp/dry" &&
	ok "it lists the case and says nothing changed" || not_ok "dry run output" "$(cat "$tmp/dry")"
check "after the dry run the case still opens" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' "$u$case_url")" 200

"$bin" purge --today 2099-01-01 --db "$db" >"$tmp/purge" 2>&1
check "purge: exit 0" "$?" 0
grep -q "zaak $id ($org.*: vernietigd" "$tmp/purge" && grep -q '^1 zaak vernietigd; de statistiekregels blijven' "$tmp/purge" &&
	ok "it reports the case and the Dutch summary" || not_ok "purge output" "$(cat "$tmp/purge")"
check "after: none of them is at rest" "$(found "$tmp/one")" 0
grep -q "$(printf '%s' "$CANARY" | xxd -p | tr -d '\n')" "$tmp/rest.hex" && not_ok "the canary's plain bytes are at rest" || ok "nor the canary's plain bytes"
check "the case page: 404" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' "$u$case_url")" 404
check "its document: 404" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' "$u$case_url/bijlagen/1")" 404
curl -s -b "$vj" -o "$tmp/ws" "$u/werkruimte/$org"
grep -q "href=\"$case_url\"" "$tmp/ws" && not_ok "the case is still listed" || ok "the case is in no list"
check "the statistics row stays" "$(sql "SELECT status, month, mode, channel, outcome, destroyed_on FROM cases WHERE id = $id")" \
	"gesloten|$(date +%Y-%m)|sparren|telefoon|opgelost|2099-01-01"
check "with its theme and tags" "$(sql "SELECT (SELECT count(*) FROM case_themes WHERE case_id = $id) || '/' || (SELECT count(*) FROM case_tags WHERE case_id = $id)")" "1/2"
check "keys, records, files, consents, reads: none" "$(sql "SELECT (SELECT count(*) FROM case_access WHERE case_id = $id) + (SELECT count(*) FROM case_records WHERE case_id = $id) + (SELECT count(*) FROM case_files WHERE case_id = $id) + (SELECT count(*) FROM case_consents WHERE case_id = $id) + (SELECT count(*) FROM case_reads WHERE case_id = $id)")" 0
check "the audit trail says so" "$(sql "SELECT what FROM case_audit WHERE case_id = $id ORDER BY id DESC LIMIT 1")" "vernietigd volgens schema"
"$bin" purge --today 2099-01-01 --db "$db" >"$tmp/again" 2>&1
grep -q '^0 zaken vernietigd' "$tmp/again" && ok "a second run finds nothing" || not_ok "second run" "$(cat "$tmp/again")"

# ---- the case page: warned, postponed, destroyed at once ----
valid() { # the page in $tmp/page is valid HTML (tidy: errors fail; it still warns about aria-current)
	tidy -q -e "$tmp/page" >"$tmp/tidy" 2>&1
	if [ $? -lt 2 ] && ! grep -v 'aria-current' "$tmp/tidy" | grep -q .; then ok "$1: valid HTML"; else not_ok "$1: valid HTML" "$(head -3 "$tmp/tidy")"; fi
}
check "a fourth case: 303" "$(register vier sparren "$today")" 303
four_url=$(location)
four=${four_url##*/}
curl -s -b "$vj" -o "$tmp/case" "$u$four_url"
post "$four_url/sluiten" --data-urlencode "csrf=$(csrf_of "$tmp/case")" --data-urlencode uitkomst=opgelost >/dev/null
curl -s -b "$vj" -o "$tmp/page" "$u$four_url"
grep -q 'Deze zaak wordt vernietigd op <strong>1 juni' "$tmp/page" && ! grep -q 'id="vernietiging" class="form-error"' "$tmp/page" &&
	ok "a closed case shows its destruction date, without a warning months ahead" || not_ok "destruction date" "$(grep -o 'vernietigd op.\{0,80\}' "$tmp/page")"
soon=$(date -d '10 days' +%F)
sql "UPDATE cases SET destroy_on = '$soon', next_due = '$soon' WHERE id = $four" >/dev/null
curl -s -b "$vj" -o "$tmp/page" "$u$four_url"
grep -q 'id="vernietiging" class="form-error" role="alert"' "$tmp/page" && grep -q 'over 10 dag(en)' "$tmp/page" &&
	ok "ten days ahead: a warning" || not_ok "warning" "$(grep -o 'id="vernietiging".\{0,120\}' "$tmp/page")"
grep -q '<details class="panel" open=""><summary>Vernietiging uitstellen' "$tmp/page" && grep -q 'name="tot" type="date"' "$tmp/page" &&
	ok "with the postpone form open" || not_ok "postpone form"
valid "the case page with the warning"
sql "UPDATE cases SET destroy_on = '$(date -d yesterday +%F)' WHERE id = $four" >/dev/null
curl -s -b "$vj" -o "$tmp/page" "$u$four_url"
grep -q 'Deze zaak is aan de beurt om vernietigd te worden' "$tmp/page" && grep -q '<summary>Vernietiging uitstellen' "$tmp/page" &&
	ok "a date that has passed: due at the next round, and still to be postponed" || not_ok "due text" "$(grep -o 'id="vernietiging".\{0,160\}' "$tmp/page")"
csrf=$(csrf_of "$tmp/page")
later=$(date -d '60 days' +%F)
check "postponing without a reason: 400" "$(post "$four_url/uitstellen" --data-urlencode "csrf=$csrf" --data-urlencode "tot=$later" --data-urlencode reden=)" 400
grep -q 'reden' "$tmp/page" && ok "and the page says why" || not_ok "postpone reason message"
check "postponing past the limit: 400" "$(post "$four_url/uitstellen" --data-urlencode "csrf=$csrf" --data-urlencode "tot=$(date -d '3 years' +%F)" --data-urlencode reden=Nodig)" 400
check "postponing with a reason: 303" "$(post "$four_url/uitstellen" --data-urlencode "csrf=$csrf" --data-urlencode "tot=$later" --data-urlencode "reden=Reden $CANARY")" 303
check "the new date holds" "$(sql "SELECT destroy_on || '/' || next_due FROM cases WHERE id = $four")" "$later/$later"
check "the audit trail has the date" "$(sql "SELECT count(*) FROM case_audit WHERE case_id = $four AND what = 'vernietiging uitgesteld tot $later'")" 1
check "and never the reason" "$(sql "SELECT count(*) FROM case_audit WHERE what LIKE '%kanarie%' OR what LIKE '%Reden%'")" 0
curl -s -b "$vj" -o "$tmp/page" "$u$four_url"
grep -q "Reden $CANARY" "$tmp/page" && ok "the reason is in the case's timeline" || not_ok "reason in timeline"
check "destroying without ticking the box: 400" "$(post "$four_url/vernietigen" --data-urlencode "csrf=$csrf")" 400
check "and the case still opens" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' "$u$four_url")" 200
curl -s -b "$vj" -D "$tmp/head" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode bevestig=vernietigen "$u$four_url/vernietigen"
check "destroying now: 303 to the organisation's list" "$(location)" "/werkruimte/$org?vernietigd=1"
check "after it the page: 404" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' "$u$four_url")" 404
curl -s -b "$vj" -o "$tmp/page" "$u/werkruimte/$org?vernietigd=1"
grep -q 'De zaak is vernietigd' "$tmp/page" && ok "the list says it is gone" || not_ok "destroyed notice"
check "the audit trail names the VP" "$(sql "SELECT u.email FROM case_audit a JOIN users u ON u.id = a.user_id WHERE a.case_id = $four AND a.what = 'vernietigd'")" erik@demo.vertrouwd.example

# ---- a melder asks for deletion through the mailbox ----
curl -s -o "$tmp/receipt" -F "organisatie=$org" -F vp=alle -F soort=sparren -F onderwerp=pesten \
	-F "bericht=Online $CANARY." -F bereik=postvak -F toestemming=1 "$u/melden"
code=$(grep -o 'aria-label="Ontvangstcode: [0-9 ]*"' "$tmp/receipt" | sed 's/.*: //; s/"//')
mj=$tmp/melder.jar
msignin() { curl -s -c "$mj" -b "$mj" -o "$tmp/mailbox" -w '%{http_code}' --data-urlencode "organisatie=$org" --data-urlencode "code=$code" "$u/postvak/inloggen"; }
check "a melder reports online and signs in to the mailbox" "$(msignin)" 303
curl -s -b "$mj" -o "$tmp/mailbox" "$u/postvak"
check "and asks for deletion: 303" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$(csrf_of "$tmp/mailbox")" --data-urlencode verzoek=verwijderen "$u/postvak/verzoek")" 303
online=$(sql "SELECT max(id) FROM cases")
curl -s -b "$vj" -o "$tmp/page" "$u/werkruimte/$org/zaken/$online"
grep -q '<details class="panel" open=""><summary>Nu vernietigen' "$tmp/page" && grep -q 'De melder heeft gevraagd de zaak te verwijderen' "$tmp/page" &&
	ok "the VP sees the request beside an open 'nu vernietigen'" || not_ok "deletion request on the case page"
valid "the case page with the request"
needles "$online" "$tmp/online"
check "the VP destroys it: 303" "$(post "/werkruimte/$org/zaken/$online/vernietigen" --data-urlencode "csrf=$(csrf_of "$tmp/page")" --data-urlencode bevestig=vernietigen)" 303
check "none of its bytes is at rest" "$(found "$tmp/online")" 0
check "the melder's mailbox session is gone" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' "$u/postvak")" 401
check "and the receipt code opens nothing" "$(msignin)" 401

# ---- deadline e-mails, switched off and on ----
curl -s -b "$vj" -o "$tmp/page" "$u/werkruimte"
grep -q 'name="aan" value="1" checked=""' "$tmp/page" && ok "deadline e-mails are on by default" || not_ok "deadline mail default"
valid "the workspace"
check "switched off: 303" "$(post /werkruimte/herinneringen --data-urlencode "csrf=$(csrf_of "$tmp/page")")" 303
curl -s -b "$vj" -o "$tmp/page" "$u/werkruimte"
grep -q 'name="aan" value="1">' "$tmp/page" && ok "and the box is no longer ticked" || not_ok "deadline mail off"
check "switched on again: 303" "$(post /werkruimte/herinneringen --data-urlencode "csrf=$(csrf_of "$tmp/page")" --data-urlencode aan=1)" 303
check "a forged token: 403" "$(post /werkruimte/herinneringen --data-urlencode "csrf=$(printf '%064d' 1)")" 403

# ---- the server's daily job: a case whose date has passed, and a deadline reminder ----
check "a second case: 303" "$(register twee sparren "$today")" 303
two_url=$(location)
two=${two_url##*/}
curl -s -b "$vj" -o "$tmp/case" "$u$two_url"
check "closed: 303" "$(post "$two_url/sluiten" --data-urlencode "csrf=$(csrf_of "$tmp/case")" --data-urlencode uitkomst=doorverwezen)" 303
sql "UPDATE cases SET destroy_on = '2001-06-01', next_due = '2001-06-01' WHERE id = $two" >/dev/null
needles "$two" "$tmp/two"
check "a formal report whose acknowledgement is due in two days: 303" "$(register drie melden "$(date -d '5 days ago' +%F)")" 303
: >"$tmp/mail"
kill "$srv_pid" 2>/dev/null
wait "$srv_pid" 2>/dev/null
start || { not_ok "the server starts again"; finish; }
u=$BASE
# The stopped server's lease runs out first (10 s with --publish-interval 1); then the new one takes it
# (up to two minutes on a busy machine).
for _ in $(seq 600); do grep -q 'vernietiging volgens schema' "$tmp/log" && grep -q 'Termijn' "$tmp/mail" 2>/dev/null && break; sleep 0.2; done
grep -q 'vernietiging volgens schema: 1 zaak/zaken vernietigd; [1-9][0-9]* termijnherinnering(en) klaargezet' "$tmp/log" &&
	ok "the job logs one line with the counts" || not_ok "job log line" "$(grep -i 'vernietig' "$tmp/log" | head -3)"
check "the job destroyed the case that was due" "$(sql "SELECT count(*) FROM cases WHERE id = $two AND destroyed_on IS NOT NULL AND status = 'gesloten'")" 1
check "none of its bytes is at rest" "$(found "$tmp/two")" 0
check "and its page: 404" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' "$u$two_url")" 404
grep -q '^RCPT <erik@demo.vertrouwd.example>' "$tmp/mail" && grep -q 'Subject: Termijn in je werkruimte' "$tmp/mail" &&
	ok "the VP gets a deadline reminder by e-mail" ||
	not_ok "deadline mail" "mail: $(head -8 "$tmp/mail" 2>/dev/null | tr '\n' ' ') sink alive: $(kill -0 "$sink_pid" 2>/dev/null && echo yes || echo no) log: $(grep -iE 'mail|melding|termijn|lease|vernietig' "$tmp/log" | tail -6 | tr '\n' ' ')"
grep -q '/werkruimte' "$tmp/mail" && ok "it says where to sign in" || not_ok "mail link"
grep -qiE "$CANARY|Rivierstad|pesten|bevestigen|$(date -d '2 days' +%F)" "$tmp/mail" &&
	not_ok "the reminder names something of a case" "$(grep -iE "$CANARY|Rivierstad|bevestigen" "$tmp/mail" | head -2)" ||
	ok "the reminder names no case, deadline, date or organisation"
kill "$srv_pid" 2>/dev/null
wait "$srv_pid" 2>/dev/null
srv_pid=""
grep -l 'Sanitizer' "$tmp/log" "$tmp/log.out" "$tmp/dry" "$tmp/purge" "$tmp/again" >/dev/null 2>&1 &&
	not_ok "sanitizer reports" "$(grep -h -m2 'Sanitizer' "$tmp/log" "$tmp/log.out" "$tmp/dry" "$tmp/purge" "$tmp/again")" ||
	ok "no AddressSanitizer/LeakSanitizer/UBSan reports from the server or the command"
finish
