#!/bin/sh
# The annual report under load, on the demo store: the organisation contact's
# released report (tables and SVG charts drawn per request from the published
# document), its PDF (cairo and pango per request), and the public trends page
# (from the page cache). Peer in the same run: the same server's cached
# organisation page, which does no work at all.
#
# Usage: bench/reports.sh BIN   (env: DURATION=10s CONNECTIONS=4 THREADS=2)
set -eu
bin=${1:-build/vertrouwd}
. bench/demo.sh
c=$(signin_form "$BASE" "$tmp/jar")
[ "$(signin_post "$BASE" "$tmp/jar" "$c" hr@demo.vertrouwd.example demo-organisatie-wachtwoord)" = 303 ] ||
	{ echo "aanmelden als contactpersoon mislukt"; exit 1; }
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$tmp/jar")
year=$(($(TZ=Europe/Amsterdam date +%Y) - 2))
report=$BASE/organisatie/gemeente-rivierstad/jaarverslag/$year
rate() { # LABEL URL [COOKIE]
	printf '%-48s' "$1"
	if [ -n "${3:-}" ]; then
		wrk -t"$threads" -c"$conns" -d"$duration" -H "Cookie: $3" "$2"
	else
		wrk -t"$threads" -c"$conns" -d"$duration" "$2"
	fi | awk '/Requests\/sec/ { printf "%10.0f req/s", $2 } /Non-2xx/ { printf "  (%s non-2xx)", $NF } END { print "" }'
}
size=$(curl -s -b "$tmp/jar" -o "$tmp/r.pdf" -w '%{size_download}' "$report/pdf")
echo "== annual report $year of the demo (38 cases), $conns connections, $duration each =="
rate "the cached organisation page (peer)" "$BASE/organisaties/gemeente-rivierstad"
rate "the released report page" "$report" "$cookie"
rate "its PDF ($size bytes)" "$report/pdf" "$cookie"
rate "its CSV" "$report/csv" "$cookie"
rate "the public trends page (cached)" "$BASE/landelijke-trends"
