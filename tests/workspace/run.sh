#!/bin/sh
# The VP's workspace through the real server, as a VP uses it:
#  - the overview and the demo cases; registering a phone contact (and the
#    400s that say what to fix); every form on a case page; sharing only with
#    the melder's consent, after which the colleague reads the case;
#  - the list's filters and pages (55 more contacts), and its 404s;
#  - another organisation's VP reaches nothing; a canary in every field of a
#    registered case is nowhere at rest (database and WAL, or pg_dump).
#
#   sh tests/workspace/run.sh BIN      ($TEST_DB: a PostgreSQL database instead of SQLite)
set -u
bin=${1:-build/vertrouwd}
. tests/lib/demo.sh
demo_suite workspace
org=gemeente-rivierstad
CANARY="kanarie-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
TOTP=5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC
vp_in() { # email jar -> status
	_c=$(signin_form "$u" "$2")
	signin_post "$u" "$2" "$_c" "$1" demo-vertrouwenspersoon-wachtwoord "$(oathtool --totp -b $TOTP)"
}
ej=$tmp/erik.jar
check "the external VP signs in" "$(vp_in erik@demo.vertrouwd.example "$ej")" 303
get() { curl -s -b "$ej" -o "$tmp/page" -w '%{http_code}' "$u$1"; }
post() { # path field=value... -> status (the page in $tmp/page, headers in $tmp/head)
	_p=$1
	shift
	_args=""
	for _f in "$@"; do _args="$_args --data-urlencode $(printf '%s' "$_f" | sed "s/'/'\\\\''/g; s/^/'/; s/$/'/")"; done
	eval curl -s -b "\"$ej\"" -D "\"$tmp/head\"" -o "\"$tmp/page\"" -w "'%{http_code}'" --data-urlencode "\"csrf=$csrf\"" $_args "\"$u$_p\""
}

# ---- the overview ----
check "the workspace: 200" "$(get /werkruimte)" 200
grep -q 'class="due-tiles"' "$tmp/page" && grep -q 'Termijn deze week' "$tmp/page" && ok "it opens with the deadline overview" || not_ok "overview"
check "the demo's two registered contacts and no more are listed" "$(grep -o 'href="/werkruimte/[a-z-]*/zaken/[0-9]*"' "$tmp/page" | sort -u | wc -l | tr -d ' ')" 2
grep -q 'bevestigen' "$tmp/page" && ok "the demo's formal report shows its acknowledgement deadline" || not_ok "ack deadline in list"
csrf=$(csrf_of "$tmp/page")
[ -n "$csrf" ] || { get "/werkruimte/$org/registreren" >/dev/null; csrf=$(csrf_of "$tmp/page"); }

# ---- registering a contact ----
check "the registration form: 200" "$(get "/werkruimte/$org/registreren")" 200
csrf=$(csrf_of "$tmp/page")
today=$(TZ=Europe/Amsterdam date +%Y-%m-%d)
tomorrow=$(TZ=Europe/Amsterdam date -d tomorrow +%Y-%m-%d)
reg() { # date consent -> status
	post "/werkruimte/$org/registreren" kanaal=telefoon "datum=$1" minuten=25 "samenvatting=Samenvatting $CANARY" \
		soort=melden "naam=Naam $CANARY" "contact=06 $CANARY" relatie=werknemer "verhaal=Verhaal $CANARY" \
		"betrokkenen=Betrokkene $CANARY" "sinds=Sinds $CANARY" "wensen=Wensen $CANARY" "opties=Opties $CANARY" \
		thema=pesten thema=werkdruk betrokkene=leidinggevende hulp=advies "toestemming=$2"
}
check "a contact dated tomorrow: 400" "$(reg "$tomorrow" mondeling)" 400
grep -q 'niet in de toekomst' "$tmp/page" && ok "and the page says what to fix" || not_ok "future date message"
grep -q "Verhaal $CANARY" "$tmp/page" && ok "keeping what was typed" || not_ok "typed text kept"
check "without the melder's consent to registration: 400" "$(reg "$today" '')" 400
check "a contact with a canary in every field: 303" "$(reg "$today" mondeling)" 303
case_url=$(tr -d '\r' <"$tmp/head" | sed -n 's/^[Ll]ocation: //p')
case "$case_url" in /werkruimte/$org/zaken/[0-9]*) ok "to the new case's page" ;; *) not_ok "location" "$case_url" ;; esac
check "the case page: 200" "$(get "$case_url")" 200
grep -q "Verhaal $CANARY" "$tmp/page" && grep -q "Samenvatting $CANARY" "$tmp/page" && ok "it shows the dossier and the contact" || not_ok "case page content"
grep -q 'Ontvangst bevestigen (Wbk, 7 dagen)' "$tmp/page" && ok "a formal report has the Wbk's deadlines" || not_ok "wbk deadline"
grep -q 'Pesten, Werkdruk en stress' "$tmp/page" && ok "and its themes" || not_ok "themes"
csrf=$(csrf_of "$tmp/page")
check "a field of 600 characters: 400" "$(post "$case_url/dossier" "naam=$(head -c 600 /dev/zero | tr '\0' x)")" 400
check "the dossier saved: 303" "$(post "$case_url/dossier" "naam=Naam $CANARY" "verhaal=Nieuw verhaal $CANARY" thema=pesten)" 303
check "a second contact: 303" "$(post "$case_url/contact" kanaal=persoonlijk "datum=$today" minuten=45 "samenvatting=Gesprek $CANARY")" 303
check "an action that involves others, without consent: 400" "$(post "$case_url/actie" "actie=Gesprek met de leidinggevende" "uiterlijk=$tomorrow")" 400
grep -q 'toestemming' "$tmp/page" && ok "and the page says consent is needed" || not_ok "action consent message"
check "with oral consent: 303" "$(post "$case_url/actie" "actie=Gesprek $CANARY" "uiterlijk=$tomorrow" toestemming=mondeling "toestemming_op=$today")" 303
check "a referral without consent: 400" "$(post "$case_url/verwijzing" naar=bedrijfsarts toelichting=x)" 400
check "a referral with written consent: 303" "$(post "$case_url/verwijzing" naar=bedrijfsarts "toelichting=Toelichting $CANARY" toestemming=schriftelijk "toestemming_op=$today")" 303
check "an oral report: 303" "$(post "$case_url/verslag" "verslag=Verslag $CANARY")" 303
get "$case_url" >/dev/null
approve=$(grep -o "action=\"$case_url/verslagen/[0-9]*/goedgekeurd\"" "$tmp/page" | head -1 | sed 's/action="//; s/"//')
check "approved on paper: 303" "$(post "$approve")" 303
check "an action of another case: 404" "$(post "$(echo "$approve" | sed 's/verslagen\/[0-9]*\/goedgekeurd/acties\/999999\/klaar/')")" 404
check "acknowledged (no mailbox: the VP sent it): 303" "$(post "$case_url/ontvangst")" 303
check "feedback given: 303" "$(post "$case_url/terugkoppeling")" 303
check "a note: 303" "$(post "$case_url/notitie" "notitie=Notitie $CANARY")" 303
check "aftercare planned: 303" "$(post "$case_url/nazorg" "nazorg=$tomorrow")" 303
get "$case_url" >/dev/null
grep -q '<strong>Gesprek .*</strong> &middot; uiterlijk' "$tmp/page" && ok "the action shows with its date" || not_ok "action listed"
grep -q 'op papier goedgekeurd' "$tmp/page" && ok "the report shows as approved" || not_ok "report approved"
grep -q 'Bedrijfsarts' "$tmp/page" && grep -q '<td>verwijzing</td><td>Schriftelijk</td>' "$tmp/page" && ok "the referral and its consent are logged" || not_ok "referral consent"
grep -q 'gedaan op' "$tmp/page" && ok "the acknowledgement is marked done" || not_ok "ack done"

# ---- sharing needs consent; then the colleague reads ----
ilse=$(grep -o '<option value="[0-9]*">Ilse Jansen</option>' "$tmp/page" | sed 's/[^0-9]//g')
check "share without consent: 400" "$(post "$case_url/delen" "vertrouwenspersoon=$ilse")" 400
ij=$tmp/ilse.jar
check "the internal VP signs in" "$(vp_in ilse@demo.vertrouwd.example "$ij")" 303
check "before sharing the colleague gets 404" "$(curl -s -b "$ij" -o /dev/null -w '%{http_code}' "$u$case_url")" 404
check "share with consent: 303" "$(post "$case_url/delen" "vertrouwenspersoon=$ilse" toestemming=mondeling)" 303
check "now the colleague reads the case" "$(curl -s -b "$ij" -o "$tmp/ilse" -w '%{http_code}' "$u$case_url")" 200
grep -q "Nieuw verhaal $CANARY" "$tmp/ilse" && ok "with its dossier" || not_ok "colleague reads dossier"
check "the internal VP and the other organisation: 404" "$(curl -s -b "$ij" -o /dev/null -w '%{http_code}' "$u/werkruimte/kinderopvang-de-boomhut")" 404
check "nor through the list's filter: 404" "$(curl -s -b "$ij" -o /dev/null -w '%{http_code}' "$u/werkruimte?organisatie=kinderopvang-de-boomhut")" 404

# ---- closing and reopening ----
check "closing without an outcome: 400" "$(post "$case_url/sluiten" toelichting=x)" 400
check "closed: 303" "$(post "$case_url/sluiten" uitkomst=doorverwezen "toelichting=Slot $CANARY")" 303
get "$case_url" >/dev/null
grep -q 'Vernietiging volgens schema' "$tmp/page" && ok "closing sets the destruction schedule" || not_ok "schedule"
destroy=$(grep -o 'Vernietiging volgens schema</strong>: [^<&]*' "$tmp/page")
check "reopening without a reason: 400" "$(post "$case_url/heropenen" reden=)" 400
check "reopened: 303" "$(post "$case_url/heropenen" "reden=Reden $CANARY")" 303
check "closed again: 303" "$(post "$case_url/sluiten" uitkomst=opgelost)" 303
get "$case_url" >/dev/null
check "and the schedule is that of the first closing" "$(grep -o 'Vernietiging volgens schema</strong>: [^<&]*' "$tmp/page")" "$destroy"
grep -q 'heropend' "$tmp/page" && grep -q 'geopend' "$tmp/page" && ok "the log says who opened, closed and reopened it" || not_ok "audit"

# ---- the list: filters and pages ----
for i in $(seq 55); do
	post "/werkruimte/$org/registreren" kanaal=email "datum=$today" soort=sparren "verhaal=Contact $i" thema=prive toestemming=schriftelijk >/dev/null
done
check "page 1 of the list: 200" "$(get /werkruimte)" 200
check "fifty cases on a page" "$(grep -o 'href="/werkruimte/[a-z-]*/zaken/[0-9]*"' "$tmp/page" | sort -u | wc -l | tr -d ' ')" 50
grep -q '58 zaken' "$tmp/page" && ok "the count covers every page" || not_ok "count" "$(grep -o '[0-9]* zaken' "$tmp/page" | head -1)"
check "page 2: 200" "$(get '/werkruimte?pagina=2')" 200
check "with the rest" "$(grep -o 'href="/werkruimte/[a-z-]*/zaken/[0-9]*"' "$tmp/page" | sort -u | wc -l | tr -d ' ')" 8
check "a page past the end: 404" "$(get '/werkruimte?pagina=3')" 404
check "a page that is no number: 404" "$(get '/werkruimte?pagina=drie')" 404
get "/werkruimte?status=gesloten" >/dev/null
check "the closed filter" "$(grep -o 'href="/werkruimte/[a-z-]*/zaken/[0-9]*"' "$tmp/page" | sort -u)" "href=\"$case_url\""
get "/werkruimte?thema=prive&pagina=2" >/dev/null
grep -q '55 zaken' "$tmp/page" && ok "the theme filter, across pages" || not_ok "theme filter" "$(grep -o '[0-9]* zaken' "$tmp/page" | head -1)"
grep -q 'href="/werkruimte?thema&#61;prive"' "$tmp/page" && ok "and the pager keeps the filter" || not_ok "pager keeps filter"
check "an organisation the VP does not serve: 404" "$(get '/werkruimte?organisatie=bestaat-niet')" 404
check "a case id that is no number: 404" "$(get "/werkruimte/$org/zaken/abc")" 404

# ---- the canary: nowhere at rest ----
kill "$srv_pid" 2>/dev/null
wait "$srv_pid" 2>/dev/null
srv_pid=""
grep -q "$CANARY" "$tmp/log" "$tmp/log.out" && not_ok "the server's log holds the canary" || ok "the server's log holds no canary"
if [ -z "${TEST_DB:-}" ]; then
	found=$(grep -l "$CANARY" "$tmp"/w.db* 2>/dev/null)
	[ -z "$found" ] && ok "the database and its WAL hold no canary" || not_ok "canary at rest" "$found"
else
	pgdump=${PG_BIN:-/usr/lib/postgresql/15/bin}/pg_dump
	(cd / && runuser -u postgres -- "$pgdump" -d "$TEST_DB") >"$tmp/dump.sql" 2>"$tmp/dump.err" || "$pgdump" -d "$TEST_DB" >"$tmp/dump.sql" 2>>"$tmp/dump.err"
	[ -s "$tmp/dump.sql" ] && ok "pg_dump ran" || not_ok "pg_dump" "$(head -2 "$tmp/dump.err")"
	grep -q "$CANARY" "$tmp/dump.sql" && not_ok "pg_dump holds the canary" || ok "pg_dump's output holds no canary"
fi
finish
