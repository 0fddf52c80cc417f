# Shared by the cluster test and bench/scale.sh: nginx on a free loopback port,
# balancing round-robin over vertrouwd servers on loopback.
#
#   . tests/lib/balancer.sh
#   balancer_start DIR PORT...   # sets $lb_pid and $LB (http://127.0.0.1:N); 1 on failure
#
# A server that refuses connections is skipped (requests that never reached it
# are sent to the next one, POSTs included) and left out for 5 seconds. nginx
# passes the client's address in X-Forwarded-For and the scheme in
# X-Forwarded-Proto, as docs/deploy.md configures it.
#
# With BALANCER_TLS=DIR (holding cert.pem and key.pem) it terminates TLS, as in
# production, and $LB is https://127.0.0.1:N; BALANCER_PORT=N picks the port
# (when the servers must know their public address before nginx starts).
# Without it, a port another test took meanwhile means trying a new one (up to
# three times). Needs tests/lib/serve.sh (free_port).

balancer_start() {
	_dir=$1
	shift
	for _ in 1 2 3; do
		balancer_try "$_dir" "${BALANCER_PORT:-$(free_port)}" "$@" && return 0
		[ -n "${BALANCER_PORT:-}" ] && break
		grep -q 'Address already in use' "$_dir/error.log" "$_dir/start.log" 2>/dev/null || break
		kill "$lb_pid" 2>/dev/null
		wait "$lb_pid" 2>/dev/null
	done
	cat "$_dir/start.log" "$_dir/error.log" 2>/dev/null | tail -3 | sed 's/^/# /'
	return 1
}

# balancer_try DIR LBPORT PORT...: one start of nginx on LBPORT.
balancer_try() {
	_dir=$1 _lb=$2
	shift 2
	_scheme=http _ssl="" _curl=""
	if [ -n "${BALANCER_TLS:-}" ]; then
		_scheme=https _ssl=" ssl" _curl="--cacert $BALANCER_TLS/cert.pem"
	fi
	mkdir -p "$_dir"
	rm -f "$_dir/error.log" "$_dir/start.log"
	{
		[ "$(id -u)" = 0 ] && echo "user root;"
		echo "daemon off; worker_processes 1; pid $_dir/pid; error_log $_dir/error.log;"
		echo "events { worker_connections 1024; }"
		echo "http { access_log off; client_body_temp_path $_dir; proxy_temp_path $_dir;"
		echo "  fastcgi_temp_path $_dir; uwsgi_temp_path $_dir; scgi_temp_path $_dir;"
		echo "  client_max_body_size 12m;"
		printf '  upstream vertrouwd {'
		for _p in "$@"; do printf ' server 127.0.0.1:%s max_fails=1 fail_timeout=5s;' "$_p"; done
		echo ' keepalive 64; }'
		echo "  server { listen 127.0.0.1:$_lb$_ssl;"
		[ -n "$_ssl" ] && echo "    ssl_certificate $BALANCER_TLS/cert.pem; ssl_certificate_key $BALANCER_TLS/key.pem;"
		echo "    location / { proxy_pass http://vertrouwd; proxy_set_header Host \$http_host;"
		echo "    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto \$scheme;"
		echo "    proxy_http_version 1.1; proxy_set_header Connection \"\";"
		echo "    proxy_next_upstream error timeout; proxy_connect_timeout 1s; } }"
		echo "}"
	} >"$_dir/nginx.conf"
	"$(command -v nginx || echo /usr/sbin/nginx)" -e "$_dir/error.log" -c "$_dir/nginx.conf" -p "$_dir" \
		2>"$_dir/start.log" &
	lb_pid=$!
	LB=$_scheme://127.0.0.1:$_lb
	for _ in $(seq 50); do
		# shellcheck disable=SC2086
		[ "$(curl -s $_curl -o /dev/null -w '%{http_code}' "$LB/healthz")" = 200 ] && return 0
		kill -0 "$lb_pid" 2>/dev/null || break
		sleep 0.1
	done
	return 1
}

# One server behind TLS nginx, as deployed; both must agree on the public port
# before either starts, so a port another test took meanwhile means trying
# again with a new pair (up to three times).
#
#   proxied_start BIN LOG TLSDIR [serve options...]   # sets $srv_pid, $port,
#       $BASE (the server directly), $lb_pid and $LB; 1 on failure
proxied_start() {
	_pbin=$1 _plog=$2 _ptls=$3
	shift 3
	for _ in 1 2 3; do
		_plb=$(free_port)
		serve_free "$_pbin" "$_plog" "$@" --base-url "https://127.0.0.1:$_plb" --trusted-proxy 127.0.0.1 ||
			return 1
		BALANCER_PORT=$_plb BALANCER_TLS=$_ptls balancer_start "${_plog%/*}/nginx" "$port" && return 0
		kill "$srv_pid" "$lb_pid" 2>/dev/null
		wait "$srv_pid" "$lb_pid" 2>/dev/null
		srv_pid="" lb_pid=""
	done
	return 1
}
