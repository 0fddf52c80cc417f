/*
 * Who is asking (http.h, http_client_resolve): the client's address, reduced
 * at once to a coarse key for rate limits, and whether the request came over
 * TLS. Behind a trusted reverse proxy both come from the proxy's
 * X-Forwarded-For and X-Forwarded-Proto; from anyone else those headers are
 * ignored, since a client can write them. Nothing here fails: an address that
 * cannot be read gives no key, and the address itself is never kept.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "crypto/crypto.h"
#include "http/http.h"

/*
 * 20 bits of a hash of the address, so each key stands for thousands of
 * addresses and none can be turned back into one. For IPv6 the /64 network
 * counts, as one household or device usually has all of it.
 */
static void key_of(const struct config_addr *a, char out[HTTP_CLIENT_KEY])
{
	unsigned char h[32];
	vault_hash(h, a->bytes, a->family == 6 ? 8 : 4, "client");
	snprintf(out, HTTP_CLIENT_KEY, "%05x", ((unsigned) h[0] << 12 | (unsigned) h[1] << 4 | h[2] >> 4) & 0xFFFFFu);
}

/* The element of a comma-separated list that ends at end (exclusive), trimmed; *start gets its start. */
static size_t last_element(const char *list, const char *end, const char **start)
{
	const char *e = end;
	while (e > list && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	const char *s = e;
	while (s > list && s[-1] != ',')
		s--;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	*start = s;
	return (size_t) (e - s);
}

/*
 * The right-most address of X-Forwarded-For that is not a trusted proxy: each
 * proxy appends the address it was reached from, so everything right of the
 * first untrusted entry was written by our own proxies. When every entry is
 * trusted, the left-most one. 0, or ERR_INVALID when none can be read.
 */
static int forwarded_client(const struct config *cfg, const char *xff, struct config_addr *out)
{
	const char *end = xff + strlen(xff);
	int found = 0;
	while (end > xff) {
		const char *s;
		size_t n = last_element(xff, end, &s);
		struct config_addr a;
		/* "[2001:db8::1]" and "192.0.2.1:4711" are not what proxies write, but are read too. */
		if (n > 2 && s[0] == '[' && memchr(s, ']', n))
			n = (size_t) ((const char *) memchr(s, ']', n) - s - 1), s++;
		else if (memchr(s, '.', n) && memchr(s, ':', n))
			n = (size_t) ((const char *) memchr(s, ':', n) - s);
		if (n && !config_addr_parse(s, n, &a)) {
			*out = a;
			found = 1;
			if (!config_proxy_trusted(cfg, &a))
				return 0;
		} else if (n) {
			return found ? 0 : ERR_INVALID; /* garbage left of a proxy's entry: keep what we have */
		}
		end = s > xff ? s - 1 : xff;
	}
	return found ? 0 : ERR_INVALID;
}

void http_client_resolve(const struct config *cfg, const struct config_addr *peer, const char *forwarded_for,
			 const char *forwarded_proto, struct http_client *out)
{
	memset(out, 0, sizeof(*out));
	if (!peer)
		return;
	struct config_addr client = *peer;
	if (config_proxy_trusted(cfg, peer)) {
		struct config_addr fwd;
		out->via_proxy = 1;
		if (forwarded_for && !forwarded_client(cfg, forwarded_for, &fwd))
			client = fwd;
		if (forwarded_proto) {
			const char *s;
			size_t n = last_element(forwarded_proto, forwarded_proto + strlen(forwarded_proto), &s);
			out->tls = n == 5 && !strncasecmp(s, "https", 5);
		}
	}
	key_of(&client, out->key);
	out->known = 1;
}
