#!/bin/sh
# The organisation's dashboard through the real server, as its contact uses
# it: the compliance lights from the demo's facts, declaring the procedure's
# elements and the last evaluation (and the 400 that says what to fix), the
# self-assessment with its scores and trend; and the walls: a VP, another
# organisation's address and the contact on a VP's pages all get 404.
#
#   sh tests/orgdash/run.sh BIN      ($TEST_DB: a PostgreSQL database instead of SQLite)
set -u
bin=${1:-build/vertrouwd}
. tests/lib/demo.sh
demo_suite orgdash
org=gemeente-rivierstad
cj=$tmp/contact.jar
c=$(signin_form "$u" "$cj")
check "the demo's contact signs in" "$(signin_post "$u" "$cj" "$c" hr@demo.vertrouwd.example demo-organisatie-wachtwoord)" 303
get() { curl -s -b "$cj" -o "$tmp/page" -w '%{http_code}' "$u$1"; }
post() { # path field=value... -> status
	_p=$1
	shift
	set -- "$@" "csrf=$csrf"
	_args=""
	for _f in "$@"; do _args="$_args --data-urlencode '$(printf '%s' "$_f" | sed "s/'/'\\\\''/g")'"; done
	eval curl -s -b "\"$cj\"" -o "\"$tmp/page\"" -w "'%{http_code}'" $_args "\"$u$_p\""
}
check "/organisatie sends the contact to their organisation" "$(curl -s -b "$cj" -o /dev/null -w '%{http_code} %{redirect_url}' "$u/organisatie")" "303 $u/organisatie/$org"
check "the dashboard: 200" "$(get "/organisatie/$org")" 200
check "six compliance items" "$(grep -o 'class="light [a-z]*"' "$tmp/page" | wc -l | tr -d ' ')" 6
grep -q 'class="light orange"><span class="light-dot" aria-hidden="true"></span><div><strong>Interne meldregeling' "$tmp/page" &&
	ok "the procedure is orange while elements are undeclared" || not_ok "procedure light"
grep -q 'Anoniem melden mogelijk' "$tmp/page" && ok "and it names what is missing" || not_ok "missing named"
grep -q 'href="/voor-organisaties/meldregeling-onder-de-klokkenluiderswet"' "$tmp/page" && ok "with the portal page that explains it" || not_ok "link"
check "no case number on the dashboard" "$(grep -c '/zaken/' "$tmp/page")" 0
csrf=$(csrf_of "$tmp/page")
check "an evaluation dated tomorrow: 400" "$(post "/organisatie/$org/naleving" onderdeel=schriftelijk "evaluatie=$(date -d tomorrow +%Y-%m-%d)")" 400
grep -q 'niet in de toekomst' "$tmp/page" && ok "and the page says why" || not_ok "date message"
check "an unknown element: 400" "$(post "/organisatie/$org/naleving" onderdeel=toverstok)" 400
today=$(TZ=Europe/Amsterdam date +%Y-%m-%d)
check "every element and today's evaluation: 200" "$(post "/organisatie/$org/naleving" onderdeel=schriftelijk onderdeel=mondeling onderdeel=gesprek onderdeel=bevestiging onderdeel=terugkoppeling onderdeel=anoniem onderdeel=registratie "evaluatie=$today")" 200
grep -q 'class="light green"><span class="light-dot" aria-hidden="true"></span><div><strong>Interne meldregeling' "$tmp/page" &&
	ok "the procedure turns green" || not_ok "procedure green"
grep -q 'class="light green"><span class="light-dot" aria-hidden="true"></span><div><strong>Jaarlijkse evaluatie' "$tmp/page" &&
	ok "so does the evaluation" || not_ok "evaluation green"

check "the self-assessment form: 200" "$(get "/organisatie/$org/zelfscan")" 200
check "twenty-one statements" "$(grep -c 'value="deels"' "$tmp/page")" 21
csrf=$(csrf_of "$tmp/page")
answers=""
for i in 0 1 2 3 4 5 6; do for k in 0 1 2; do answers="$answers a${i}_$k=ja"; done; done
# shellcheck disable=SC2086
check "with one statement unanswered: 400" "$(post "/organisatie/$org/zelfscan" $(echo $answers | sed 's/a6_2=ja//'))" 400
# shellcheck disable=SC2086
check "all answered: 200" "$(post "/organisatie/$org/zelfscan" $answers)" 200
year=$(date +%Y)
grep -q "<th scope=\"col\">$((year - 1))</th><th scope=\"col\">$year</th>" "$tmp/page" && ok "the trend shows last year and this year" || not_ok "trend years"
grep -q '<td>100</td>' "$tmp/page" && ok "full marks score 100" || not_ok "score"

vj=$tmp/vp.jar
c=$(signin_form "$u" "$vj")
signin_post "$u" "$vj" "$c" erik@demo.vertrouwd.example demo-vertrouwenspersoon-wachtwoord "$(oathtool --totp -b 5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC)" >/dev/null
check "a VP of the organisation does not see its dashboard: 404" "$(curl -s -b "$vj" -o /dev/null -w '%{http_code}' "$u/organisatie/$org")" 404
check "the contact, another organisation's dashboard: 404" "$(get /organisatie/kinderopvang-de-boomhut)" 404
check "the contact, the VP's workspace: 404" "$(get "/werkruimte/$org")" 404
check "the contact, a case: 404" "$(get "/werkruimte/$org/zaken/1")" 404
finish
