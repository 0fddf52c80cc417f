#!/bin/sh
# The VP's workspace with thousands of cases: how fast a VP registers contacts
# (each a case key sealed to the VP, the contact and dossier boxed, themes and
# tags, the next deadline), then how fast the case list answers, first page,
# a late page and a filtered page, with the deadline overview counted on each.
# A peer to compare with: the same server's public home page in the same run.
#
# Usage: bench/workspace.sh BIN   (env: DURATION=10s CONNECTIONS=4 THREADS=2 CASES=3000)
set -eu
bin=${1:-build/vertrouwd}
want=${CASES:-3000}
command -v oathtool >/dev/null || { echo "oathtool ontbreekt: apt-get install oathtool"; exit 1; }
. bench/demo.sh
jar=$tmp/jar
c=$(signin_form "$BASE" "$jar")
signin_post "$BASE" "$jar" "$c" erik@demo.vertrouwd.example demo-vertrouwenspersoon-wachtwoord \
	"$(oathtool --totp -b 5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC)" >/dev/null
cookie=$(awk '$6 ~ /sessie/ {print $6 "=" $7}' "$jar" | head -1)
curl -s -b "$jar" -o "$tmp/form" "$BASE/werkruimte/gemeente-rivierstad/registreren"
csrf=$(csrf_of "$tmp/form")
today=$(TZ=Europe/Amsterdam date +%Y-%m-%d)
cat >"$tmp/register.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$cookie"
wrk.body = "csrf=$csrf&kanaal=telefoon&datum=$today&minuten=20&soort=melden&relatie=werknemer&thema=werkdruk" ..
	"&betrokkene=collega&hulp=advies&toestemming=mondeling&verhaal=" ..
	string.rep("Een+verhaal+over+wat+er+op+het+werk+gebeurt.+", 20)
done = function(summary, latency, requests)
	io.write(string.format("non-3xx: %d\n", summary.errors.status))
end
LUA
echo "== contacten registreren (1s, $conns verbindingen) =="
wrk -t "$threads" -c "$conns" -d 1s -s "$tmp/register.lua" "$BASE/werkruimte/gemeente-rivierstad/registreren" |
	grep -E 'Requests/sec|Latency|non-3xx'
n=$(sqlite3 "$tmp/b.db" "select count(*) from cases")
while [ "$n" -lt "$want" ]; do
	wrk -t "$threads" -c "$conns" -d 1s -s "$tmp/register.lua" "$BASE/werkruimte/gemeente-rivierstad/registreren" >/dev/null
	n=$(sqlite3 "$tmp/b.db" "select count(*) from cases")
done
echo "zaken in de database: $n"
cat >"$tmp/get.lua" <<LUA
wrk.headers["Cookie"] = "$cookie"
LUA
list() { # label path
	printf '%-34s ' "$1"
	wrk -t "$threads" -c "$conns" -d "$duration" -s "$tmp/get.lua" "$BASE$2" | awk '/Requests\/sec/ {print $2 " verzoeken/s"}'
}
late=$((n / 50 - 1))
check=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE/werkruimte?pagina=$late")
[ "$check" = 200 ] || { echo "pagina $late gaf $check"; exit 1; }
list "werkruimte, pagina 1" "/werkruimte"
list "werkruimte, pagina $late" "/werkruimte?pagina=$late"
list "werkruimte, thema en termijn" "/werkruimte?thema=werkdruk&termijn=week"
printf '%-34s ' "openbare startpagina (peer)"
wrk -t "$threads" -c "$conns" -d "$duration" "$BASE/" | awk '/Requests\/sec/ {print $2 " verzoeken/s"}'
