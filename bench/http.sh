#!/bin/sh
# HTTP benchmark: wrk against vertrouwd's news-item page and against nginx serving
# the very same HTML as a static file, with the same connections and duration.
# Pages: a news item, a kennisbank page and a category-filtered list.
# Prints req/s, p50 and p99 latency and the ratio vertrouwd/nginx for each.
# Usage: bench/http.sh BIN   (env: DURATION=10s CONNECTIONS=64 THREADS=2,
#        PAGE_CACHE=0 to measure every request rendered from scratch)
set -eu
bin=${1:-build/vertrouwd}
duration=${DURATION:-10s}
conns=${CONNECTIONS:-64}
wrk_threads=${THREADS:-2}
command -v wrk >/dev/null || { echo "wrk ontbreekt: apt-get install wrk"; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx ontbreekt: apt-get install nginx-light"; exit 1; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)

tmp=$(mktemp -d)
srv=""; ngx=""
cleanup() {
	[ -n "$srv" ] && kill "$srv" 2>/dev/null || true
	[ -n "$ngx" ] && kill "$ngx" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

free_port() {
	p=$1
	while curl -s -o /dev/null "http://127.0.0.1:$p/" 2>/dev/null; do p=$((p + 1)); done
	echo "$p"
}

"$bin" init --demo --db "sqlite:$tmp/bench.db" --root . >/dev/null 2>&1
vport=$(free_port 18080)
"$bin" serve --db "sqlite:$tmp/bench.db" --root . --listen "127.0.0.1:$vport" --log-level warn \
	--page-cache "${PAGE_CACHE:-512}" >"$tmp/v.log" 2>&1 &
srv=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$vport/healthz" >/dev/null && break; sleep 0.1; done

# The pages to compare: a news item, a kennisbank page with its table of contents,
# and a category-filtered list. nginx serves each page's HTML as a static file.
news=$(curl -s "http://127.0.0.1:$vport/nieuws" | grep -o 'href="/nieuws/[a-z0-9-]*"' | head -1 | sed 's/href="//; s/"//')
pages="$news /kennisbank/wat-doet-een-vertrouwenspersoon /nieuws?categorie=integriteit&categorie=klokkenluider"
mkdir -p "$tmp/www" "$tmp/ngx/logs"
i=0
for p in $pages; do
	i=$((i + 1))
	curl -s "http://127.0.0.1:$vport$p" >"$tmp/www/page$i.html"
done
chmod 755 "$tmp" && chmod -R a+rX "$tmp/www" # nginx workers run as another user
nport=$(free_port 19080)
cat >"$tmp/ngx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
error_log $tmp/ngx/logs/error.log warn;
pid $tmp/ngx/nginx.pid;
events { worker_connections 1024; }
http {
	access_log off;
	default_type text/html;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 100000;
	client_body_temp_path $tmp/ngx/body;
	proxy_temp_path $tmp/ngx/proxy;
	fastcgi_temp_path $tmp/ngx/fastcgi;
	uwsgi_temp_path $tmp/ngx/uwsgi;
	scgi_temp_path $tmp/ngx/scgi;
	server { listen 127.0.0.1:$nport; root $tmp/www; }
}
CONF
"$nginx" -p "$tmp/ngx" -c "$tmp/ngx/nginx.conf" &
ngx=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$nport/page1.html" >/dev/null && break; sleep 0.1; done

run() { # name url -> prints a line on stderr, req/s on stdout
	out=$(wrk -t"$wrk_threads" -c"$conns" -d"$duration" --latency "$2")
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	errs=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
	printf '  %-10s %10s req/s   p50 %8s   p99 %8s  %s\n' "$1" "$rps" "$p50" "$p99" "$errs" >&2
	echo "$rps"
}

echo "wrk -t$wrk_threads -c$conns -d$duration; $(nproc) cores shared by the servers and wrk; page cache ${PAGE_CACHE:-512}"
i=0
for p in $pages; do
	i=$((i + 1))
	for url in "http://127.0.0.1:$vport$p" "http://127.0.0.1:$nport/page$i.html"; do
		code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
		[ "$code" = 200 ] || { echo "$url answers $code, not 200"; exit 1; }
	done
	echo "page: $p ($(wc -c <"$tmp/www/page$i.html") bytes)"
	v=$(run vertrouwd "http://127.0.0.1:$vport$p")
	n=$(run nginx "http://127.0.0.1:$nport/page$i.html")
	awk -v v="$v" -v n="$n" 'BEGIN { printf "  ratio vertrouwd/nginx: %.2f (target >= 0.50)\n", v / n }'
done
