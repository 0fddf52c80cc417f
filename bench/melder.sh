#!/bin/sh
# The melder's channel under load: how many reports per second one server files,
# each with its case key, Argon2id for the receipt code (7 MiB, 5 passes), sealing
# to the organisation's two VPs and the records boxed; and how long a receipt-code
# sign-in takes (one Argon2id run and a mailbox session). A peer to compare with:
# the same server's cached public page in the same run.
#
# Usage: bench/melder.sh BIN   (env: DURATION=10s CONNECTIONS=4 THREADS=2 SIGNINS=20)
set -eu
bin=${1:-build/vertrouwd}
signins=${SIGNINS:-20}
. bench/demo.sh
cat >"$tmp/report.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "organisatie=gemeente-rivierstad&vp=alle&soort=melden&onderwerp=werkdruk&bereik=postvak&toestemming=1" ..
	"&bericht=" .. string.rep("Een+bericht+van+een+melder+over+wat+er+op+het+werk+gebeurt.+", 20)
done = function(summary, latency, requests)
	io.write(string.format("non-2xx: %d\n", summary.errors.status))
end
LUA
thp=$(sed -n 's/.*\[\(.*\)\].*/\1/p' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)
echo "== reports filed per second (POST /melden, $conns connections, $duration; transparent huge pages: ${thp:-?}) =="
wrk -t"$threads" -c"$conns" -d"$duration" --latency -s "$tmp/report.lua" "$BASE/melden" | tee "$tmp/wrk.out" |
	grep -E 'Requests/sec|50%|99%|non-2xx'
echo "== the cached organisation page in the same run (GET, 64 connections) =="
wrk -t"$threads" -c64 -d"$duration" "$BASE/organisaties/gemeente-rivierstad" | grep -E 'Requests/sec'

echo "== receipt-code sign-in ($signins times, one after the other) =="
curl -s -o "$tmp/receipt" --data-urlencode organisatie=gemeente-rivierstad --data-urlencode vp=alle \
	--data-urlencode soort=sparren --data-urlencode 'bericht=Voor de meting.' --data-urlencode toestemming=1 "$BASE/melden"
code=$(grep -o 'aria-label="Ontvangstcode: [0-9 ]*"' "$tmp/receipt" | sed 's/.*: //; s/"//')
for i in $(seq "$signins"); do
	curl -s -o /dev/null -w '%{time_total}\n' --data-urlencode organisatie=gemeente-rivierstad \
		--data-urlencode "code=$code" "$BASE/postvak/inloggen"
done | awk '{ s += $1; if ($1 > m) m = $1 } END { printf "mean %.1f ms, slowest %.1f ms per sign-in (Argon2id 7 MiB, 5 passes, and the session)\n", s * 1000 / NR, m * 1000 }'
