/*
 * Cookie names and Set-Cookie values (http.h), in one place for both sides:
 * the server reads the names this file gives and the handlers set them with
 * http_cookie_header(). The only failure is an arena allocation (NULL).
 */
#include <stdio.h>
#include <string.h>

#include "http/http.h"

static const char *const names[][2] = {
    [HTTP_COOKIE_SESSION] = {"vt_sessie", "__Host-vt_sessie"},
    [HTTP_COOKIE_CSRF] = {"vt_formulier", "__Host-vt_formulier"},
    [HTTP_COOKIE_MAILBOX] = {"vt_postvak", "__Host-vt_postvak"},
};

int http_cookie_secure(const struct config *cfg, int tls)
{
	return tls || !strncmp(cfg->base_url, "https://", 8);
}

const char *http_cookie_name(enum http_cookie c, int secure)
{
	return names[c][secure ? 1 : 0];
}

const char *http_cookie_header(struct arena *a, enum http_cookie c, int secure, const char *value, long long max_age)
{
	char age[40] = "";
	if (max_age >= 0)
		snprintf(age, sizeof(age), "; Max-Age=%lld", max_age);
	return arena_printf(a, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s", http_cookie_name(c, secure), value, age,
			    secure ? "; Secure" : "");
}
