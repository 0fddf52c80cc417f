#!/bin/sh
# Three `vertrouwd serve` processes behind nginx on one throw-away PostgreSQL
# database: a session made through one server works on the others, scheduled
# items are published exactly once, one server holds the publisher's lease
# at a time, and when a server is killed mid-test the others keep serving
# with no write lost (and another takes over the lease).
#
#   sh tests/cluster/run.sh BIN
#
# Prints "ok - ..." lines and a final "cluster: N passed, M failed" (also to $SUMMARY).
set -u
bin=${1:-build/vertrouwd}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vertrouwd-cluster.XXXXXX")
pgdir=$tmp/pg
chmod 755 "$tmp" # the cluster runs as postgres when we are root
pgbin=${PG_BIN:-/usr/lib/postgresql/15/bin}
servers=""
nginx_pid=""
cleanup() {
	for p in $servers $nginx_pid; do kill "$p" 2>/dev/null; done
	sh tests/pg/cluster.sh stop "$pgdir"
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
. tests/lib/tap.sh
finish() { tap_finish "cluster"; }

# ---- the database, three servers, the balancer ----
if ! sh tests/pg/cluster.sh start "$pgdir" >/dev/null; then not_ok "the PostgreSQL test cluster starts"; finish; fi
db=$(sh tests/pg/cluster.sh db "$pgdir" vt)
sql() { "$pgbin/psql" -X -q -t -A "$db" -c "$1"; }
"$bin" init --demo --db "$db" --root . >/dev/null 2>&1 || { not_ok "init on PostgreSQL" "$("$bin" init --db "$db" 2>&1 | tail -2)"; finish; }
"$bin" user add red@example.nl --name "Rita" --roles redacteur --db "$db" >/dev/null 2>&1
echo "paarse olifant op de fiets" | "$bin" user set-password red@example.nl --password-stdin --db "$db" >/dev/null 2>&1

. tests/lib/serve.sh
ports=""
for i in 1 2 3; do
	serve_free "$bin" "$tmp/log$i" --db "$db" --root . --publish-interval 1 || { not_ok "server $i starts"; finish; }
	servers="$servers $srv_pid"
	ports="$ports $port"
	eval "pid$i=$srv_pid port$i=$port"
done
ok "three servers run on one database"

. tests/lib/balancer.sh
# shellcheck disable=SC2086
balancer_start "$tmp/nginx" $ports
nginx_pid=$lb_pid
u=$LB
check "nginx balances the three" "$(curl -s -o /dev/null -w '%{http_code}' "$u/healthz")" 200

# ---- one session, every server ----
jar=$tmp/jar
csrf=$(curl -s -c "$jar" -b "$jar" "$u/inloggen" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
check "sign in through the balancer" "$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" \
	--data-urlencode email=red@example.nl --data-urlencode 'password=paarse olifant op de fiets' "$u/inloggen")" 303
codes=""
for p in $ports; do codes="$codes $(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/redactie")"; done
check "the session works on each server directly" "$codes" " 200 200 200"
ecsrf=$(curl -s -b "$jar" "$u/redactie/nieuw?type=nieuws" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
save() { # slug status publish_at -> HTTP status
	curl -s -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$ecsrf" --data-urlencode type=nieuws \
		--data-urlencode "title=Clustertest $1" --data-urlencode "slug=$1" --data-urlencode date=2026-01-01 \
		--data-urlencode "status=$2" --data-urlencode "publish_at=$3" --data-urlencode categories=Integriteit \
		--data-urlencode 'body=Geschreven door de clustertest.' --data-urlencode opslaan=1 "$u/redactie/opslaan"
}
public() { # slug... -> how many are on the site
	n=0
	for s in "$@"; do [ "$(curl -s -o /dev/null -w '%{http_code}' "$u/nieuws/$s")" = 200 ] && n=$((n + 1)); done
	echo $n
}
wait_public() { # seconds slug... -> how many are public at the end
	t=$1; shift
	for _ in $(seq $((t * 2))); do [ "$(public "$@")" = $# ] && break; sleep 0.5; done
	public "$@"
}

# ---- scheduled work: once, by the lease holder ----
slugs=""
for i in $(seq 1 12); do slugs="$slugs race-$i"; st=$(save "race-$i" gepland 2001-01-01T09:00); [ "$st" = 303 ] || not_ok "schedule race-$i" "$st"; done
# shellcheck disable=SC2086
check "twelve items scheduled in the past go live" "$(wait_public 20 $slugs)" 12
check "each is published exactly once" "$(sql "SELECT count(*) FROM audit_log WHERE action LIKE '%volgens planning' AND object LIKE 'nieuws/race-%'")" 12
holders=0
holder=""
for i in 1 2 3; do
	if grep -q 'publicatietaak: deze server voert haar uit' "$tmp/log$i"; then holders=$((holders + 1)); holder=$i; fi
done
check "one server holds the publisher's lease" "$holders" 1

# ---- a server dies mid-test ----
victim=${holder:-1}
eval "vpid=\$pid$victim"
writes=30
i=0
: >"$tmp/statuses"
while [ $i -lt $writes ]; do
	i=$((i + 1))
	[ $i = 10 ] && kill -9 "$vpid"
	save "kill-$i" gepubliceerd "" >>"$tmp/statuses"
	echo >>"$tmp/statuses"
done
check "every write through the balancer succeeds while a server dies" "$(grep -c '^303$' "$tmp/statuses")" $writes
check "and every write is stored" "$(sql "SELECT count(*) FROM items WHERE slug LIKE 'kill-%'")" $writes
check "the dead server is gone" "$(kill -0 "$vpid" 2>/dev/null && echo alive || echo dead)" dead
after=""
for i in 1 2 3; do after="$after late-$i"; save "late-$i" gepland 2001-01-01T09:00 >/dev/null; done
# The lease lasts a few publish intervals; another server takes it over when it runs out.
# shellcheck disable=SC2086
check "another server takes over the scheduled work" "$(wait_public 30 $after)" 3
check "those too are published exactly once" "$(sql "SELECT count(*) FROM audit_log WHERE action LIKE '%volgens planning' AND object LIKE 'nieuws/late-%'")" 3
grep -q 'AddressSanitizer\|runtime error:' "$tmp"/log? && not_ok "sanitizer reports" || ok "no sanitizer reports"
finish
