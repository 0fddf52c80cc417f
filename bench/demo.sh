# The start the benchmarks on the demo store share: wrk's settings from the
# environment (DURATION, CONNECTIONS, THREADS), wrk itself, a temporary
# directory removed at exit together with the server, and `vertrouwd serve` on
# a fresh demo store at $BASE (pid $srv_pid).
#
#   bin=...; . bench/demo.sh
duration=${DURATION:-10s}
conns=${CONNECTIONS:-4}
threads=${THREADS:-2}
command -v wrk >/dev/null || { echo "wrk ontbreekt: apt-get install wrk"; exit 1; }
tmp=$(mktemp -d)
srv_pid=""
trap '[ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
"$bin" init --demo --db "sqlite:$tmp/b.db" >/dev/null 2>&1
. tests/lib/tls.sh
. tests/lib/serve.sh
serve_free "$bin" "$tmp/log" --db "sqlite:$tmp/b.db" --log-level warn >/dev/null || { echo "de server start niet"; exit 1; }
