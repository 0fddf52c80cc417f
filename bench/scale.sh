#!/bin/sh
# Scale benchmark: wrk through nginx against 1, 2 and 3 vertrouwd servers on one
# PostgreSQL database (a throw-away cluster on this machine), for a mix of pages,
# and the single SQLite process for comparison. Prints req/s, p50 and p99 per
# setup and the database time per request (from the servers' own count of time
# spent waiting on the store, printed when they stop).
#
#   sh bench/scale.sh BIN   (env: DURATION=10s CONNECTIONS=32 PAGE_CACHE=0)
#
# The page cache is off by default so that every request reaches the database;
# PAGE_CACHE=512 measures what visitors usually get.
set -u
bin=${1:-build/vertrouwd}
duration=${DURATION:-10s}
conns=${CONNECTIONS:-32}
cache=${PAGE_CACHE:-0}
command -v wrk >/dev/null || { echo "wrk ontbreekt: apt-get install wrk"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vertrouwd-scale.XXXXXX")
chmod 755 "$tmp"
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	sh tests/pg/cluster.sh stop "$tmp/pg"
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
. tests/lib/serve.sh
. tests/lib/balancer.sh

sh tests/pg/cluster.sh start "$tmp/pg" >/dev/null || { echo "PostgreSQL start failed"; exit 1; }
pgdb=$(sh tests/pg/cluster.sh db "$tmp/pg" scale)
"$bin" init --demo --db "$pgdb" --root . >/dev/null 2>&1
"$bin" init --demo --db "sqlite:$tmp/lite/v.db" --root . >/dev/null 2>&1

# The mix: home, lists (one filtered), items of three kinds, a category, a search.
item=$(grep -l 'status: gepubliceerd' demo/nieuws/*.md | head -1 | sed 's|demo/nieuws/\(.*\)\.md|/nieuws/\1|')
cat >"$tmp/mix.lua" <<LUA
local paths = { "/", "/nieuws", "/nieuws?categorie=integriteit", "$item",
  "/kennisbank/wat-doet-een-vertrouwenspersoon", "/kennisbank", "/categorie/pesten",
  "/zoeken?q=pesten+op+het+werk", "/downloads", "/voor-organisaties" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

# run LABEL URL LOGS...: wrk against URL, then stop the servers and add up their store time.
run() {
	label=$1 url=$2
	shift 2
	curl -s -o /dev/null "$url/"
	wrk -t2 -c"$conns" -d"$duration" --latency -s "$tmp/mix.lua" "$url" >"$tmp/wrk.out" 2>&1
	rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$tmp/wrk.out")
	p50=$(sed -n 's/^ *50% *\([0-9.]*[a-z]*\).*/\1/p' "$tmp/wrk.out")
	p99=$(sed -n 's/^ *99% *\([0-9.]*[a-z]*\).*/\1/p' "$tmp/wrk.out")
	reqs=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$tmp/wrk.out")
	errors=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$tmp/wrk.out")
	for p in $servers; do kill "$p"; done
	for p in $servers; do wait "$p" 2>/dev/null; done
	us=0
	for log in "$@"; do
		n=$(sed -n 's/.*store: [0-9]* statements, \([0-9]*\) µs.*/\1/p' "$log" | tail -1)
		us=$((us + ${n:-0}))
	done
	per=$(awk -v us="$us" -v r="${reqs:-0}" 'BEGIN { if (r > 0) printf "%.2f", us / r / 1000; else print "-" }')
	printf '%-28s %10s %9s %9s %13s %s\n' "$label" "$rps" "$p50" "$p99" "$per ms" "${errors:+($errors errors)}"
}

echo "# wrk: $conns connections, $duration, page mix of 10 pages; page cache $cache per thread; $(nproc) cores"
printf '%-28s %10s %9s %9s %13s\n' setup req/s p50 p99 "db time/req"
for n in 1 2 3; do
	servers="" ports="" logs=""
	for i in $(seq 1 "$n"); do
		serve_free "$bin" "$tmp/pg$n-$i.log" --db "$pgdb" --root . --page-cache "$cache" --log-level info ||
			{ echo "server start failed"; exit 1; }
		servers="$servers $srv_pid" ports="$ports $port" logs="$logs $tmp/pg$n-$i.log"
		pids="$pids $srv_pid"
	done
	# shellcheck disable=SC2086
	balancer_start "$tmp/nginx$n" $ports || { echo "nginx start failed"; exit 1; }
	pids="$pids $lb_pid"
	# shellcheck disable=SC2086
	run "PostgreSQL, $n server(s), nginx" "$LB" $logs
	kill "$lb_pid" 2>/dev/null
	wait "$lb_pid" 2>/dev/null
done
serve_free "$bin" "$tmp/lite.log" --db "sqlite:$tmp/lite/v.db" --root . --page-cache "$cache" --log-level info ||
	{ echo "server start failed"; exit 1; }
servers=$srv_pid
pids="$pids $srv_pid"
balancer_start "$tmp/nginx-lite" "$port" || exit 1
pids="$pids $lb_pid"
run "SQLite, 1 server, nginx" "$LB" "$tmp/lite.log"
serve_free "$bin" "$tmp/lite2.log" --db "sqlite:$tmp/lite/v.db" --root . --page-cache "$cache" --log-level info || exit 1
servers=$srv_pid
pids="$pids $srv_pid"
run "SQLite, 1 server, direct" "$BASE" "$tmp/lite2.log"
