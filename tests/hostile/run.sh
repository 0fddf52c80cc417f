#!/bin/sh
# A client that lies, tried as deployed (nginx with TLS in front, --trusted-proxy):
# each check here fails if the defence it names is taken away.
#  - rate limits count the real client: made-up X-Forwarded-For headers neither
#    escape the limit nor lock out another client, and only the proxy's header
#    is believed; parallel guesses are counted before the password is checked;
#  - a made-up or powerless session cookie cannot send an upload-sized body;
#  - a second server on a busy port refuses to start;
#  - a beheerder cannot remove their own role by writing their address in other capitals;
#  - Argon2id without memory is a 503, and such attempts are not counted.
# (PostgreSQL's log without DETAIL and a session lost to a store outage are in tests/pg/run.sh.)
#
#   sh tests/hostile/run.sh BIN
set -u
bin=${1:-build/vertrouwd}
. tests/lib/suite.sh
suite_start hostile

tls_cert "$tmp/tls" || { not_ok "openssl makes a test certificate"; finish; }
db=sqlite:$tmp/h.db
"$bin" init --db "$db" --root . >/dev/null 2>&1
adduser() { # email roles password
	"$bin" user add "$1" --name "Iemand" --roles "$2" --db "$db" >/dev/null 2>&1
	echo "$3" | "$bin" user set-password "$1" --password-stdin --db "$db" >/dev/null 2>&1
}
adduser red@example.nl redacteur 'paarse olifant op de fiets'
adduser org@example.nl organisatie 'blauwe walvis in de sloot'
adduser ander@example.nl redacteur "rode kater op het dak"
adduser baas@example.nl beheerder 'groene giraffe in de trein'
secret=$("$bin" user totp baas@example.nl --db "$db" 2>/dev/null | sed -n 's/^  \([A-Z2-7]\{32\}\)$/\1/p')

proxied_start "$bin" "$tmp/log" "$tmp/tls" --db "$db" --root . --threads 8 ||
	{ not_ok "the server starts behind nginx with TLS"; finish; }
direct=$BASE
u=$LB
tlsarg="--cacert $tmp/tls/cert.pem"

# attempt BASE FROM EMAIL PASSWORD [curl args]: one sign-in from loopback address FROM in a fresh browser.
attempt() {
	_b=$1 _from=$2 _e=$3 _p=$4
	shift 4
	_j=$tmp/jar.$_from
	rm -f "$_j"
	# shellcheck disable=SC2086
	signin_post "$_b" "$_j" "$(signin_form "$_b" "$_j" --interface "$_from" $tlsarg "$@")" "$_e" "$_p" '' \
		--interface "$_from" $tlsarg "$@"
}

# ---- rate limits count the client behind the proxy ----
last=""
for i in $(seq 21); do
	last=$(attempt "$u" 127.0.0.9 "verzonnen$i@example.nl" "fout wachtwoord $i" -H "X-Forwarded-For: 198.51.100.$i")
done
check "a client with made-up X-Forwarded-For headers is still limited after 20 failures" "$last" 429
check "another client behind the same proxy still signs in" "$(attempt "$u" 127.0.0.5 red@example.nl 'paarse olifant op de fiets')" 303
last=""
for i in $(seq 21); do
	last=$(attempt "$direct" 127.0.0.3 "ander$i@example.nl" "fout wachtwoord $i" -H "X-Forwarded-For: 203.0.113.$i")
done
check "X-Forwarded-For from a client that is no trusted proxy is ignored" "$last" 429
check "a direct client at another address still signs in" "$(attempt "$direct" 127.0.0.4 red@example.nl 'paarse olifant op de fiets')" 303

# Eight guesses at once at one account: five are tried, three must wait.
guesses=""
for i in 1 2 3 4 5 6 7 8; do
	(tmp=$tmp/p$i && mkdir "$tmp" && attempt "$u" 127.0.0.7 org@example.nl "geraden wachtwoord $i") >"$tmp/par$i" &
	guesses="$guesses $!"
done
# shellcheck disable=SC2086
wait $guesses
check "eight parallel guesses: five tried" "$(cat "$tmp"/par? | grep -o 401 | wc -l)" 5
check "eight parallel guesses: three told to wait" "$(cat "$tmp"/par? | grep -o 429 | wc -l)" 3

# ---- bodies: only a live session with the route's role may send an upload ----
head -c 3000000 /dev/zero >"$tmp/big"
upload() { # cookie-header -> status
	# shellcheck disable=SC2086
	curl -s $tlsarg -o /dev/null -w '%{http_code}' -H "$1" -H 'Content-Type: application/octet-stream' \
		--data-binary "@$tmp/big" "$u/redactie/media"
}
check "a made-up session cookie cannot send 3 MB: 413" "$(upload 'Cookie: __Host-vt_sessie=anything')" 413
check "a well-formed unknown token cannot either: 413" "$(upload "Cookie: __Host-vt_sessie=$(printf '%064d' 7)")" 413
jo=$tmp/jar.org
attempt "$u" 127.0.0.8 org@example.nl 'blauwe walvis in de sloot' >/dev/null
cp "$tmp/jar.127.0.0.8" "$jo"
check "a session without the editor's role cannot either: 413" "$(upload "Cookie: __Host-vt_sessie=$(sed -n 's/.*__Host-vt_sessie\t//p' "$jo")")" 413
attempt "$u" 127.0.0.8 red@example.nl 'paarse olifant op de fiets' >/dev/null
check "an editor's session may (then CSRF decides: 403)" "$(upload "Cookie: __Host-vt_sessie=$(sed -n 's/.*__Host-vt_sessie\t//p' "$tmp/jar.127.0.0.8")")" 403
# Straight to the server a client is answered before its body is read.
check "the same made-up cookie straight to the server: 413" "$(curl -s -o /dev/null -w '%{http_code}' -H 'Expect:' \
	-H 'Cookie: __Host-vt_sessie=anything' --data-binary "@$tmp/big" "$direct/redactie/media")" 413
check "the server is still there" "$(curl -s -o /dev/null -w '%{http_code}' "$direct/healthz")" 200

# ---- a second server on the same port ----
"$bin" serve --db "$db" --root . --listen "127.0.0.1:$port" >"$tmp/second.out" 2>"$tmp/second.log"
check "a second server on a busy port exits 1" "$?" 1
grep -q 'al in gebruik' "$tmp/second.log" && ok "and says in Dutch that the port is in use" || not_ok "busy port message" "$(cat "$tmp/second.log")"
check "the first server still answers" "$(curl -s -o /dev/null -w '%{http_code}' "$direct/healthz")" 200

# ---- a beheerder keeps their own role, whatever capitals they type ----
jb=$tmp/jar.baas
rm -f "$jb"
bcsrf=$(signin_form "$u" "$jb" $tlsarg)
check "the beheerder signs in through the proxy" \
	"$(signin_post "$u" "$jb" "$bcsrf" baas@example.nl 'groene giraffe in de trein' "$(oathtool --totp -b "$secret")" $tlsarg)" 303
curl -s $tlsarg -b "$jb" -o "$tmp/users.html" "$u/beheer/gebruikers"
acsrf=$(csrf_of "$tmp/users.html")
change() { # action email [rol...] -> status
	_a=$1 _e=$2
	shift 2
	_roles=""
	for _r in "$@"; do _roles="$_roles --data-urlencode rol=$_r"; done
	# shellcheck disable=SC2086
	curl -s $tlsarg -b "$jb" -o "$tmp/change.html" -w '%{http_code}' --data-urlencode "csrf=$acsrf" \
		--data-urlencode "email=$_e" $_roles "$u/beheer/gebruikers/$_a"
}
check "removing one's own beheerder role in other capitals: 400" "$(change rollen BAAS@Example.NL redacteur)" 400
grep -q 'eigen rol als beheerder' "$tmp/change.html" && ok "the page says why" || not_ok "refusal text"
check "blocking oneself in other capitals: 400" "$(change blokkeren Baas@example.nl)" 400
"$bin" user list --db "$db" >"$tmp/list" 2>&1
grep 'baas@example.nl' "$tmp/list" | grep -q beheerder && ok "the beheerder keeps the role" || not_ok "role kept" "$(grep baas "$tmp/list")"
check "another user's roles still change" "$(change rollen ANDER@example.nl redacteur organisatie)" 200

# ---- Argon2id without memory: 503, and not a counted failure ----
if ldd "$bin" 2>/dev/null | grep -q asan; then
	echo "# skipped under ASan (its shadow memory cannot run under an address-space limit): Argon2id without memory"
elif command -v prlimit >/dev/null; then
	oport=$(free_port)
	MALLOC_ARENA_MAX=1 prlimit --as=100000000: "$bin" serve --db "$db" --root . --listen "127.0.0.1:$oport" --threads 2 \
		>"$tmp/oom.out" 2>"$tmp/oom.log" &
	oom_pid=$!
	pids=$oom_pid
	for _ in $(seq 50); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$oport/healthz")" = 200 ] && break
		sleep 0.1
	done
	o=http://127.0.0.1:$oport
	codes=""
	for i in 1 2 3 4 5 6 7; do codes="$codes $(tlsarg='' attempt "$o" 127.0.0.11 red@example.nl 'paarse olifant op de fiets')"; done
	check "sign-ins while Argon2id finds no memory: 503 each" "$codes" " 503 503 503 503 503 503 503"
	grep -q 'Even niet beschikbaar' "$tmp/body" && ok "the 503 page says so in Dutch" || not_ok "503 page"
	prlimit --pid "$oom_pid" --as=unlimited:
	check "with memory again the right password signs in (no attempt was counted)" \
		"$(tlsarg='' attempt "$o" 127.0.0.11 red@example.nl 'paarse olifant op de fiets')" 303
else
	not_ok "prlimit (util-linux) is installed"
fi
[ "$failed" = 0 ] || tail -n 20 "$tmp/log" | sed 's/^/# /'
finish
