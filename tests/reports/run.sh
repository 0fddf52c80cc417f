#!/bin/sh
# The annual report (issue 15) through the real server, with the demo's data:
#  - the contact reads the year released two years ago as a page, PDF, CSV
#    and JSON, where no count is 1 to 4; last year's is a 404 before release;
#  - the VP previews last year and this year, cannot release this year,
#    cannot release last year until the text is ready, then releases it once;
#    the contact then sees it beside the year before, and the text is fixed;
#  - bad years and formats, a text too long and a form without its token are
#    refused; the contact and the VP each get 404 on the other's pages; no page
#    or download links to a case.
#
#   sh tests/reports/run.sh BIN      ($TEST_DB: a PostgreSQL database instead of SQLite)
set -u
bin=${1:-build/vertrouwd}
. tests/lib/demo.sh
demo_suite reports
org=gemeente-rivierstad
name="Gemeente Rivierstad"
# The demo's years, counted on the server's (Amsterdam) calendar: tap.sh sets TZ.
year=$(date +%Y)
old=$((year - 2)) # released, with Erik's text
last=$((year - 1)) # not released, Erik's draft not ready
CANARY="kanarie-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"

cj=$tmp/contact.jar
c=$(signin_form "$u" "$cj")
check "the demo's contact signs in" "$(signin_post "$u" "$cj" "$c" hr@demo.vertrouwd.example demo-organisatie-wachtwoord)" 303
ej=$tmp/erik.jar
c=$(signin_form "$u" "$ej")
check "the external VP signs in" "$(signin_post "$u" "$ej" "$c" erik@demo.vertrouwd.example demo-vertrouwenspersoon-wachtwoord \
	"$(oathtool --totp -b 5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC)")" 303

# get JAR PATH [FILE] -> status (the body in FILE, default $tmp/page; headers in $tmp/head)
get() { curl -s -b "$1" -D "$tmp/head" -o "${3:-$tmp/page}" -w '%{http_code}' "$u$2"; }
# post JAR PATH field=value... -> status (the page in $tmp/page, headers in $tmp/head); no CSRF token added.
# Always a POST, also without fields; a value may hold any character, line breaks too.
post() {
	_j=$1 _p=$2
	shift 2
	_n=$#
	while [ "$_n" -gt 0 ]; do
		set -- "$@" --data-urlencode "$1"
		shift
		_n=$((_n - 1))
	done
	curl -s -X POST -b "$_j" -D "$tmp/head" -o "$tmp/page" -w '%{http_code}' "$@" "$u$_p"
}
header() { tr -d '\r' <"$tmp/head" | sed -n "s/^$1: //Ip" | head -1; }
# The cells of the report's tables (<td class="num">) that show a count of 1 to 4.
small_cells() { grep -o '<td class="num">[^<]*</td>' "$1" | grep -c '>[1-4]<'; }
# Every page and download fetched is kept, to look for case links at the end.
keep() { cp "$tmp/page" "$tmp/seen.$1"; }

# ---- the contact: the released report ----
ob=/organisatie/$org/jaarverslag
check "the dashboard: 200" "$(get "$cj" "/organisatie/$org")" 200
keep dashboard
grep -q "href=\"$ob/$old\"" "$tmp/page" && ok "it lists the released report of $old" || not_ok "dashboard lists $old"
grep -q "href=\"$ob/$last\"" "$tmp/page" && not_ok "the dashboard lists the unreleased $last" || ok "but not $last, not yet released"
check "the report of $old: 200" "$(get "$cj" "$ob/$old")" 200
keep page-old
grep -q "$name" "$tmp/page" && grep -q 'class="report-state released"' "$tmp/page" && ok "it names the organisation and says it is released" ||
	not_ok "released report page"
grep -q 'Signalen en adviezen' "$tmp/page" && grep -q 'Erik de Boer' "$tmp/page" && ok "with Erik's signals and advice" || not_ok "advice on the page"
check "its tables have cells" "$(grep -c '<td class="num">' "$tmp/page" | sed 's/^[1-9][0-9]*$/yes/')" yes
check "no table cell on the page shows 1 to 4" "$(small_cells "$tmp/page")" 0
grep -q '<td class="num">&lt; 5</td>' "$tmp/page" && ok "small counts show as < 5" || not_ok "< 5 cells on the page"
grep -q 'id="vergelijking"' "$tmp/page" && not_ok "a comparison without a released year before" || ok "no comparison: $((old - 1)) was not released"
grep -q '<form' "$tmp/page" && not_ok "the contact's page has a form" || ok "the contact's page has no form"
# The links to other years lead to reports the contact may read, not to a 404.
pager_ok() { # JAR PAGE -> the links of the page's pager that do not answer 200
	for _l in $(sed -n 's/.*<nav class="pager"[^>]*>\(.*\)<\/nav>.*/\1/p' "$2" | grep -o 'href="[^"]*"' | sed 's/href="//; s/"//'); do
		[ "$(curl -s -b "$1" -o /dev/null -w '%{http_code}' "$u$_l")" = 200 ] || printf '%s ' "$_l"
	done
}
check "no link on the page to another year leads to a 404" "$(pager_ok "$cj" "$tmp/page")" ""

check "its PDF: 200" "$(get "$cj" "$ob/$old/pdf" "$tmp/r.pdf")" 200
check "as application/pdf" "$(header content-type)" application/pdf
header content-disposition | grep -q "attachment; filename=\"jaarverslag-$org-$old.pdf\"" && ok "a download named after the organisation and year" ||
	not_ok "pdf disposition" "$(header content-disposition)"
pdftotext -layout "$tmp/r.pdf" "$tmp/seen.pdf" 2>"$tmp/pdf.err" && ok "pdftotext reads it" || not_ok "pdftotext" "$(head -2 "$tmp/pdf.err")"
grep -q "$name" "$tmp/seen.pdf" && ok "the PDF names the organisation" || not_ok "org in the PDF"
grep -q 'pagina 1 van' "$tmp/seen.pdf" && ok "its pages are numbered" || not_ok "page numbers in the PDF"
grep -q 'train leidinggevenden' "$tmp/seen.pdf" && ok "it holds Erik's advice" || not_ok "advice in the PDF"

check "its CSV: 200" "$(get "$cj" "$ob/$old/csv" "$tmp/r.csv")" 200
case $(header content-type) in text/csv*) ok "as text/csv" ;; *) not_ok "csv type" "$(header content-type)" ;; esac
tr -d '\r' <"$tmp/r.csv" >"$tmp/seen.csv"
check "the CSV's header" "$(head -1 "$tmp/seen.csv")" "tabel,categorie,kolom,aantal"
check "it has rows" "$(sed 1d "$tmp/seen.csv" | grep -c . | sed 's/^[1-9][0-9]*$/yes/')" yes
# The last field is a number, "<5" or "x" and never holds a comma; the others may be quoted.
check "every row ends in a count, <5 or x" "$(sed 1d "$tmp/seen.csv" | awk -F, '$NF !~ /^([0-9]+|<5|x)$/' | wc -l | tr -d ' ')" 0
grep -q ',<5$' "$tmp/seen.csv" && ok "small counts show as <5" || not_ok "<5 in the CSV"
check "no CSV cell is 1 to 4" "$(sed 1d "$tmp/seen.csv" | awk -F, '$NF ~ /^[1-4]$/' | wc -l | tr -d ' ')" 0
# Nor any other field: a label is never a bare small number either.
check "no field at all is a bare 1 to 4" "$(tr ',' '\n' <"$tmp/seen.csv" | grep -c '^[1-4]$')" 0

check "its JSON: 200" "$(get "$cj" "$ob/$old/json" "$tmp/seen.json")" 200
check "as application/json" "$(header content-type)" application/json
jq -e '.tables | length > 0' "$tmp/seen.json" >/dev/null 2>&1 && ok "valid JSON with tables" || not_ok "JSON" "$(head -c 200 "$tmp/seen.json")"
check "every cell is a count, \"<5\" or \"x\"" \
	"$(jq '[.tables[].cells[][] | select((type == "number" and . >= 0 and . == floor) or . == "<5" or . == "x" | not)] | length' "$tmp/seen.json")" 0
check "no count in the JSON is 1 to 4" "$(jq '[.tables[].cells[][] | numbers | select(. >= 1 and . <= 4)] | length' "$tmp/seen.json")" 0
check "the JSON has <5 cells" "$(jq '[.tables[].cells[][] | select(. == "<5")] | length > 0' "$tmp/seen.json")" true
check "the CSV and the JSON hold the same cells" "$(sed 1d "$tmp/seen.csv" | awk -F, '{print $NF}' | tr '\n' ' ')" \
	"$(jq -r '.tables[].cells[][] | tostring' "$tmp/seen.json" | tr '\n' ' ')"

check "the report of $last before release: 404" "$(get "$cj" "$ob/$last")" 404
for f in pdf csv json; do check "its $f before release: 404" "$(get "$cj" "$ob/$last/$f")" 404; done

# ---- the VP: previews and release ----
wb=/werkruimte/$org/jaarverslag
check "the VP's preview of $last: 200" "$(get "$ej" "$wb/$last")" 200
keep preview-last
grep -q 'class="report-state draft">Voorbeeld' "$tmp/page" && ok "it says it is a preview" || not_ok "Voorbeeld"
grep -q 'Opvallend: meer meldingen over werkdruk' "$tmp/page" && ok "with Erik's draft in the form" || not_ok "draft text"
check "no table cell in the preview shows 1 to 4" "$(small_cells "$tmp/page")" 0
grep -q "action=\"$wb/$last/vrijgeven\"" "$tmp/page" && ok "the release form is there" || not_ok "release form"
grep -q "<li aria-current=\"page\">Jaarverslag $last</li>" "$tmp/page" && ok "the breadcrumb names $last" ||
	not_ok "breadcrumb year" "$(grep -o '<li aria-current="page">[^<]*' "$tmp/page")"
grep -q ">Jaarverslag $last vrijgeven</button>" "$tmp/page" && ok "so does the release button" ||
	not_ok "release button year" "$(grep -o '>Jaarverslag [0-9]* vrijgeven' "$tmp/page")"
for f in pdf csv json; do check "the VP's $f of $last before release: 404" "$(get "$ej" "$wb/$last/$f")" 404; done
check "the preview of this year, $year: 200" "$(get "$ej" "$wb/$year")" 200
keep preview-year
grep -q 'Voorbeeld' "$tmp/page" && ok "also a preview" || not_ok "this year's preview"
grep -q "action=\"$wb/$year/vrijgeven\"" "$tmp/page" && not_ok "a release form for this year" || ok "without a release form"
check "no table cell in this year's preview shows 1 to 4" "$(small_cells "$tmp/page")" 0
csrf=$(csrf_of "$tmp/page")
check "releasing this year: 400" "$(post "$ej" "$wb/$year/vrijgeven" "csrf=$csrf")" 400
grep -q 'als het jaar voorbij is' "$tmp/page" && ok "and the page says why" || not_ok "year not over message"
check "releasing $last while Erik's text is not ready: 409" "$(post "$ej" "$wb/$last/vrijgeven" "csrf=$csrf")" 409
grep -q 'Eerst moeten alle signalen en adviezen klaar zijn' "$tmp/page" && ok "and the page says why" || not_ok "not ready message"
check "still not released for the contact" "$(get "$cj" "$ob/$last")" 404

# ---- bad input ----
check "the VP's text without the CSRF token: 403" "$(post "$ej" "$wb/$last/tekst" "tekst=Zonder token" klaar=1)" 403
check "with another token: 403" "$(post "$ej" "$wb/$last/tekst" "csrf=$(printf '%064d' 0)" "tekst=Vals token" klaar=1)" 403
check "the release without the token: 403" "$(post "$ej" "$wb/$last/vrijgeven")" 403
get "$ej" "$wb/$last" >/dev/null
grep -q 'Zonder token\|Vals token' "$tmp/page" && not_ok "a refused form changed the text" || ok "neither changed the text"
long=$(head -c 20001 /dev/zero | tr '\0' a)
check "a text of 20001 bytes: 400" "$(post "$ej" "$wb/$last/tekst" "csrf=$csrf" "tekst=$long" klaar=1)" 400
grep -q 'De tekst is te lang' "$tmp/page" && ok "and the page says why" || not_ok "too long message"
for p in abcd 1999 0000 02024 "$((year + 1))" 9999 "$last.0" "-$last"; do
	check "year \"$p\": 404 for the VP" "$(get "$ej" "$wb/$p")" 404
	check "year \"$p\": 404 for the contact" "$(get "$cj" "$ob/$p")" 404
done
check "a text for next year: 404" "$(post "$ej" "$wb/$((year + 1))/tekst" "csrf=$csrf" tekst=x)" 404
check "releasing next year: 404" "$(post "$ej" "$wb/$((year + 1))/vrijgeven" "csrf=$csrf")" 404
for f in exe PDF html "pdf.exe" "..%2fpdf"; do
	check "format \"$f\": 404 for the contact" "$(get "$cj" "$ob/$old/$f")" 404
	check "format \"$f\": 404 for the VP" "$(get "$ej" "$wb/$old/$f")" 404
done

# ---- the text made ready, the release ----
text="Signaal $CANARY: veel vragen over werkdruk.

Advies <script>alert(1)</script> & \"meer\": bespreek de werkdruk in elk team."
check "Erik's text saved as ready: 200" "$(post "$ej" "$wb/$last/tekst" "csrf=$csrf" "tekst=$text" klaar=1)" 200
grep -q 'Uw tekst is opgeslagen' "$tmp/page" && ok "the page confirms it" || not_ok "saved notice"
grep -q 'name="klaar" value="1" checked' "$tmp/page" && ok "the box stays ticked" || not_ok "klaar checked"
grep -q '<script>alert' "$tmp/page" && not_ok "the text is not escaped" || ok "the text is escaped"
check "releasing $last: 303" "$(post "$ej" "$wb/$last/vrijgeven" "csrf=$csrf")" 303
check "to the report" "$(header location)" "$wb/$last"
check "releasing it again: 409" "$(post "$ej" "$wb/$last/vrijgeven" "csrf=$csrf")" 409
grep -q 'al vrijgegeven' "$tmp/page" && ok "and the page says why" || not_ok "released already message"
check "a text edit after release: 409" "$(post "$ej" "$wb/$last/tekst" "csrf=$csrf" "tekst=Later $CANARY-na" klaar=1)" 409
grep -q 'kan niet meer veranderen' "$tmp/page" && ok "and the page says why" || not_ok "text fixed message"
check "the VP's report of $last after release: 200" "$(get "$ej" "$wb/$last")" 200
keep vp-last
grep -q 'class="report-state released"' "$tmp/page" && ok "released" || not_ok "VP sees released"
grep -q 'name="tekst"' "$tmp/page" && not_ok "the text form is still there" || ok "without the text form"
grep -q "$CANARY-na" "$tmp/page" && not_ok "the edit after release got in" || ok "the edit after release did not get in"
check "the VP's PDF of $last: 200" "$(get "$ej" "$wb/$last/pdf" "$tmp/vp.pdf")" 200

check "the contact's report of $last now: 200" "$(get "$cj" "$ob/$last")" 200
keep page-last
grep -q 'Vergelijking met het jaar ervoor' "$tmp/page" && ok "with the comparison with $old" || not_ok "comparison"
grep -q "<th scope=\"col\" class=\"num\">$old</th><th scope=\"col\" class=\"num\">$last</th>" "$tmp/page" &&
	ok "its columns are $old and $last" || not_ok "comparison columns"
grep -q "Signaal $CANARY" "$tmp/page" && ok "Erik's released text is there" || not_ok "released text"
grep -q 'Advies &lt;script&gt;alert(1)&lt;/script&gt; &amp; \(&quot;\|&#34;\)meer' "$tmp/page" && ok "escaped" || not_ok "escaped text"
check "in two paragraphs" "$(grep -o "<p>Signaal $CANARY\|<p>Advies &lt;script" "$tmp/page" | wc -l | tr -d ' ')" 2
check "no table cell of $last or the comparison shows 1 to 4" "$(small_cells "$tmp/page")" 0
check "its links to other years lead to reports" "$(pager_ok "$cj" "$tmp/page")" ""
get "$cj" "$ob/$old" >/dev/null
grep -q "href=\"$ob/$last\"" "$tmp/page" && ok "the report of $old now links on to $last" || not_ok "next year's link"
check "the dashboard again: 200" "$(get "$cj" "/organisatie/$org")" 200
keep dashboard-after
grep -q "href=\"$ob/$last\"" "$tmp/page" && ok "it lists $last now" || not_ok "dashboard lists $last"
check "the PDF of $last: 200" "$(get "$cj" "$ob/$last/pdf" "$tmp/l.pdf")" 200
pdftotext -layout "$tmp/l.pdf" "$tmp/seen.pdf-last" 2>/dev/null
grep -q "Signaal $CANARY" "$tmp/seen.pdf-last" && ok "with the released text" || not_ok "text in the PDF of $last"
check "the CSV of $last: 200" "$(get "$cj" "$ob/$last/csv" "$tmp/seen.csv-last")" 200
check "no CSV cell of $last is 1 to 4" "$(tr -d '\r' <"$tmp/seen.csv-last" | sed 1d | awk -F, '$NF ~ /^[1-4]$/' | wc -l | tr -d ' ')" 0
check "the JSON of $last: 200" "$(get "$cj" "$ob/$last/json" "$tmp/seen.json-last")" 200
check "no count in it is 1 to 4" "$(jq '[.tables[].cells[][] | numbers | select(. >= 1 and . <= 4)] | length' "$tmp/seen.json-last")" 0

# ---- roles and other organisations ----
check "the contact, the VP's report: 404" "$(get "$cj" "$wb/$old")" 404
check "the contact, the VP's PDF: 404" "$(get "$cj" "$wb/$old/pdf")" 404
check "the contact, a text: 404" "$(post "$cj" "$wb/$year/tekst" "csrf=$csrf" tekst=x)" 404
check "the contact, a release: 404" "$(post "$cj" "$wb/$year/vrijgeven" "csrf=$csrf")" 404
check "the VP, the contact's report: 404" "$(get "$ej" "$ob/$old")" 404
check "the VP, the contact's PDF: 404" "$(get "$ej" "$ob/$old/pdf")" 404
check "the contact, another organisation's report: 404" "$(get "$cj" /organisatie/kinderopvang-de-boomhut/jaarverslag/$old)" 404
check "the contact, an unknown organisation's: 404" "$(get "$cj" /organisatie/bestaat-niet/jaarverslag/$old)" 404
check "the VP, an organisation it does not serve: 404" "$(get "$ej" /werkruimte/bestaat-niet/jaarverslag/$old)" 404
check "signed out, the contact's report: 401" "$(curl -s -o /dev/null -w '%{http_code}' "$u$ob/$old")" 401
check "signed out, the VP's report: 401" "$(curl -s -o /dev/null -w '%{http_code}' "$u$wb/$old")" 401

# ---- national trends: public from opted-in organisations, the beheerder's for all ----
check "the public trends page: 200" "$(curl -s -o "$tmp/trends" -w '%{http_code}' "$u/landelijke-trends")" 200
grep -q '<h1>Landelijke trends</h1>' "$tmp/trends" && ok "with its title" || not_ok "trends title"
grep -q 'nog niet genoeg vrijgegeven jaarverslagen' "$tmp/trends" && ok "one organisation's reports are not enough for a trend" || not_ok "trends threshold"
grep -q 'Gemeente Rivierstad' "$tmp/trends" && not_ok "the trends page names an organisation" || ok "and it names no organisation"
check "signed out, the beheerder's trends: 401" "$(curl -s -o /dev/null -w '%{http_code}' "$u/beheer/trends")" 401
check "the contact, the beheerder's trends: 403" "$(get "$cj" /beheer/trends)" 403

# ---- no case anywhere ----
n=0
for f in "$tmp"/seen.*; do
	n=$((n + 1))
	grep -l '/zaken/' "$f" >/dev/null && not_ok "$(basename "$f") links to a case"
done
check "none of the $n pages and downloads links to a case" "$(cat "$tmp"/seen.* | grep -c '/zaken/')" 0
finish
