#!/bin/sh
# HTTP benchmark: wrk against vertrouwd and against nginx serving the very same HTML
# as a static file, with the same connections and duration, in interleaved rounds.
#
# The method of the performance issue: vertrouwd as `make run` starts it (default
# settings, so the access log is on: one line per request on stderr, here sent to a
# file) against nginx with its access log on and buffered (`buffer=64k`). The same
# comparison is made with the access log off on both sides (`--log-level warn`
# here, `access_log off` there), and with our page cache off (`--page-cache 0`).
# Each round measures every setup once, one after the other, so a disturbance
# (another job on the machine) hits one round, not one side; the ratio is taken
# within a round and the median over the rounds is printed.
#
# Usage: bench/http.sh BIN   (env: DURATION=10s CONNECTIONS=64 THREADS=2 ROUNDS=3,
#        ALL_PAGES=1 to add a kennisbank page and a category-filtered list to the
#        news item)
set -eu
bin=${1:-build/vertrouwd}
duration=${DURATION:-10s}
conns=${CONNECTIONS:-64}
wrk_threads=${THREADS:-2}
rounds=${ROUNDS:-3}
command -v wrk >/dev/null || { echo "wrk ontbreekt: apt-get install wrk"; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx ontbreekt: apt-get install nginx-light"; exit 1; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)

tmp=$(mktemp -d)
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

free_port() {
	p=$1
	while curl -s -o /dev/null "http://127.0.0.1:$p/" 2>/dev/null; do p=$((p + 1)); done
	echo "$p"
}

"$bin" init --demo --db "sqlite:$tmp/bench.db" --root . >/dev/null 2>&1

# Four servers on one store: page cache on/off, access log on/off. Only the flags
# named here differ from `vertrouwd serve`'s defaults.
port=18080
start_server() { # name flags...
	name=$1
	shift
	port=$(free_port "$port")
	"$bin" serve --db "sqlite:$tmp/bench.db" --root . --listen "127.0.0.1:$port" "$@" \
		>"$tmp/$name.out" 2>"$tmp/$name.log" &
	pids="$pids $!"
	for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
	eval "port_$name=$port"
	port=$((port + 1))
}
start_server cached
start_server cached_quiet --log-level warn
start_server uncached --page-cache 0
start_server uncached_quiet --page-cache 0 --log-level warn

# The pages to compare; nginx serves each page's HTML as a static file.
news=$(curl -s "http://127.0.0.1:$port_cached/nieuws" | grep -o 'href="/nieuws/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"//')
pages=$news
[ "${ALL_PAGES:-0}" = 1 ] &&
	pages="$news /kennisbank/wat-doet-een-vertrouwenspersoon /nieuws?categorie=integriteit&categorie=klokkenluider"
mkdir -p "$tmp/www" "$tmp/ngx/logs"
i=0
for p in $pages; do
	i=$((i + 1))
	curl -s "http://127.0.0.1:$port_cached$p" >"$tmp/www/page$i.html"
done
chmod 755 "$tmp" && chmod -R a+rX "$tmp/www" # nginx workers run as another user
chmod 777 "$tmp/ngx/logs"
nport_log=$(free_port 19080)
nport_quiet=$(free_port $((nport_log + 1)))
cat >"$tmp/ngx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
error_log $tmp/ngx/logs/error.log warn;
pid $tmp/ngx/nginx.pid;
events { worker_connections 1024; }
http {
	default_type text/html;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 100000;
	client_body_temp_path $tmp/ngx/body;
	proxy_temp_path $tmp/ngx/proxy;
	fastcgi_temp_path $tmp/ngx/fastcgi;
	uwsgi_temp_path $tmp/ngx/uwsgi;
	scgi_temp_path $tmp/ngx/scgi;
	server {
		listen 127.0.0.1:$nport_log;
		root $tmp/www;
		access_log $tmp/ngx/logs/access.log combined buffer=64k flush=1s;
	}
	server {
		listen 127.0.0.1:$nport_quiet;
		root $tmp/www;
		access_log off;
	}
}
CONF
"$nginx" -p "$tmp/ngx" -c "$tmp/ngx/nginx.conf" &
pids="$pids $!"
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$nport_log/page1.html" >/dev/null && break; sleep 0.1; done

run() { # name url -> prints a line on stderr, req/s on stdout
	out=$(wrk -t"$wrk_threads" -c"$conns" -d"$duration" --latency "$2")
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	errs=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
	printf '    %-26s %10s req/s   p50 %8s   p99 %8s  %s\n' "$1" "$rps" "$p50" "$p99" "$errs" >&2
	echo "$rps"
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v v="$1" -v n="$2" 'BEGIN { printf "%.2f", v / n }'; }

echo "wrk -t$wrk_threads -c$conns -d$duration, $rounds interleaved rounds; $(nproc) cores shared by the servers and wrk"
echo "vertrouwd: default settings (access log on, to a file), page cache 512 or 0; 'quiet': --log-level warn"
echo "nginx: the same HTML as a static file, access log on (buffer=64k) or off; worker_processes auto"
i=0
for p in $pages; do
	i=$((i + 1))
	for url in "http://127.0.0.1:$port_cached$p" "http://127.0.0.1:$port_uncached$p" \
		"http://127.0.0.1:$nport_log/page$i.html" "http://127.0.0.1:$nport_quiet/page$i.html"; do
		code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
		[ "$code" = 200 ] || { echo "$url answers $code, not 200"; exit 1; }
		wrk -t1 -c8 -d1s "$url" >/dev/null # warm up (page caches, connections)
	done
	echo "page: $p ($(wc -c <"$tmp/www/page$i.html") bytes)"
	r_cl=""; r_ul=""; r_cq=""; r_uq=""
	r=0
	while [ "$r" -lt "$rounds" ]; do
		r=$((r + 1))
		echo "  round $r" >&2
		vc=$(run "vertrouwd, log on" "http://127.0.0.1:$port_cached$p")
		nl=$(run "nginx, log on" "http://127.0.0.1:$nport_log/page$i.html")
		vu=$(run "vertrouwd uncached, log on" "http://127.0.0.1:$port_uncached$p")
		vcq=$(run "vertrouwd, log off" "http://127.0.0.1:$port_cached_quiet$p")
		nq=$(run "nginx, log off" "http://127.0.0.1:$nport_quiet/page$i.html")
		vuq=$(run "vertrouwd uncached, log off" "http://127.0.0.1:$port_uncached_quiet$p")
		r_cl="$r_cl $(ratio "$vc" "$nl")"
		r_ul="$r_ul $(ratio "$vu" "$nl")"
		r_cq="$r_cq $(ratio "$vcq" "$nq")"
		r_uq="$r_uq $(ratio "$vuq" "$nq")"
		echo "    ratios: cached/log $(ratio "$vc" "$nl"), uncached/log $(ratio "$vu" "$nl"), cached/quiet $(ratio "$vcq" "$nq"), uncached/quiet $(ratio "$vuq" "$nq")" >&2
	done
	echo "  median ratio vertrouwd/nginx over $rounds rounds:"
	echo "    cached page,   access log on:  $(echo "$r_cl" | median)   (rounds:$r_cl; target >= 0.80)"
	echo "    uncached page, access log on:  $(echo "$r_ul" | median)   (rounds:$r_ul; target >= 0.30)"
	echo "    cached page,   access log off: $(echo "$r_cq" | median)   (rounds:$r_cq)"
	echo "    uncached page, access log off: $(echo "$r_uq" | median)   (rounds:$r_uq)"
done
echo "access log lines written: vertrouwd $(cat "$tmp/cached.log" "$tmp/uncached.log" | wc -l), nginx $(wc -l <"$tmp/ngx/logs/access.log")"
