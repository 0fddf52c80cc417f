# Shared by the shell tests: start `vertrouwd serve` on a free loopback port
# (stderr, the log, to LOG; stdout to LOG.out).
#
#   . tests/lib/serve.sh
#   serve_free BIN LOG [serve options...]   # sets $srv_pid, $port and $BASE
#
# Tries up to 20 ports from a random start: a port someone answers on is
# skipped, and a server that exits saying it cannot listen (another test took
# the port meanwhile) is retried on the next one. Waits up to $START_TMO
# seconds (default 60: sanitizer builds on a busy machine start slowly) for
# /healthz. Returns 1, with the log's tail on stdout as "# " lines, when no
# server came up.
serve_now() { date +%s; }

# A random loopback port below the kernel's range for outgoing connections
# (ip_local_port_range): a client socket's port is never taken from there, so
# a port found free stays free unless another test listens on it.
port_pick() {
	_hi=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null)
	[ "${_hi:-0}" -gt 12000 ] 2>/dev/null || _hi=32768
	_rnd=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	echo $((10000 + _rnd % (_hi - 10100)))
}

# A loopback port nobody answers on (curl's exit code 7: could not connect).
free_port() {
	_fp=$(port_pick)
	while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_fp/"; [ $? -ne 7 ]; do _fp=$((_fp + 1)); done
	echo "$_fp"
}

serve_free() {
	_bin=$1 _log=$2
	shift 2
	port=$(port_pick)
	_tries=0
	while [ "$_tries" -lt 20 ]; do
		_tries=$((_tries + 1))
		port=$((port + 1))
		# Exit code 7 is "could not connect": nobody listens there.
		curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" 2>/dev/null
		[ $? -eq 7 ] || continue
		"$_bin" serve --listen "127.0.0.1:$port" "$@" >"$_log.out" 2>"$_log" &
		srv_pid=$!
		BASE=http://127.0.0.1:$port
		_deadline=$(($(serve_now) + ${START_TMO:-60}))
		while [ "$(serve_now)" -le "$_deadline" ]; do
			if ! kill -0 "$srv_pid" 2>/dev/null; then
				wait "$srv_pid" 2>/dev/null
				srv_pid=
				grep -q 'kan niet luisteren' "$_log" && break # port taken meanwhile: the next one
				tail -n 5 "$_log" | sed 's/^/# /'
				return 1
			fi
			[ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$BASE/healthz" 2>/dev/null)" = 200 ] && return 0
			sleep 0.2
		done
		if [ -n "$srv_pid" ]; then
			tail -n 5 "$_log" | sed 's/^/# /'
			return 1 # runs but never became healthy
		fi
	done
	echo "# no free port found"
	return 1
}

# A local SMTP sink that keeps what it receives in FILE, on a port the kernel
# chose (so two test runs on one machine never share one): sets sink (the port)
# and sink_pid. Returns 1 when it does not listen within 10 s.
smtp_sink() {
	rm -f "$1.port"
	node tests/lib/smtp_sink.mjs 0 "$1" "$1.port" &
	sink_pid=$!
	for _ in $(seq 50); do
		[ -s "$1.port" ] && { sink=$(cat "$1.port"); return 0; }
		sleep 0.2
	done
	return 1
}
