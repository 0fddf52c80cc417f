#!/bin/sh
# HTTP integration tests: start vertrouwd with the demo content on a free
# loopback port and check routes, headers, caching, limits, logging and a
# graceful shutdown over real HTTP.
#
#   sh tests/http/run.sh BIN BUILD      (the Makefile: build/vertrouwd build)
#
# Prints one "ok - ..." or "not ok - ..." line per check, then
# "integration: N passed, M failed" (also appended to $SUMMARY when set).
# Needs only sh, curl, coreutils, grep, sed and awk.
#
# check() evaluates its single-quoted expression later, so the variables set
# for it look unused to shellcheck:
# shellcheck disable=SC2016,SC2034
set -u

BIN=${1:?usage: sh tests/http/run.sh BIN BUILD}
BUILD=${2:-build}

# ---- paths, timeouts ----

here=$(pwd)
case $BIN in /*) ;; *) BIN=$here/$BIN ;; esac
case $BUILD in /*) ;; *) BUILD=$here/$BUILD ;; esac
case ${SUMMARY:-} in '' | /*) ;; *) SUMMARY=$here/$SUMMARY ;; esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1

# Sanitizer builds are several times slower: scale every timeout.
if grep -q __asan_init "$BIN" 2>/dev/null; then
	slow=3
else
	slow=1
fi
TMO=$((10 * slow))          # one request
START_TMO=$((20 * slow))    # until /healthz answers
STOP_TMO=$((10 * slow))     # from SIGTERM to exit

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vertrouwd-http.XXXXXX") || exit 1
# The store: $TEST_DB when set (tests/pg/run.sh passes a fresh PostgreSQL database), else SQLite.
DB=${TEST_DB:-sqlite:$tmp/t.db}
H=$tmp/headers B=$tmp/body E=$tmp/curl.err
pids=                       # every server we started, for the trap

cleanup() {
	for p in $pids; do
		kill -TERM "$p" 2>/dev/null && sleep 1 && kill -KILL "$p" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# ---- reporting ----

npass=0 nfail=0 why=

# check DESCRIPTION EXPRESSION: evaluate the shell expression; the assertion
# helpers below set $why when they fail.
check() {
	why=
	if eval "$2"; then
		npass=$((npass + 1))
		echo "ok - $1"
	else
		nfail=$((nfail + 1))
		echo "not ok - $1"
		[ -n "$why" ] && printf '%s\n' "$why" | sed 's/^/#   /'
	fi
	return 0
}

summary() {
	line="integration${TEST_STORE:+ ($TEST_STORE)}: $npass passed, $nfail failed"
	echo "$line"
	[ -n "${SUMMARY:-}" ] && echo "$line" >>"$SUMMARY"
	[ "$nfail" -eq 0 ]
}

if [ ! -x "$BIN" ]; then
	check "$BIN is an executable" 'why="build it first (make)"; false'
	summary
	exit 1
fi

# ---- requests and assertions ----

# req PATH [CURL OPTIONS...]: one request; sets $code (000 when there was no
# answer) and $req_rc (curl's exit code), headers in $H, body in $B.
req() {
	req_path=$1
	shift
	: >"$H"
	: >"$B"
	code=$(curl -sS --max-time "$TMO" -o "$B" -D "$H" -w '%{http_code}' "$@" "$BASE$req_path" 2>"$E")
	req_rc=$?
	[ -n "$code" ] || code=000
}

curl_note() {
	[ -s "$E" ] && printf ' (curl: %s)' "$(head -n 1 "$E")"
}

# is_status CODE...: the last status is one of these.
is_status() {
	for want; do
		[ "$code" = "$want" ] && return 0
	done
	why="status $code, want $*$(curl_note)"
	return 1
}

# not_5xx: an answer below 500, or a closed connection (000) that was not a timeout.
not_5xx() {
	case $code in
	5*) why="status $code" && return 1 ;;
	000) [ "$req_rc" -ne 28 ] || { why="no answer$(curl_note)" && return 1; } ;;
	esac
	return 0
}

# header NAME: the value of the last NAME header (case-insensitive), without CR.
header() {
	awk -v n="$1" '{ sub(/\r$/, "") }
		tolower(substr($0, 1, length(n) + 1)) == tolower(n) ":" { v = substr($0, length(n) + 2); sub(/^[ \t]+/, "", v) }
		END { print v }' "$H"
}

# has_header NAME [PART]: NAME is present and its value contains PART.
has_header() {
	hv=$(header "$1")
	if [ -z "$hv" ]; then
		why="no $1 header"
		return 1
	fi
	case $hv in *"${2-}"*) return 0 ;; esac
	why="$1: '$hv' lacks '$2'"
	return 1
}

header_is() {
	hv=$(header "$1")
	[ "$hv" = "$2" ] && return 0
	why="$1: '$hv', want '$2'"
	return 1
}

no_header() {
	hv=$(header "$1")
	[ -z "$hv" ] && return 0
	why="unexpected $1: '$hv'"
	return 1
}

body_has() {
	grep -qF -- "$1" "$B" && return 0
	why="body lacks '$1' (status $code)"
	return 1
}

body_lacks() {
	grep -qF -- "$1" "$B" || return 0
	why="body contains '$1': $(grep -F -- "$1" "$B" | head -n 1 | cut -c 1-120)"
	return 1
}

body_empty() {
	[ ! -s "$B" ] && return 0
	why="body has $(wc -c <"$B" | tr -d ' ') bytes"
	return 1
}

# body_count STRING N: STRING occurs exactly N times in the body.
body_count() {
	bc=$(grep -oF -- "$1" "$B" | wc -l | tr -d ' ')
	[ "$bc" = "$2" ] && return 0
	why="'$1' occurs $bc times, want $2"
	return 1
}

security_headers() {
	has_header Content-Security-Policy "default-src 'self'" &&
		has_header Content-Security-Policy "frame-ancestors 'none'" &&
		header_is X-Content-Type-Options nosniff &&
		header_is Referrer-Policy no-referrer
}

html_page() {
	header_is Content-Type 'text/html; charset=utf-8' && body_has '<html lang="nl">'
}

# alive: the server still answers /healthz.
alive() {
	ac=$(curl -s -o /dev/null --max-time "$TMO" -w '%{http_code}' "$BASE/healthz")
	[ "$ac" = 200 ] && return 0
	why="/healthz now gives ${ac:-000}"
	return 1
}

# raw TEXT: send TEXT over a plain TCP connection (curl's telnet mode) and
# save whatever comes back in $B.
raw() {
	# shellcheck disable=SC2059 # the escapes in TEXT are meant for printf
	printf "$1" | curl -sS --max-time "$TMO" "telnet://127.0.0.1:$port" >"$B" 2>"$E"
	return 0
}

# raw_status CODE: the raw answer's status line has CODE.
raw_status() {
	head -n 1 "$B" | grep -q "^HTTP/1\.[01] $1 " && return 0
	why="answer: '$(head -n 1 "$B" | tr -d '\r')'$(curl_note)"
	return 1
}

# raw_no_body: nothing follows the blank line that ends the raw answer's headers.
raw_no_body() {
	extra=$(tr -d '\r' <"$B" | sed -n '/^$/,$p' | wc -c | tr -d ' ')
	[ "$extra" -eq 1 ] && return 0
	why="$((extra - 1)) bytes after the headers"
	return 1
}

# ---- the server ----

now() { date +%s; }

# start_server LOG: start `BIN serve` on a free loopback port with the test
# database; sets $srv_pid, $port and $BASE. Returns 1 when it does not come up.
. tests/lib/serve.sh
start_server() {
	serve_free "$BIN" "$1" --db "$DB" --root "$ROOT"
	_rc=$?
	[ -n "$srv_pid" ] && pids="$pids $srv_pid"
	return $_rc
}

# forget_pid PID: the server has exited; the trap must not signal that pid again.
forget_pid() {
	pids=$(echo " $pids " | sed "s/ $1 / /; s/^ *//; s/ *\$//")
}

# stop_server: SIGTERM, then wait up to STOP_TMO seconds; sets $stop_rc
# (the exit status, or "timeout") and $stop_secs.
stop_server() {
	t0=$(now)
	kill -TERM "$srv_pid" 2>/dev/null
	deadline=$((t0 + STOP_TMO))
	while kill -0 "$srv_pid" 2>/dev/null && [ "$(now)" -le "$deadline" ]; do
		sleep 0.2
	done
	if kill -0 "$srv_pid" 2>/dev/null; then
		kill -KILL "$srv_pid" 2>/dev/null
		wait "$srv_pid" 2>/dev/null
		stop_rc=timeout
	else
		wait "$srv_pid"
		stop_rc=$?
	fi
	stop_secs=$(($(now) - t0))
	forget_pid "$srv_pid"
}

# ---- facts about the demo content ----

# One line per demo news file: DATE <tab> STATUS <tab> SLUG <tab> TITLE.
news_index() {
	for f in "$ROOT"/demo/nieuws/*.md; do
		awk -v slug="$(basename "$f" .md)" '
			function val(s) { sub(/^[a-z]+:[ \t]*/, "", s); sub(/[ \t]+$/, "", s)
				if (s ~ /^".*"$/ || s ~ /^'\''.*'\''$/) s = substr(s, 2, length(s) - 2)
				return s }
			NR == 1 { if ($0 != "---") exit; fm = 1; next }
			fm && $0 == "---" { exit }
			/^title:/ { title = val($0) }
			/^slug:/ { slug = val($0) }
			/^date:/ { date = val($0) }
			/^status:/ { status = val($0) }
			END { if (status == "") status = "gepubliceerd"
				printf "%s\t%s\t%s\t%s\n", date, status, slug, title }' "$f"
	done
}

news_index | sort -r >"$tmp/news"
tab=$(printf '\t')
published=$(grep -c "^[^$tab]*${tab}gepubliceerd$tab" "$tmp/news")
# The newest published item whose title needs no HTML escaping.
newest=$(grep "^[^$tab]*${tab}gepubliceerd$tab" "$tmp/news" | grep -v "[&<>\"'\`=]" | head -n 1)
newest_slug=$(echo "$newest" | cut -f 3)
newest_title=$(echo "$newest" | cut -f 4)
concept_slug=$(grep "^[^$tab]*${tab}concept$tab" "$tmp/news" | head -n 1 | cut -f 3)
pages=$(((published + 9) / 10))
[ "$pages" -ge 1 ] || pages=1
first_page=$((published < 10 ? published : 10))

# ---- start ----

echo "# binary: $BIN (timeouts x$slow)"
if ! "$BIN" init --demo --db "$DB" --root "$ROOT" >"$tmp/init.log" 2>&1; then
	check "init --demo creates the database" 'why="$(tail -n 5 "$tmp/init.log")"; false'
	summary
	exit 1
fi
check "init --demo creates the database" 'true'

log=$tmp/server.log
if ! start_server "$log"; then
	check "server starts and /healthz answers within ${START_TMO}s" 'why="$(tail -n 5 "$log")"; false'
	summary
	exit 1
fi
check "server starts and /healthz answers within ${START_TMO}s" 'true'
echo "# listening on $BASE (pid $srv_pid); demo: $published published news, $pages pages"

# ---- health ----

req /healthz
check "GET /healthz -> 200 'ok'" 'is_status 200 && [ "$(cat "$B")" = ok ] || { why="${why:-body: $(head -c 80 "$B")}"; false; }'

# ---- home page ----

req /
home_etag=$(header ETag)
home_len=$(wc -c <"$B" | tr -d ' ')
check "GET / -> 200 text/html; charset=utf-8 with <html lang=\"nl\">" 'is_status 200 && html_page'
check "GET / shows the newest published news title" '[ -n "$newest_title" ] && body_has "$newest_title"'
check "GET / carries the security headers" 'security_headers'
check "GET / has an ETag" '[ -n "$home_etag" ] || { why="no ETag"; false; }'

# ---- news list and paging ----

req /nieuws
check "GET /nieuws -> 200 with $first_page cards" 'is_status 200 && html_page && body_count "class=\"card\"" "$first_page"'
check "GET /nieuws lists a published title" 'body_has "$newest_title"'

req "/nieuws?page=$pages"
last_count=$((published - (pages - 1) * 10))
check "GET /nieuws?page=$pages (last) -> 200 with $last_count cards" 'is_status 200 && body_count "class=\"card\"" "$last_count"'

req "/nieuws?page=$((pages + 1))"
check "GET /nieuws?page=$((pages + 1)) (beyond the last) -> 404" 'is_status 404 && body_has "Pagina niet gevonden"'

for p in 0 -3 abc 1.5 99999999999999999999 '' 2x; do
	req "/nieuws?page=$p"
	check "GET /nieuws?page=$p -> 400" 'is_status 400 && body_has "Ongeldig verzoek"'
done

# ---- news items ----

req "/nieuws/$newest_slug"
check "GET /nieuws/$newest_slug -> 200 with its title in <h1>" 'is_status 200 && html_page && body_has "<h1>$newest_title</h1>"'

if [ -n "$concept_slug" ]; then
	req "/nieuws/$concept_slug"
	check "GET /nieuws/$concept_slug (status: concept) -> 404" 'is_status 404'
else
	check "demo has a concept news item to test" 'why="no status: concept in demo/nieuws"; false'
fi

req /nieuws/bestaat-niet-123
check "GET /nieuws/bestaat-niet-123 -> 404 Dutch HTML page" 'is_status 404 && html_page && body_has "Pagina niet gevonden"'
check "404 carries the security headers and no ETag" 'security_headers && no_header ETag'

for p in '/nieuws/%2Fetc%2Fpasswd' '/nieuws/..%2F..' '/nieuws/%00' '/nieuws/%zz' '/nieuws/a%2F..%2F..%2Fhealthz'; do
	req "$p" --path-as-is
	check "GET $p -> 404 or 400" 'is_status 404 400'
done
check "server still answers after the encoded slugs" 'alive'

# ---- conditional requests, HEAD ----

req / -H "If-None-Match: $home_etag"
check "GET / with If-None-Match: its ETag -> 304, empty body" 'is_status 304 && body_empty && header_is ETag "$home_etag"'
req / -H "If-None-Match: W/$home_etag"
check "GET / with a weak If-None-Match -> 304" 'is_status 304'
req / -H "If-None-Match: \"0000000000000000\", $home_etag"
check "GET / with If-None-Match listing two tags -> 304" 'is_status 304'
req / -H 'If-None-Match: "0000000000000000"'
check "GET / with another ETag -> 200" 'is_status 200'

req / -I
check "HEAD / -> 200, same ETag and length as GET, no body" \
	'is_status 200 && header_is ETag "$home_etag" && header_is Content-Length "$home_len"'
raw 'HEAD / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n'
check "HEAD / over a raw connection sends no body" 'raw_status 200 && raw_no_body'

# ---- static files ----

req /static/css/site.css
css_etag=$(header ETag)
check "GET /static/css/site.css -> 200 text/css" 'is_status 200 && has_header Content-Type text/css'
check "static response has Cache-Control max-age and security headers" 'has_header Cache-Control max-age= && security_headers'
req /static/css/site.css -H "If-None-Match: $css_etag"
check "static with If-None-Match -> 304, empty body" '[ -n "$css_etag" ] && is_status 304 && body_empty'

req /static/nonexistent.css
check "GET /static/nonexistent.css -> 404" 'is_status 404'
req /static/../src/main.c --path-as-is
check "GET /static/../src/main.c -> 404 (no traversal)" 'is_status 404 400 && body_lacks "int main("'
req /static/%2e%2e/src/main.c --path-as-is
check "GET /static/%2e%2e/src/main.c -> 404 (no encoded traversal)" 'is_status 404 400 && body_lacks "int main("'

# ---- methods ----

req / -X POST -d a=1
check "POST / -> 405 with Allow: GET" 'is_status 405 && has_header Allow GET && security_headers'
req /nieuws -X DELETE
check "DELETE /nieuws -> 405 with Allow" 'is_status 405 && has_header Allow GET && body_has "Methode niet toegestaan"'
req /static/css/site.css -X PUT -d x
check "PUT /static/css/site.css -> 405" 'is_status 405'

# ---- trailing slash ----

req /nieuws/
check "GET /nieuws/ -> 301 Location: /nieuws" 'is_status 301 && header_is Location /nieuws'
req '/nieuws/?page=2'
check "GET /nieuws/?page=2 -> 301 Location keeps the query" 'is_status 301 && header_is Location "/nieuws?page=2"'
req /nieuws/ -X POST -d a=1
check "POST /nieuws/ -> 308 (keeps the method)" 'is_status 308 && header_is Location /nieuws'
req /bestaat-niet/
check "GET /bestaat-niet/ -> 404, no redirect" 'is_status 404 && no_header Location'
req //evil.example/ --path-as-is
check "GET //evil.example/ is no open redirect" 'is_status 404 400 || { case $(header Location) in //*) why="Location: $(header Location)"; false;; esac; }'
req '/nieuws/?x=%0d%0aSet-Cookie:%20a=1'
check "redirect with %0d%0a in the query injects no header" 'is_status 301 && no_header Set-Cookie'

# ---- unknown paths ----

req /bestaat-niet
check "GET /bestaat-niet -> 404 Dutch page" 'is_status 404 && html_page && body_has "Pagina niet gevonden"'

# ---- limits and malformed requests ----

head -c 2097152 /dev/zero | tr '\0' a >"$tmp/big"
req / -X POST --data-binary "@$tmp/big" -H 'Content-Type: application/x-www-form-urlencoded'
check "POST / with a 2 MiB body -> 413 (cap before routing)" \
	'is_status 413 || { [ "$code" = 405 ] && why="got 405: body cap is checked after routing (bug)"; false; }'
req / -X POST --data-binary "@$tmp/big" -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/octet-stream'
check "chunked POST / of 2 MiB (no Content-Length) -> 413" 'is_status 413 && body_has "Te veel gegevens"'

long=$(head -c 20000 /dev/zero | tr '\0' x)
req "/?q=$long"
check "GET / with a 20 KB query string -> not 5xx" 'not_5xx && [ "$code" != 000 ] || { why="${why:-connection closed$(curl_note)}"; false; }'

printf 'X-Big: %s\r\n' "$(head -c 102400 /dev/zero | tr '\0' y)" >"$tmp/bighdr"
req / -H "@$tmp/bighdr"
check "a 100 KB header line -> 4xx or closed" 'case $code in 4*) true ;; *) not_5xx ;; esac'
check "server still answers after the big header" 'alive'

req '/?q=%zz'
check "GET /?q=%zz (bad percent-encoding) -> 400" 'is_status 400'
req '/?q=%4'
check "GET /?q=%4 (truncated percent-encoding) -> 400" 'is_status 400'

many=$(awk 'BEGIN { for (i = 1; i <= 300; i++) printf "%sa=%d", (i > 1 ? "&" : ""), i }')
req "/?$many"
check "GET / with 300 query fields -> 200 or 414" 'is_status 200 414'

# ---- XSS ----

req '/nieuws?page=<script>alert(1)</script>'
check "GET /nieuws?page=<script> -> 400 without the script echoed" 'is_status 400 && body_lacks "<script>"'
req '/nieuws?page=%3Cscript%3Ealert(1)%3C/script%3E'
check "GET /nieuws?page=%3Cscript%3E -> 400 without the script echoed" 'is_status 400 && body_lacks "<script>"'

# ---- raw connections ----

raw 'GARBAGE \001\002 nonsense\r\n\r\n'
check "raw garbage request -> 400 or closed" \
	'[ ! -s "$B" ] || head -n 1 "$B" | grep -q "^HTTP/1.[01] 4" || { why="answer: $(head -n 1 "$B")"; false; }'
check "server still answers after the garbage" 'alive'

# ---- keep-alive, HTTP/1.0 ----

conns=$(curl -s -o /dev/null -o /dev/null -o /dev/null --max-time "$TMO" -w '%{http_code}:%{num_connects} ' \
	"$BASE/" "$BASE/nieuws" "$BASE/healthz")
check "three requests on one keep-alive connection" \
	'[ "$conns" = "200:1 200:0 200:0 " ] || { why="code:connects = $conns"; false; }'
req / -0
check "HTTP/1.0 GET / -> 200" 'is_status 200'

# ---- concurrency ----

jobs_pids=
i=0
while [ "$i" -lt 50 ]; do
	case $((i % 5)) in
	0) u=/ ;; 1) u=/nieuws ;; 2) u="/nieuws?page=2" ;; 3) u=/static/css/site.css ;; 4) u="/nieuws/$newest_slug" ;;
	esac
	curl -s -o /dev/null --max-time "$((TMO * 2))" -w '%{http_code}\n' "$BASE$u" >"$tmp/par.$i" 2>&1 &
	jobs_pids="$jobs_pids $!"
	i=$((i + 1))
done
for p in $jobs_pids; do wait "$p"; done
par_ok=$(cat "$tmp"/par.* | grep -c '^200$')
check "50 parallel requests all 200" \
	'[ "$par_ok" -eq 50 ] || { why="$par_ok of 50; others: $(cat "$tmp"/par.* | grep -v "^200$" | sort | uniq -c | tr "\n" " ")"; false; }'
check "server still answers after the parallel burst" 'alive'

# ---- access log ----

# Access log lines are buffered per thread and written at least once a second.
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
	grep -q " GET /nieuws/ 301 " "$log" && grep -q " POST / 413 " "$log" && break
	sleep 0.2
done
check "access log has 'GET /nieuws 200'" 'grep -q " GET /nieuws 200 " "$log" || { why="no such line in the server log"; false; }'
check "access log has 'GET /nieuws/ 301' and 'POST / 413'" \
	'grep -q " GET /nieuws/ 301 " "$log" && grep -q " POST / 413 " "$log" || { why="line missing"; false; }'
check "server log holds no client address" \
	'! grep -q "127\.0\.0\.1" "$log" || { why="$(grep "127\.0\.0\.1" "$log" | head -n 1)"; false; }'
check "access log holds no query strings" \
	'! grep -q "page=" "$log" || { why="$(grep "page=" "$log" | head -n 1)"; false; }'

# ---- graceful shutdown ----

stop_server
check "SIGTERM: server exits 0 within ${STOP_TMO}s" \
	'[ "$stop_rc" = 0 ] || { why="exit $stop_rc after ${stop_secs}s"; false; }'
check "connections refused after shutdown" \
	'curl -s -o /dev/null --max-time 2 "$BASE/healthz"; [ $? -eq 7 ] || { why="port $port still answers"; false; }'

# ---- a separate instance for a request that may hang a connection ----

# Query fields used to fill libmicrohttpd's per-connection memory pool before the
# application saw the request, and a full pool left the client waiting for the
# idle timeout (server.c, on_uri); they must get our 414 promptly. Run on its own
# server so a stuck connection cannot slow the shutdown check above.
log2=$tmp/server2.log
if start_server "$log2"; then
	fields=$(awk 'BEGIN { for (i = 1; i <= 1000; i++) printf "%sa=%d", (i > 1 ? "&" : ""), i }')
	# Bounded below libmicrohttpd's 30 s idle timeout, which would close the connection anyway.
	hang_tmo=$((TMO < 15 ? TMO : 15))
	req "/?$fields" --max-time "$hang_tmo"
	check "GET / with 1000 query fields -> 414, within ${hang_tmo}s" \
		'is_status 414 || { why="$why; server log: $(grep -m 1 "http:" "$log2")"; false; }'
	fields=$(awk 'BEGIN { for (i = 1; i <= 4000; i++) printf "a&" }')
	req "/nieuws?$fields" --max-time "$hang_tmo"
	check "GET /nieuws with 4000 empty query fields (8 KB, passes nginx) -> 414, within ${hang_tmo}s" \
		'is_status 414 || { why="$why; server log: $(grep -m 1 "http:" "$log2")"; false; }'
	check "second server still answers afterwards" 'alive'
	kill -KILL "$srv_pid" 2>/dev/null
	wait "$srv_pid" 2>/dev/null
	forget_pid "$srv_pid"
else
	check "second server starts" 'why="$(tail -n 5 "$log2")"; false'
fi

# ---- sanitizers ----

san='ERROR: (Address|Leak)Sanitizer|runtime error:'
check "no AddressSanitizer/LeakSanitizer/UBSan reports in the server logs" \
	'! cat "$log" "$log2" 2>/dev/null | grep -qE "$san" ||
	{ why="$(cat "$log" "$log2" 2>/dev/null | grep -E -A 5 "$san" | head -n 30)"; false; }'

# ---- summary ----

mkdir -p "$BUILD" 2>/dev/null && cp "$log" "$BUILD/integration-server.log" 2>/dev/null
if [ "$nfail" -gt 0 ]; then
	echo "# server log (last 15 lines; all of it in $BUILD/integration-server.log):"
	tail -n 15 "$log" | sed 's/^/#   /'
fi
summary
