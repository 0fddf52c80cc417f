#!/bin/sh
# Search benchmark: builds bench/search_bench against the library, starts a
# throw-away PostgreSQL (Debian's server, initdb in a temporary directory,
# loopback only), and compares both engines on the same generated corpus.
# Usage: bench/search.sh BUILD [DOCS]   (default 100000 documents)
set -eu
build=${1:-build}
docs=${2:-${DOCS:-100000}}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL ontbreekt: apt-get install postgresql"; exit 1; }
pkg-config --exists libpq || { echo "libpq ontbreekt: apt-get install libpq-dev"; exit 1; }

pkgs="libmicrohttpd sqlite3 md4c yaml-0.1 jansson libsodium liboath libqrencode libpq"
cc -std=c17 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -Isrc $(pkg-config --cflags $pkgs) bench/search_bench.c "$build/libvertrouwd.a" \
	$(pkg-config --libs $pkgs) -lstemmer -lpthread -lm -o "$build/search_bench"

tmp=$(mktemp -d)
chmod 755 "$tmp"
cleanup() {
	[ -n "${KEEP:-}" ] && cp "$tmp/bench.db" "$KEEP" 2>/dev/null
	[ -f "$tmp/pg/postmaster.pid" ] && su postgres -s /bin/sh -c "$pgbin/pg_ctl -D $tmp/pg -m immediate stop" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
port=$((25000 + $$ % 5000))
mkdir -p "$tmp/pg" "$tmp/sock" && chown postgres "$tmp/pg" "$tmp/sock"
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run_pg "$pgbin/initdb -D $tmp/pg -A trust -U bench --locale=C.UTF-8 -E UTF8" >/dev/null
run_pg "$pgbin/pg_ctl -D $tmp/pg -l $tmp/pg/log -o '-c listen_addresses=127.0.0.1 -p $port -k $tmp/sock -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off' -w start" >/dev/null
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (fsync off, like SQLite's WAL with synchronous=NORMAL in spirit)"
${PERF:-} "$build/search_bench" "$docs" "$tmp" "host=127.0.0.1 port=$port user=bench dbname=postgres"
