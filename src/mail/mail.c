/*
 * The notice by e-mail (mail.h) over libcurl's SMTP. mail_notify returns 0,
 * ERR_INVALID for an address that could break the message's headers, or
 * ERR_IO when the server cannot be reached or refuses (libcurl's reason is
 * logged, never the address).
 */
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/log.h"
#include "mail/mail.h"

const char *mail_subject(enum mail_notice what)
{
	return what == MAIL_DEADLINE ? "Termijn in je werkruimte" : "Nieuw bericht in je werkruimte";
}

const char *mail_body(const struct config *cfg, enum mail_notice what, char *out, size_t outlen)
{
	if (what == MAIL_DEADLINE)
		snprintf(out, outlen,
			 "Een termijn in je werkruimte in Vertrouwd loopt binnenkort af of is verlopen.\r\n\r\n"
			 "Log in om te zien welke: %s/werkruimte\r\n\r\n"
			 "Dit bericht zegt met opzet niet om welke zaak, termijn of organisatie het gaat. Deze "
			 "herinneringen zet je aan of uit onderaan je werkruimte.\r\n",
			 cfg->base_url);
	else
		snprintf(out, outlen,
			 "Er wacht iets nieuws voor je in Vertrouwd.\r\n\r\n"
			 "Log in om het te lezen: %s/werkruimte\r\n\r\n"
			 "Dit bericht zegt met opzet niet waarover het gaat, van wie het is of bij welke organisatie "
			 "het hoort.\r\n",
			 cfg->base_url);
	return out;
}

struct upload {
	const char *data;
	size_t left;
};

static size_t feed(char *ptr, size_t size, size_t nmemb, void *userp)
{
	struct upload *u = userp;
	size_t room = size * nmemb, n = u->left < room ? u->left : room;
	memcpy(ptr, u->data, n);
	u->data += n;
	u->left -= n;
	return n;
}

static void start_curl(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* An address fit for a header and an SMTP command: no spaces, controls, angle brackets or commas. */
static int plain_address(const char *s)
{
	if (!s || !*s || strlen(s) > 254 || !strchr(s, '@'))
		return 0;
	for (const unsigned char *p = (const unsigned char *) s; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>' || *p == ',' || *p == '"')
			return 0;
	return 1;
}

int mail_notify(const struct config *cfg, const char *to, enum mail_notice what)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, start_curl);
	if (!plain_address(to) || !plain_address(cfg->mail_from))
		return ERR_INVALID;
	char msg[2048], body[1024], date[64], rcpt[300];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	int n = snprintf(msg, sizeof(msg),
			 "Date: %s\r\nFrom: Vertrouwd <%s>\r\nTo: <%s>\r\nSubject: %s\r\nMIME-Version: 1.0\r\n"
			 "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s",
			 date, cfg->mail_from, to, mail_subject(what), mail_body(cfg, what, body, sizeof(body)));
	if (n < 0 || (size_t) n >= sizeof(msg))
		return ERR_INVALID;
	snprintf(rcpt, sizeof(rcpt), "<%s>", to);
	char from[300];
	snprintf(from, sizeof(from), "<%s>", cfg->mail_from);
	CURL *c = curl_easy_init();
	if (!c)
		return ERR_IO;
	struct curl_slist *list = curl_slist_append(NULL, rcpt);
	struct upload up = {msg, (size_t) n};
	curl_easy_setopt(c, CURLOPT_URL, cfg->smtp);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, list);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, feed);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long) CURLUSESSL_TRY);
	CURLcode rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		log_warn("mail: de melding kon niet worden verstuurd / notice not sent: %s", curl_easy_strerror(rc));
	curl_slist_free_all(list);
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? 0 : ERR_IO;
}
