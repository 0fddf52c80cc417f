# Shared by the suites that test as deployed: a self-signed certificate for
# 127.0.0.1 made with openssl at test time, and curl sign-in helpers.
#
#   . tests/lib/tls.sh
#   tls_cert DIR                       # DIR/cert.pem and DIR/key.pem; 1 on failure
#   csrf_of FILE                       # the first form's CSRF token in an HTML file
#   signin_form URL JAR [curl args]    # GET URL/inloggen; prints the form's CSRF token
#   signin_post URL JAR CSRF EMAIL PASSWORD [CODE] [curl args]
#                                      # POST URL/inloggen; prints the status, headers in $tmp/head
tls_cert() {
	mkdir -p "$1"
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
		-addext "subjectAltName=IP:127.0.0.1" -keyout "$1/key.pem" -out "$1/cert.pem" >/dev/null 2>&1
}

csrf_of() {
	grep -o 'name="csrf" value="[0-9a-f]*"' "$1" | head -1 | sed 's/.*value="//; s/"//'
}

signin_form() {
	_u=$1 _j=$2
	shift 2
	curl -s "$@" -c "$_j" -b "$_j" -o "$tmp/form.html" "$_u/inloggen"
	csrf_of "$tmp/form.html"
}

signin_post() {
	_u=$1 _j=$2 _c=$3 _e=$4 _p=$5 _code=${6:-}
	shift 5
	[ $# -gt 0 ] && shift
	curl -s "$@" -c "$_j" -b "$_j" -D "$tmp/head" -o "$tmp/body" -w '%{http_code}' --data-urlencode "csrf=$_c" \
		--data-urlencode "email=$_e" --data-urlencode "password=$_p" --data-urlencode "code=$_code" "$_u/inloggen"
}
