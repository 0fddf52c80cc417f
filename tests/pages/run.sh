#!/bin/sh
# Every page type of the portal through the real server: status, valid HTML (tidy,
# errors only), well-formed XML feeds and sitemap, filters, downloads, SEO tags.
# Usage: tests/pages/run.sh BIN
bin=${1:-build/vertrouwd}
tmp=$(mktemp -d)
# The store: $TEST_DB when set (tests/pg/run.sh passes a fresh PostgreSQL database), else SQLite.
db=${TEST_DB:-sqlite:$tmp/p.db}
srv=""
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "  # $2"; }

"$bin" init --demo --db "$db" --root . >/dev/null 2>&1
. tests/lib/serve.sh
serve_free "$bin" "$tmp/log" --db "$db" --root . --log-level warn || echo "# the server did not start"
srv=$srv_pid base=$BASE

get() { curl -s -o "$tmp/body" -D "$tmp/head" -w '%{http_code}' "$base$1"; }
header() { sed -n "s/^$1: //Ip" "$tmp/head" | tr -d '\r' | head -1; }

# Every page type: 200, valid HTML, a canonical URL, OpenGraph title, one h1.
for path in / /nieuws /kennisartikelen /kennisbank /voor-organisaties /downloads \
	"/nieuws?categorie=integriteit&categorie=klokkenluider" "/nieuws?page=2" /categorie/pesten \
	/kennisbank/wat-doet-een-vertrouwenspersoon /vind-een-vertrouwenspersoon "/vind-een-vertrouwenspersoon?q=rivier" \
	/organisaties/gemeente-rivierstad \
	"$(grep -l 'status: gepubliceerd' demo/nieuws/*.md | head -1 | sed 's|demo/nieuws/\(.*\)\.md|/nieuws/\1|')" \
	"$(ls demo/artikelen/*.md | head -1 | sed 's|demo/artikelen/\(.*\)\.md|/kennisartikelen/\1|')" \
	"$(ls demo/organisaties/*.md | head -1 | sed 's|demo/organisaties/\(.*\)\.md|/voor-organisaties/\1|')" \
	"$(ls demo/downloads/*.md | head -1 | sed 's|demo/downloads/\(.*\)\.md|/downloads/\1|')"; do
	code=$(get "$path")
	[ "$code" = 200 ] && ok "$path: 200" || not_ok "$path: 200" "got $code"
	# tidy exits 2 on errors, 1 on warnings (tidy 5.6 still warns about aria-current and inputmode,
	# both in the HTML standard).
	tidy -q -e "$tmp/body" >"$tmp/tidy" 2>&1
	if [ $? -lt 2 ] && ! grep -vE 'aria-current|"inputmode"' "$tmp/tidy" | grep -q .; then ok "$path: valid HTML"; else not_ok "$path: valid HTML" "$(grep -vE 'aria-current|"inputmode"' "$tmp/tidy" | head -3)"; fi
	grep -q "<link rel=\"canonical\" href=\"$base" "$tmp/body" && ok "$path: canonical URL" || not_ok "$path: canonical URL"
	grep -q '<meta property="og:title"' "$tmp/body" && ok "$path: OpenGraph" || not_ok "$path: OpenGraph"
	[ "$(grep -c '<h1' "$tmp/body")" = 1 ] && ok "$path: one h1" || not_ok "$path: one h1"
done

# Kennisbank: a table of contents whose links all point at headings on the page.
get /kennisbank/wat-doet-een-vertrouwenspersoon >/dev/null
grep -q 'Inhoudsopgave' "$tmp/body" && ok "kennisbank has an Inhoudsopgave" || not_ok "Inhoudsopgave"
missing=0
for id in $(grep -o 'href="#[a-z0-9-]*"' "$tmp/body" | sed 's/href="#//; s/"//' | grep -v '^inhoud$'); do
	grep -q "id=\"$id\"" "$tmp/body" || missing=$((missing + 1))
done
[ $missing = 0 ] && ok "every ToC link has its heading" || not_ok "ToC anchors" "$missing missing"
grep -q 'Meer binnen deze categorie' "$tmp/body" && ok "kennisbank shows more in its category" || not_ok "more in category"

# Filters: several categories at once, counts, removal links, pagination keeps them.
get "/nieuws?categorie=integriteit&categorie=klokkenluider" >/dev/null
grep -q 'Gefilterd op:' "$tmp/body" && ok "active filters shown" || not_ok "active filters"
grep -q 'href="/nieuws?categorie&#61;klokkenluider"' "$tmp/body" && ok "removing a filter keeps the other" || not_ok "filter removal link"
grep -q 'class="n">(' "$tmp/body" && ok "counts per category" || not_ok "counts per category"
get "/kennisartikelen?categorie=beroepspraktijk" >/dev/null
total=$(grep -o '[0-9]* resulta[a-z]*' "$tmp/body" | head -1)
[ -n "$total" ] && ok "filtered article list: $total" || not_ok "filtered list count"
for bad in "/nieuws?categorie=bestaat-niet" "/nieuws?categorie=%3Cscript%3E" "/categorie/bestaat-niet"; do
	code=$(get "$bad")
	[ "$code" = 404 ] && ok "$bad: 404" || not_ok "$bad: 404" "got $code"
done
for bad in "/nieuws?page=0" "/nieuws?page=-3" "/nieuws?page=abc" "/kennisbank?page=99999999999"; do
	code=$(get "$bad")
	[ "$code" = 400 ] || [ "$code" = 404 ] && ok "$bad: $code, not 500" || not_ok "$bad" "got $code"
done
get "/nieuws?page=99" >/dev/null; [ "$(get "/nieuws?page=99")" = 404 ] && ok "page past the end: 404" || not_ok "page past the end"

# Downloads: the real file, with its type and as an attachment.
slug=$(ls demo/downloads/*.md | head -1 | sed 's|demo/downloads/\(.*\)\.md|\1|')
code=$(get "/downloads/$slug/bestand")
[ "$code" = 200 ] && ok "download: 200" || not_ok "download: 200" "got $code"
[ "$(header Content-Type)" = "application/pdf" ] && ok "download: application/pdf" || not_ok "download type" "$(header Content-Type)"
header Content-Disposition | grep -q "^attachment; filename=\"$slug.pdf\"" && ok "download: attachment with file name" || not_ok "download disposition"
head -c 5 "$tmp/body" | grep -q '%PDF-' && ok "download: a PDF" || not_ok "download is a PDF"
[ "$(get /downloads/bestaat-niet/bestand)" = 404 ] && ok "unknown download: 404" || not_ok "unknown download"
get /downloads >/dev/null; grep -q 'PDF, [0-9]* kB' "$tmp/body" && ok "downloads list shows type and size" || not_ok "type and size"

# Feeds, sitemap, robots: well-formed XML with absolute links.
for feed in /feed/nieuws /feed/nieuws/rss /feed/kennisbank /feed/categorie/integriteit /feed/categorie/pesten/rss /sitemap.xml; do
	code=$(get "$feed")
	if [ "$code" = 200 ] && xmllint --noout "$tmp/body" 2>"$tmp/xml"; then ok "$feed: well-formed XML"; else not_ok "$feed" "$code $(head -2 "$tmp/xml")"; fi
done
get /feed/nieuws >/dev/null
header Content-Type | grep -q 'application/atom+xml' && ok "Atom content type" || not_ok "Atom content type"
grep -q "<link rel=\"alternate\" type=\"text/html\" href=\"$base/nieuws/" "$tmp/body" && ok "feed links are absolute" || not_ok "feed links absolute"
[ "$(get /feed/onbekend)" = 404 ] && ok "unknown feed: 404" || not_ok "unknown feed"
get /sitemap.xml >/dev/null
n=$(grep -c '<url>' "$tmp/body"); [ "$n" -gt 100 ] && ok "sitemap lists $n URLs" || not_ok "sitemap size" "$n"
grep -q 'benadelingsverbod-voor-melders' "$tmp/body" && not_ok "sitemap leaks a draft" || ok "sitemap has no drafts"
get /robots.txt >/dev/null; grep -q "^Sitemap: $base/sitemap.xml" "$tmp/body" && ok "robots.txt names the sitemap" || not_ok "robots.txt"

# Conditional requests on items: Last-Modified and If-Modified-Since.
get /kennisbank/wat-doet-een-vertrouwenspersoon >/dev/null
lm=$(header Last-Modified)
[ -n "$lm" ] && ok "item has Last-Modified" || not_ok "Last-Modified"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-Modified-Since: $lm" "$base/kennisbank/wat-doet-een-vertrouwenspersoon")
[ "$code" = 304 ] && ok "If-Modified-Since: 304" || not_ok "If-Modified-Since" "got $code"

# Dutch dates and accents folded in slugs.
get /nieuws >/dev/null
grep -Eq '<time datetime="[0-9-]{10}">[0-9]{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) [0-9]{4}</time>' "$tmp/body" && ok "Dutch dates" || not_ok "Dutch dates"

# The page cache never serves stale pages: an import by another process shows at once.
slug=$(grep -l 'status: gepubliceerd' demo/nieuws/*.md | head -1 | sed 's|demo/nieuws/\(.*\)\.md|\1|')
get "/nieuws/$slug" >/dev/null
get "/nieuws/$slug" >/dev/null
mkdir -p "$tmp/upd"
sed 's/^title: .*/title: "Bijgewerkte titel uit een ander proces"/' "demo/nieuws/$slug.md" >"$tmp/upd/$slug.md"
"$bin" import "$tmp/upd" --db "$db" >/dev/null 2>&1
get "/nieuws/$slug" >/dev/null
grep -q '<h1>Bijgewerkte titel uit een ander proces</h1>' "$tmp/body" && ok "a change by another process shows at once (page cache)" || not_ok "page cache went stale"
get "/nieuws" >/dev/null
grep -q 'Bijgewerkte titel uit een ander proces' "$tmp/body" && ok "lists show the change too" || not_ok "list went stale"

# The melder's pages in English (a gettext catalogue): valid, marked English, nothing left in Dutch.
for path in "/organisaties/gemeente-rivierstad?taal=en" "/vind-een-vertrouwenspersoon?taal=en&q=rivier"; do
	[ "$(get "$path")" = 200 ] && ok "$path: 200" || not_ok "$path: 200"
	tidy -q -e "$tmp/body" >"$tmp/tidy" 2>&1
	if [ $? -lt 2 ] && ! grep -vE 'aria-current|"inputmode"' "$tmp/tidy" | grep -q .; then ok "$path: valid HTML"; else not_ok "$path: valid HTML" "$(head -3 "$tmp/tidy")"; fi
	grep -q '<html lang="en">' "$tmp/body" && ok "$path: lang=en" || not_ok "$path: lang=en"
	grep -q 'lang="nl" hreflang="nl">Nederlands</a>' "$tmp/body" && ok "$path: offers Dutch" || not_ok "$path: offers Dutch"
	if grep -qE 'Vertrouwelijk, tenzij|Contact opnemen|Ontvangstcode<|Naam van je organisatie|Vind een vertrouwenspersoon<' "$tmp/body"; then
		not_ok "$path: no Dutch left" "$(grep -oE 'Vertrouwelijk, tenzij|Contact opnemen|Ontvangstcode<|Naam van je organisatie|Vind een vertrouwenspersoon<' "$tmp/body" | head -2)"
	else ok "$path: no Dutch left"; fi
done
grep -qE 'href="/organisaties/gemeente-rivierstad\?taal(=|&#61;)en"' "$tmp/body" && ok "found organisations link to their English page" || not_ok "English org link"

kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null; srv=""
if grep -q 'AddressSanitizer\|runtime error:' "$tmp/log"; then not_ok "no sanitizer reports" "$(grep -m3 'Sanitizer\|runtime error' "$tmp/log")"; else ok "no sanitizer reports"; fi
line="pages${TEST_STORE:+ ($TEST_STORE)}: $passed passed, $failed failed"
echo "$line"
[ -n "${SUMMARY:-}" ] && echo "$line" >>"$SUMMARY"
[ "$failed" = 0 ]
