# Shared by the cluster test and bench/scale.sh: nginx on a free loopback port,
# balancing round-robin over vertrouwd servers on loopback.
#
#   . tests/lib/balancer.sh
#   balancer_start DIR PORT...   # sets $lb_pid and $LB (http://127.0.0.1:N); 1 on failure
#
# A server that refuses connections is skipped (requests that never reached it
# are sent to the next one, POSTs included) and left out for 5 seconds.
balancer_start() {
	_dir=$1
	shift
	_rnd=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	_lb=$((20000 + _rnd % 30000))
	while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$_lb/"; [ $? -ne 7 ]; do _lb=$((_lb + 1)); done
	mkdir -p "$_dir"
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
		echo "  server { listen 127.0.0.1:$_lb; location / { proxy_pass http://vertrouwd; proxy_set_header Host \$http_host;"
		echo "    proxy_http_version 1.1; proxy_set_header Connection \"\";"
		echo "    proxy_next_upstream error timeout; proxy_connect_timeout 1s; } }"
		echo "}"
	} >"$_dir/nginx.conf"
	"$(command -v nginx || echo /usr/sbin/nginx)" -e "$_dir/error.log" -c "$_dir/nginx.conf" -p "$_dir" \
		2>"$_dir/start.log" &
	lb_pid=$!
	LB=http://127.0.0.1:$_lb
	for _ in $(seq 50); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$LB/healthz")" = 200 ] && return 0
		kill -0 "$lb_pid" 2>/dev/null || break
		sleep 0.1
	done
	cat "$_dir/start.log" "$_dir/error.log" 2>/dev/null | tail -3 | sed 's/^/# /'
	return 1
}
