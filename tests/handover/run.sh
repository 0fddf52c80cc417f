#!/bin/sh
# Oral reports, the melder's export and handing over, through the real server:
#  - a melder reports online to one VP (Erik); Erik replies and writes two oral
#    reports; in the mailbox the melder approves one and corrects the other, and
#    cannot approve a record that is no report of their own case;
#  - the melder downloads their case: one self-contained HTML file (attachment,
#    valid, no scripts, no links or anything loaded from elsewhere) with the
#    reply, the reports, the correction and the attachment's name, in Dutch and
#    English; the case's audit trail says it was exported;
#  - Erik hands his cases over to Ilse, the other VP of the organisation: without
#    consent nothing moves (400); with consent, or a reason for an unreachable
#    melder, Erik gets 404 on the case and Ilse reads it, and the melder's mailbox
#    goes on working.
#
#   sh tests/handover/run.sh BIN      ($TEST_DB: a PostgreSQL database instead of SQLite)
set -u
bin=${1:-build/vertrouwd}
. tests/lib/demo.sh
demo_suite handover
org=gemeente-rivierstad
totp() { oathtool --totp -b 5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
# tidy exits 2 on errors; it still warns about aria-current, which is in the HTML standard.
valid() { tidy -q -e "$1" >"$tmp/tidy" 2>&1; [ $? -lt 2 ] && ! grep -v 'aria-current' "$tmp/tidy" | grep -q .; }

# ---- two reports, both for Erik alone ----
curl -s -o "$tmp/orgpage" "$u/organisaties/$org"
erik=$(grep -o 'name="vp" value="[0-9]*"> Erik de Boer' "$tmp/orgpage" | sed 's/.*value="//; s/".*//')
[ -n "$erik" ] && ok "the organisation's page offers Erik" || not_ok "Erik's id" "$(grep -o 'name="vp"[^<]*' "$tmp/orgpage")"
printf 'Een foto van het rooster.\n' >"$tmp/rooster.txt"
report() { # message [attachment] -> the receipt page in $tmp/receipt, the code printed
	curl -s -o "$tmp/receipt" -F "organisatie=$org" -F "vp=$erik" -F soort=sparren -F "bericht=$1" -F toestemming=1 \
		${2:+-F "bijlage=@$2;filename=rooster.txt"} "$u/melden"
	grep -o 'aria-label="Ontvangstcode: [0-9 ]*"' "$tmp/receipt" | sed 's/.*: //; s/"//'
}
code=$(report "Mijn leidinggevende maakt het rooster zo dat ik nooit vrij ben." "$tmp/rooster.txt")
other=$(report "Een tweede melder, een andere zaak.")
[ ${#code} = 24 ] && [ ${#other} = 24 ] && ok "two melders report online to Erik" || not_ok "reports" "$code / $other"

# ---- Erik replies and writes oral reports ----
ej=$tmp/erik.jar
ec=$(signin_form "$u" "$ej")
check "Erik signs in" "$(signin_post "$u" "$ej" "$ec" erik@demo.vertrouwd.example demo-vertrouwenspersoon-wachtwoord "$(totp)")" 303
curl -s -b "$ej" -o "$tmp/ws" "$u/werkruimte/$org"
# The newest two (the demo has two older contacts of Erik's in this organisation).
cases=$(grep -o "href=\"/werkruimte/$org/zaken/[0-9]*\"" "$tmp/ws" | sed 's/href="//; s/"//' | awk '!seen[$0]++' | head -2)
grep -q 'sparren (online)' "$tmp/ws" && [ "$(echo "$cases" | wc -l)" = 2 ] && ok "both cases are in Erik's list" || not_ok "Erik's list" "$cases"
case_url=$(echo "$cases" | head -1)
case2_url=$(echo "$cases" | tail -1)
curl -s -b "$ej" -o "$tmp/case" "$u$case_url"
grep -q 'nooit vrij ben' "$tmp/case" || { case_url=$(echo "$cases" | tail -1); case2_url=$(echo "$cases" | head -1); }
curl -s -b "$ej" -o "$tmp/case" "$u$case_url"
ecsrf=$(csrf_of "$tmp/case")
check "Erik replies: 303" "$(curl -s -b "$ej" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$ecsrf" --data-urlencode "bericht=Antwoord van Erik: ik bel u donderdag." "$u$case_url/bericht")" 303
for t in "Verslag A: we bespraken het rooster." "Verslag B: u wilt eerst zelf met de leidinggevende praten."; do
	check "Erik writes an oral report: 303" "$(curl -s -b "$ej" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$ecsrf" --data-urlencode "verslag=$t" "$u$case_url/verslag")" 303
done
check "and one in the other case: 303" "$(curl -s -b "$ej" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$ecsrf" --data-urlencode "verslag=Verslag van de andere zaak." "$u$case2_url/verslag")" 303
curl -s -b "$ej" -o "$tmp/case2" "$u$case2_url"
foreign=$(grep -o "$case2_url/verslagen/[0-9]*/goedgekeurd" "$tmp/case2" | head -1 | sed 's|.*/verslagen/||; s|/.*||')

# ---- the melder approves one report and corrects the other ----
mj=$tmp/melder.jar
check "the melder signs in: 303" "$(curl -s -c "$mj" -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "organisatie=$org" --data-urlencode "code=$code" "$u/postvak/inloggen")" 303
curl -s -b "$mj" -o "$tmp/mailbox" "$u/postvak"
grep -q 'Verslag A: we bespraken het rooster.' "$tmp/mailbox" && grep -q 'Verslag B: u wilt eerst' "$tmp/mailbox" &&
	ok "the mailbox shows both oral reports" || not_ok "reports in the mailbox"
[ "$(grep -c 'Nog niet goedgekeurd.' "$tmp/mailbox")" = 2 ] && ok "neither is approved yet" || not_ok "approval state"
grep -q 'Verslag van de andere zaak' "$tmp/mailbox" && not_ok "the mailbox shows another case's report" || ok "and nothing of the other case"
valid "$tmp/mailbox" && ok "the mailbox is valid HTML" || not_ok "mailbox HTML" "$(head -3 "$tmp/tidy")"
approve_a=$(grep -o 'action="/postvak/verslagen/[0-9]*/goedkeuren"' "$tmp/mailbox" | head -1 | sed 's/action="//; s/"//')
correct_b=$(grep -o 'action="/postvak/verslagen/[0-9]*/corrigeren"' "$tmp/mailbox" | tail -1 | sed 's/action="//; s/"//')
mcsrf=$(csrf_of "$tmp/mailbox")
check "the melder approves report A: 303" "$(curl -s -b "$mj" -D "$tmp/head" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" "$u$approve_a")" 303
tr -d '\r' <"$tmp/head" | grep -qi '^location: /postvak?goedgekeurd=1#verslagen$' && ok "and is sent back to the reports" || not_ok "location after approval"
check "an empty correction: 400" "$(curl -s -b "$mj" -o "$tmp/page" -w '%{http_code}' --data-urlencode "csrf=$mcsrf" --data-urlencode "correctie=" "$u$correct_b")" 400
grep -q 'class="form-error" role="alert" id="fout-verslag-' "$tmp/page" && ok "with the reason beside the report" || not_ok "correction error"
check "the melder corrects report B: 303" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" --data-urlencode "correctie=Correctie: het was in maart, niet in april." "$u$correct_b")" 303
check "a correction without the mailbox's token: 403" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "correctie=x" "$u$correct_b")" 403
[ -n "$foreign" ] && check "approving the other case's report: 404" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" "$u/postvak/verslagen/$foreign/goedkeuren")" 404 ||
	not_ok "the other case's report id" "$case2_url"
check "correcting it: 404" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" --data-urlencode "correctie=x" "$u/postvak/verslagen/$foreign/corrigeren")" 404
file=$(grep -o 'href="/postvak/bijlagen/[0-9]*"' "$tmp/mailbox" | head -1 | sed 's|.*/||; s/"//')
check "approving a record that is no report (the attachment): 404" "$(curl -s -b "$mj" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" "$u/postvak/verslagen/$file/goedkeuren")" 404
check "approving without a mailbox session: 401" "$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$mcsrf" "$u$approve_a")" 401
curl -s -b "$mj" -o "$tmp/mailbox" "$u/postvak"
grep -q 'U hebt dit verslag goedgekeurd op' "$tmp/mailbox" && [ "$(grep -c 'Nog niet goedgekeurd.' "$tmp/mailbox")" = 1 ] &&
	ok "the mailbox shows report A approved, B not" || not_ok "approval shown"
grep -q 'Correctie: het was in maart' "$tmp/mailbox" && ok "and the melder's correction" || not_ok "correction shown"
curl -s -b "$ej" -o "$tmp/case" "$u$case_url"
grep -q 'goedgekeurd door de melder (postvak)' "$tmp/case" && grep -q 'Correctie: het was in maart' "$tmp/case" &&
	ok "Erik sees the approval and the correction" || not_ok "VP sees approval"

# ---- the export ----
check "the export without a mailbox session: 401" "$(status "$u/postvak/export")" 401
check "the melder downloads their case: 200" "$(curl -s -b "$mj" -D "$tmp/head" -o "$tmp/export.html" -w '%{http_code}' "$u/postvak/export")" 200
tr -d '\r' <"$tmp/head" >"$tmp/head.txt"
grep -qi "^content-disposition: attachment; filename=\"mijn-zaak-[0-9]\{4\}-[0-9][0-9]-[0-9][0-9].html\"$" "$tmp/head.txt" &&
	ok "as an attachment named mijn-zaak-<date>.html" || not_ok "disposition" "$(grep -i disposition "$tmp/head.txt")"
grep -qi '^content-type: text/html; charset=utf-8$' "$tmp/head.txt" && grep -qi '^cache-control: no-store' "$tmp/head.txt" &&
	ok "HTML, no-store" || not_ok "export headers"
for want in 'Antwoord van Erik: ik bel u donderdag.' 'nooit vrij ben' 'Verslag A: we bespraken het rooster.' \
	'U hebt dit verslag goedgekeurd op' 'Correctie: het was in maart' 'rooster.txt' 'Nog niet goedgekeurd.'; do
	grep -qF "$want" "$tmp/export.html" && ok "the export holds: $want" || not_ok "export lacks: $want"
done
grep -q 'Verslag van de andere zaak' "$tmp/export.html" && not_ok "the export holds another case" || ok "and nothing of the other case"
grep -qiE '<script|<link|<img|<iframe|src=|href=|https?://|url\(' "$tmp/export.html" &&
	not_ok "the export refers to something outside itself" "$(grep -oiE '<script|<link|<img|src=|href=[^ ]*|https?://[^ "]*|url\(' "$tmp/export.html" | head -3)" ||
	ok "no scripts, links or external resources"
grep -q '<style>' "$tmp/export.html" && ok "its CSS is inline" || not_ok "inline CSS"
valid "$tmp/export.html" && ok "the export is valid HTML" || not_ok "export HTML" "$(head -3 "$tmp/tidy")"
curl -s -b "$mj" -o "$tmp/export-en.html" "$u/postvak/export?taal=en"
grep -q '<html lang="en">' "$tmp/export-en.html" && grep -q 'My case with the confidential adviser' "$tmp/export-en.html" &&
	grep -q 'You approved this report on' "$tmp/export-en.html" && ok "in English when the mailbox is" || not_ok "English export"
grep -q 'href="/postvak/export"' "$tmp/mailbox" && ok "the mailbox links to the export" || not_ok "export link"
curl -s -b "$ej" -o "$tmp/case" "$u$case_url"
grep -q 'geëxporteerd door de melder' "$tmp/case" && ok "the audit trail records the export" || not_ok "export audit"

# ---- Erik hands over to Ilse ----
ij=$tmp/ilse.jar
ic=$(signin_form "$u" "$ij")
check "Ilse signs in" "$(signin_post "$u" "$ij" "$ic" ilse@demo.vertrouwd.example demo-vertrouwenspersoon-wachtwoord "$(totp)")" 303
check "Ilse cannot open Erik's case: 404" "$(status -b "$ij" "$u$case_url")" 404
ho=/werkruimte/$org/overdracht
check "the hand-over page: 200" "$(curl -s -b "$ej" -D "$tmp/head" -o "$tmp/handover" -w '%{http_code}' "$u$ho")" 200
check "it is no-store" "$(grep -ci '^cache-control: no-store' "$tmp/head")" 1
valid "$tmp/handover" && ok "the hand-over page is valid HTML" || not_ok "hand-over HTML" "$(head -3 "$tmp/tidy")"
ilse=$(grep -o '<option value="[0-9]*">Ilse Jansen</option>' "$tmp/handover" | sed 's/.*value="//; s/".*//')
[ -n "$ilse" ] && ok "Ilse is offered as the new VP" || not_ok "Ilse offered"
grep -q '<option value="[0-9]*">Erik de Boer</option>' "$tmp/handover" && not_ok "Erik is offered to himself" || ok "Erik is not"
id1=${case_url##*/}
id2=${case2_url##*/}
hcsrf=$(csrf_of "$tmp/handover")
today=$(TZ=Europe/Amsterdam date +%F)
check "without the melder's consent: 400" "$(curl -s -b "$ej" -o "$tmp/page" -w '%{http_code}' --data-urlencode "csrf=$hcsrf" \
	--data-urlencode "naar=$ilse" --data-urlencode "zaak=$id1" --data-urlencode "hoe-$id1=" --data-urlencode "op-$id1=$today" "$u$ho")" 400
grep -q 'alleen met toestemming van de melder' "$tmp/page" && ok "and the page says why" || not_ok "hand-over reason"
check "nothing moved: Erik still opens the case" "$(status -b "$ej" "$u$case_url")" 200
check "Ilse still cannot" "$(status -b "$ij" "$u$case_url")" 404
check "to himself: 400" "$(curl -s -b "$ej" -o "$tmp/page" -w '%{http_code}' --data-urlencode "csrf=$hcsrf" \
	--data-urlencode "naar=$erik" --data-urlencode "zaak=$id1" --data-urlencode "hoe-$id1=mondeling" --data-urlencode "op-$id1=$today" "$u$ho")" 400
check "Erik's hand-over page for De Boomhut: 200" "$(curl -s -b "$ej" -o "$tmp/page" -w '%{http_code}' "$u/werkruimte/kinderopvang-de-boomhut/overdracht")" 200
grep -q 'Je hebt geen zaken meer bij Kinderopvang De Boomhut' "$tmp/page" && ok "where he has no cases" || not_ok "Boomhut hand-over page"
check "Ilse has no hand-over page for De Boomhut: 404" "$(status -b "$ij" "$u/werkruimte/kinderopvang-de-boomhut/overdracht")" 404
check "with consent for one case and a reason for the other: 303" "$(curl -s -b "$ej" -D "$tmp/head" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$hcsrf" \
	--data-urlencode "naar=$ilse" --data-urlencode "zaak=$id1" --data-urlencode "hoe-$id1=mondeling" --data-urlencode "op-$id1=$today" \
	--data-urlencode "zaak=$id2" --data-urlencode "hoe-$id2=niet-bereikbaar" --data-urlencode "reden-$id2=Reageert niet op berichten in het postvak." "$u$ho")" 303
tr -d '\r' <"$tmp/head" | grep -qi "^location: $ho?overgedragen=2$" && ok "two cases moved" || not_ok "moved count" "$(grep -i location "$tmp/head")"
check "the old VP gets 404 on the case" "$(status -b "$ej" "$u$case_url")" 404
check "and on its attachment" "$(status -b "$ej" "$u$case_url/bijlagen/$file")" 404
check "the new VP opens it: 200" "$(curl -s -b "$ij" -o "$tmp/case" -w '%{http_code}' "$u$case_url")" 200
grep -q 'nooit vrij ben' "$tmp/case" && grep -q 'Verslag A: we bespraken het rooster.' "$tmp/case" && ok "and reads everything in it" || not_ok "Ilse reads"
grep -q 'overgedragen aan Ilse Jansen' "$tmp/case" && ok "the audit trail names the new VP" || not_ok "hand-over audit"
check "the second case too: 200" "$(curl -s -b "$ij" -o "$tmp/case2" -w '%{http_code}' "$u$case2_url")" 200
grep -q 'Reageert niet op berichten in het postvak.' "$tmp/case2" && grep -q 'niet gevraagd: de melder was niet bereikbaar' "$tmp/case2" &&
	ok "with the reason the melder was not asked" || not_ok "unreachable reason"
curl -s -b "$ej" -o "$tmp/handover" "$u$ho"
grep -q "name=\"zaak\" value=\"$id1\"" "$tmp/handover" || grep -q "name=\"zaak\" value=\"$id2\"" "$tmp/handover" &&
	not_ok "Erik's hand-over page still offers a moved case" || ok "Erik's hand-over page offers neither any more"
curl -s -b "$ej" -o "$tmp/ws" "$u/werkruimte/$org"
grep -q "href=\"$case_url\"" "$tmp/ws" && not_ok "the case is still in Erik's list" || ok "nor in his workspace"

# ---- the melder's mailbox goes on, now with Ilse ----
icsrf=$(csrf_of "$tmp/case")
check "Ilse writes to the melder: 303" "$(curl -s -b "$ij" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$icsrf" --data-urlencode "bericht=Ik ben Ilse en neem uw zaak over." "$u$case_url/bericht")" 303
curl -s -b "$mj" -o "$tmp/mailbox" "$u/postvak"
grep -q 'Ik ben Ilse en neem uw zaak over.' "$tmp/mailbox" && ok "the melder reads her in the same mailbox" || not_ok "melder reads Ilse"
grep -q 'overdracht\|Reageert niet' "$tmp/mailbox" && not_ok "the mailbox shows the hand-over record" || ok "which does not show the VPs' hand-over record"

kill "$srv_pid" 2>/dev/null
wait "$srv_pid" 2>/dev/null
srv_pid=""
if grep -q 'AddressSanitizer\|runtime error:' "$tmp/log"; then not_ok "no sanitizer reports" "$(grep -m3 'Sanitizer\|runtime error' "$tmp/log")"; else ok "no sanitizer reports"; fi
finish
