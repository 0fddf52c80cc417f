#!/bin/sh
# The melder's channel through the real server, as a melder and a VP use it:
#  - the canary: a report with a unique string in every field, a VP's reply, the
#    melder reading it; then the string's bytes are nowhere in the database file,
#    its WAL, a backup, the server's log or the media store (on PostgreSQL: nowhere
#    in pg_dump's output);
#  - no cookie is needed to report; every melder page is no-store; signing out of
#    the mailbox sends Clear-Site-Data and ends the session;
#  - a wrong code and an unknown code get the same answer, and guessing is limited;
#  - a VP of another organisation sees neither the case nor the organisation.
#
#   sh tests/melder/run.sh BIN      ($TEST_DB: a PostgreSQL database instead of SQLite)
set -u
bin=${1:-build/vertrouwd}
. tests/lib/suite.sh
suite_start melder

db=${TEST_DB:-sqlite:$tmp/m.db}
"$bin" init --demo --db "$db" --root . >"$tmp/init.log" 2>&1 || { not_ok "init --demo" "$(tail -2 "$tmp/init.log")"; finish; }
# A logo and a VP's photo from the command line: images only, checked by their bytes.
"$bin" org update gemeente-rivierstad --logo tests/fixtures/gesprek.png --db "$db" >/dev/null 2>&1
"$bin" org vp erik@demo.vertrouwd.example --photo tests/fixtures/gesprek.jpg --db "$db" >/dev/null 2>&1
"$bin" org update gemeente-rivierstad --logo Makefile --db "$db" >/dev/null 2>"$tmp/logo.err"
check "a logo that is no image is refused: exit 1" "$?" 1
grep -q 'PNG, JPEG' "$tmp/logo.err" && ok "and the message says what to choose" || not_ok "logo message" "$(cat "$tmp/logo.err")"

# A local mail server that keeps what it receives: notices to VPs must carry nothing of the case.
smtp_sink "$tmp/mail" || { not_ok "the mail sink listens"; finish; }
serve_free "$bin" "$tmp/log" --db "$db" --root . --smtp "smtp://127.0.0.1:$sink" --mail-from vertrouwd@example.nl \
	--publish-interval 1 || { not_ok "the server starts"; finish; }
u=$BASE
CANARY="kanarie-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
org=gemeente-rivierstad

# ---- the report: no cookie needed, no cookie set ----
printf 'Bijlage met %s erin.\n' "$CANARY" >"$tmp/bijlage.txt"
report() { # extra curl args -> status; headers in $tmp/head, page in $tmp/receipt (multipart, with an attachment)
	curl -s -D "$tmp/head" -o "$tmp/receipt" -w '%{http_code}' -F "organisatie=$org" -F vp=alle -F soort=melden \
		-F onderwerp=pesten -F "bericht=Het bericht $CANARY over wat er gebeurde." -F bereik=telefoon \
		-F "naam=Naam $CANARY" -F "contact=06 $CANARY" -F "wachtwoordzin=zin $CANARY" \
		-F "bijlage=@$tmp/bijlage.txt;filename=verslag.txt" "$@" "$u/melden"
}
check "the organisation's page sets no cookie" "$(curl -s -D - -o "$tmp/orgpage" "$u/organisaties/$org" | grep -ci '^set-cookie')" 0
logo=$(grep -o '<img class="org-logo" src="/media/[0-9a-f]*\.png"' "$tmp/orgpage" | sed 's/.*src="//; s/"//')
check "the page shows the organisation's logo" "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$u$logo")" "200 image/png"
grep -q '<img class="vp-photo" src="/media/[0-9a-f]*\.jpg"' "$tmp/orgpage" && ok "and the external VP's photo" || not_ok "VP photo"
check "a report without consent: 400" "$(report)" 400
grep -q 'toestemming' "$tmp/receipt" && ok "and the page says why" || not_ok "consent message"
check "a report with consent and an attachment, no cookie: 200" "$(report -F toestemming=1)" 200
check "the receipt page sets no cookie" "$(grep -ci '^set-cookie' "$tmp/head")" 0
check "the receipt page is no-store" "$(grep -ci '^cache-control: no-store' "$tmp/head")" 1
code=$(grep -o 'aria-label="Ontvangstcode: [0-9 ]*"' "$tmp/receipt" | sed 's/.*: //; s/"//')
[ ${#code} = 24 ] && ok "a receipt code of 20 digits in groups of 4" || not_ok "receipt code" "$code"
check "a report from another site is refused" "$(report -F toestemming=1 -H 'Sec-Fetch-Site: cross-site')" 403
curl -s -o "$tmp/proof" -D "$tmp/head" --data-urlencode "organisatie=$org" --data-urlencode "code=$code" \
	--data-urlencode datum=2026-12-04 "$u/melden/bewijs"
grep -q "$code" "$tmp/proof" && grep -qi '^content-disposition: attachment' "$tmp/head" && ok "the proof file carries the code" || not_ok "proof file"

# ---- the VPs are told, and told nothing ----
for _ in $(seq 50); do [ "$(cat "$tmp/mail" 2>/dev/null | grep -c '^RCPT')" -ge 2 ] && break; sleep 0.2; done
grep -q '^RCPT <erik@demo.vertrouwd.example>' "$tmp/mail" && grep -q '^RCPT <ilse@demo.vertrouwd.example>' "$tmp/mail" &&
	ok "both VPs of the organisation get a notice by e-mail" || not_ok "notices" "$(head -5 "$tmp/mail" 2>/dev/null)"
grep -q 'Subject: Nieuw bericht in je werkruimte' "$tmp/mail" && grep -q '/werkruimte' "$tmp/mail" &&
	ok "the notice says where to sign in" || not_ok "notice text"
grep -qiE "$CANARY|Rivierstad|pesten|melden|Naam" "$tmp/mail" && not_ok "a notice holds something of the case" "$(grep -iE "$CANARY|Rivierstad|pesten" "$tmp/mail" | head -2)" ||
	ok "the notice holds no content, name, organisation or theme"

# ---- the mailbox ----
mj=$tmp/melder.jar
signin() { # code passphrase [client address] -> status
	curl -s -c "$mj" -b "$mj" -D "$tmp/head" -o "$tmp/page" -w '%{http_code}' --interface "${3:-127.0.0.1}" \
		--data-urlencode "organisatie=$org" --data-urlencode "code=$1" --data-urlencode "wachtwoordzin=$2" "$u/postvak/inloggen"
}
check "the code without its passphrase: 401" "$(signin "$code" '')" 401
wrong=$(sed -n 's/.*class="form-error" role="alert">\([^<]*\)<.*/\1/p' "$tmp/page")
check "an unknown code: 401" "$(signin '1234 5678 9012 3456 7890' '')" 401
unknown=$(sed -n 's/.*class="form-error" role="alert">\([^<]*\)<.*/\1/p' "$tmp/page")
[ -n "$wrong" ] && [ "$wrong" = "$unknown" ] && ok "a wrong and an unknown code get the same answer" || not_ok "same answer" "$wrong / $unknown"
check "code and passphrase: 303 to /postvak" "$(signin "$code" "zin $CANARY")" 303
tr -d '\r' <"$tmp/head" | grep -qi '^location: /postvak$' && ok "the mailbox's address says nothing" || not_ok "location"
cookie=$(grep -i '^set-cookie: vt_postvak=' "$tmp/head" | tr -d '\r')
echo "$cookie" | grep -qi 'httponly' && echo "$cookie" | grep -qi 'samesite=strict' && ! echo "$cookie" | grep -qi 'max-age' &&
	ok "the mailbox cookie is HttpOnly, SameSite=Strict and ends with the browser" || not_ok "mailbox cookie" "$cookie"
curl -s -b "$mj" -D "$tmp/head" -o "$tmp/mailbox" "$u/postvak"
grep -q "$CANARY over wat er gebeurde" "$tmp/mailbox" && ok "the melder reads their report" || not_ok "mailbox shows the report"
file_url=$(grep -o 'href="/postvak/bijlagen/[0-9]*"' "$tmp/mailbox" | head -1 | sed 's/href="//; s/"//')
curl -s -b "$mj" -D "$tmp/head" -o "$tmp/got.txt" "$u$file_url"
cmp -s "$tmp/got.txt" "$tmp/bijlage.txt" && ok "the melder downloads their attachment, byte for byte" || not_ok "melder attachment" "$file_url"
tr -d '\r' <"$tmp/head" >"$tmp/head.txt"
grep -qi '^content-disposition: attachment; filename="verslag.txt"$' "$tmp/head.txt" && grep -qi '^content-type: application/octet-stream$' "$tmp/head.txt" &&
	ok "an attachment is always a download, never shown" || not_ok "attachment headers"
check "the mailbox is no-store" "$(grep -ci '^cache-control: no-store' "$tmp/head")" 1

# ---- the VP reads and replies; another organisation's VP sees nothing ----
vj=$tmp/vp.jar
vc=$(signin_form "$u" "$vj")
check "the external VP signs in" "$(signin_post "$u" "$vj" "$vc" erik@demo.vertrouwd.example demo-vertrouwenspersoon-wachtwoord "$(oathtool --totp -b 5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC)")" 303
curl -s -b "$vj" -o "$tmp/ws" "$u/werkruimte/$org"
case_url=$(grep -o "href=\"/werkruimte/$org/zaken/[0-9]*\"" "$tmp/ws" | head -1 | sed 's/href="//; s/"//')
[ -n "$case_url" ] && ok "the case is in the VP's list" || not_ok "case in list"
curl -s -b "$vj" -o "$tmp/case" "$u$case_url"
grep -q "Naam $CANARY" "$tmp/case" && grep -q "$CANARY over" "$tmp/case" && ok "the VP reads the report and the melder's details" || not_ok "VP reads"
vfile=$(grep -o "href=\"$case_url/bijlagen/[0-9]*\"" "$tmp/case" | head -1 | sed 's/href="//; s/"//')
curl -s -b "$vj" -o "$tmp/vgot.txt" "$u$vfile"
cmp -s "$tmp/vgot.txt" "$tmp/bijlage.txt" && ok "the VP downloads the attachment" || not_ok "VP attachment" "$vfile"
check "the same file under another organisation's address: 404" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' "$u$(echo "$vfile" | sed "s/$org/kinderopvang-de-boomhut/")")" 404
vcsrf=$(csrf_of "$tmp/case")
check "the VP replies: 303" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$vcsrf" --data-urlencode "bericht=Antwoord $CANARY van de VP." "$u$case_url/bericht")" 303
check "the VP acknowledges receipt: 303" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$vcsrf" "$u$case_url/ontvangst")" 303
curl -s -b "$mj" -o "$tmp/mailbox" "$u/postvak"
grep -q "Antwoord $CANARY van de VP" "$tmp/mailbox" && ok "the melder reads the reply" || not_ok "melder reads reply"
grep -q 'bevestigd op' "$tmp/mailbox" && ok "the melder sees the acknowledgement and the feedback deadline" || not_ok "deadlines"
mcsrf=$(csrf_of "$tmp/mailbox")
check "the melder writes back: 303" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" --data-urlencode "bericht=Nog iets: $CANARY." "$u/postvak")" 303
check "a forged token in the mailbox: 403" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$(printf '%064d' 1)" --data-urlencode "bericht=x" "$u/postvak")" 403

ij=$tmp/intern.jar
ic=$(signin_form "$u" "$ij")
signin_post "$u" "$ij" "$ic" ilse@demo.vertrouwd.example demo-vertrouwenspersoon-wachtwoord "$(oathtool --totp -b 5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC)" >/dev/null
check "the internal VP of Rivierstad has no access to De Boomhut: 404" "$(curl -s -b "$ij" -o /dev/null -w '%{http_code}' "$u/werkruimte/kinderopvang-de-boomhut")" 404
check "a case under another organisation's address: 404" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' "$u$(echo "$case_url" | sed "s/$org/kinderopvang-de-boomhut/")")" 404

# ---- the melder keeps control: consent withdrawn, deletion asked, and the VP is told ----
check "the melder withdraws consent: 303" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" --data-urlencode verzoek=intrekken "$u/postvak/verzoek")" 303
check "and asks for deletion: 303" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" --data-urlencode verzoek=verwijderen "$u/postvak/verzoek")" 303
check "a request that is neither: 400" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" --data-urlencode verzoek=iets "$u/postvak/verzoek")" 400
curl -s -b "$vj" -o "$tmp/case" "$u$case_url"
grep -q 'trekt de toestemming voor registratie in' "$tmp/case" && grep -q 'vraagt om de zaak te verwijderen' "$tmp/case" &&
	ok "the VP reads both requests in the case" || not_ok "requests in the case"

# ---- signing out of the mailbox ----
check "signing out of the mailbox: 303" "$(curl -s -b "$mj" -c "$mj" -D "$tmp/head" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" "$u/postvak/uitloggen")" 303
grep -qi '^clear-site-data: "cookies", "storage", "cache"' "$tmp/head" && ok "it sends Clear-Site-Data" || not_ok "Clear-Site-Data"
check "after signing out the mailbox is closed: 401" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' "$u/postvak")" 401

# ---- guessing is limited per client ----
last=""
for i in $(seq 11); do last=$(signin "$(printf '%04d 0000 0000 0000 %04d' "$i" "$i")" '' 127.0.0.21); done
check "the eleventh wrong code from one client must wait: 429" "$last" 429
check "another client may still try: 401" "$(signin '1111 2222 3333 4444 5555' '' 127.0.0.22)" 401

# ---- the canary: nowhere at rest ----
kill "$srv_pid" 2>/dev/null
wait "$srv_pid" 2>/dev/null
srv_pid=""
grep -q "$CANARY" "$tmp/log" "$tmp/log.out" && not_ok "the server's log holds the canary" || ok "the server's log holds no canary"
if [ -z "${TEST_DB:-}" ]; then
	"$bin" backup "$tmp/backup" --db "$db" >/dev/null 2>&1 || not_ok "backup"
	found=$(grep -rl "$CANARY" "$tmp"/m.db* "$tmp/backup" "$tmp/media" 2>/dev/null)
	[ -z "$found" ] && ok "the database, its WAL, a backup and the media store hold no canary" || not_ok "canary at rest" "$found"
	grep -q "Antwoord" "$tmp"/m.db* && not_ok "the database holds the reply's words" || ok "nor the reply's other words"
else
	pgdump=${PG_BIN:-/usr/lib/postgresql/15/bin}/pg_dump
	(cd / && runuser -u postgres -- "$pgdump" -d "$TEST_DB") >"$tmp/dump.sql" 2>"$tmp/dump.err" || "$pgdump" -d "$TEST_DB" >"$tmp/dump.sql" 2>>"$tmp/dump.err"
	[ -s "$tmp/dump.sql" ] && ok "pg_dump ran" || not_ok "pg_dump" "$(head -2 "$tmp/dump.err")"
	grep -q "$CANARY" "$tmp/dump.sql" && not_ok "pg_dump holds the canary" || ok "pg_dump's output holds no canary"
fi
finish
